package cn.tiaojie.notify.service.delivery;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.notify.config.NotifyConfig;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.channel.ChannelSender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * A document served to a party (a hearing notice, its change or cancellation, an outcome) that reached them but was
 * not confirmed within {@code tiaojie.notify.service.confirm-within} (shorter before a near hearing) goes out again
 * on a channel not yet used; still unconfirmed after another such wait, or with no other channel, it becomes a
 * paper-service task (paper_delivery_required). A hearing's notice whose hearing has begun is left (stage 3):
 * serving it now helps nobody. Each step is claimed under the notice's row lock, so it happens once across replicas.
 */
@ApplicationScoped
public class UnconfirmedService {

    private static final Logger LOG = Logger.getLogger(UnconfirmedService.class);
    private static final int MOST_PER_SWEEP = 500;
    static final Set<NoticeKind> SERVED_DOCUMENTS = Set.of(NoticeKind.HEARING_NOTICE, NoticeKind.HEARING_RESCHEDULED,
            NoticeKind.HEARING_CANCELLED, NoticeKind.OUTCOME);

    public record Run(int sentAgain, int toPaper) {
    }

    private final EntityManager em;
    private final NotifyConfig.Service config;
    private final Set<Channel> offered;

    UnconfirmedService(EntityManager em, NotifyConfig config, Instance<ChannelSender> senders) {
        this.em = em;
        this.config = config.service();
        this.offered = senders.stream().filter(ChannelSender::available).map(ChannelSender::channel)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Scheduled(every = "${tiaojie.notify.service.every:10m}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = followUp(Instant.now());
        if (run.sentAgain() + run.toPaper() > 0) {
            LOG.infof("unconfirmed documents: %d sent again, %d to paper service", run.sentAgain(), run.toPaper());
        }
    }

    /** Takes the next step for each unconfirmed document whose wait is over at {@code now}. */
    public Run followUp(Instant now) {
        int sentAgain = 0;
        int toPaper = 0;
        for (UUID id : candidates(now)) {
            Integer stage = QuarkusTransaction.requiringNew().call(() -> step(id, now));
            if (stage == 1) {
                sentAgain++;
            } else if (stage == 2) {
                toPaper++;
            }
        }
        return new Run(sentAgain, toPaper);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> candidates(Instant now) {
        // the shorter wait is the first filter; each notice's own wait is decided under its lock
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select id from notice
                 where acknowledged_at is null and not paper_delivery_required and recipient_kind = 'PARTY'
                   and follow_up_stage < 2 and kind in (?1) and created_at < ?2
                 order by created_at limit ?3""", UUID.class)
                .setParameter(1, SERVED_DOCUMENTS.stream().map(Enum::name).toList())
                .setParameter(2, now.minus(config.confirmWithinNearHearing()))
                .setParameter(3, MOST_PER_SWEEP).getResultList());
    }

    /** The stage the notice reached by this step, or 0 when it is not yet due. */
    private int step(UUID id, Instant now) {
        Notice n = em.find(Notice.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (n.acknowledgedAt != null || n.paperDeliveryRequired || n.followUpStage >= 2) {
            return 0;
        }
        List<Delivery> deliveries = Delivery.list("noticeId", id);
        if (deliveries.stream().anyMatch(Delivery::isPending)) {
            return 0;
        }
        if (hearingBegun(n, now)) {
            n.followUpStage = 3;
            n.followedUpAt = now;
            return 3;
        }
        Instant waitingSince = n.followUpStage == 0
                ? deliveries.stream().filter(Delivery::reachedRecipient)
                        .map(d -> d.deliveredAt != null ? d.deliveredAt : d.sentAt).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null)
                : n.followedUpAt;
        Duration wait = nearHearing(n, now) ? config.confirmWithinNearHearing() : config.confirmWithin();
        if (waitingSince == null || waitingSince.plus(wait).isAfter(now)) {
            return 0;
        }
        Channel next = n.followUpStage == 0 ? unusedChannel(n, deliveries) : null;
        n.followedUpAt = now;
        if (next != null) {
            Delivery.queued(id, next, now).persist();
            n.followUpStage = 1;
            LOG.infof("notice %s not confirmed within %s: sent again by %s", id, wait, next);
            return 1;
        }
        n.followUpStage = 2;
        n.paperDeliveryRequired = true;
        n.paperDeliveryReason = "delivered but not confirmed within " + wait.toHours() + " h";
        LOG.infof("notice %s not confirmed within %s: handed to paper service", id, wait);
        return 2;
    }

    /** SMS or e-mail, whichever this deployment offers, the party can be reached on, and was not used yet. */
    private Channel unusedChannel(Notice n, List<Delivery> deliveries) {
        Set<Channel> used = deliveries.stream().map(d -> d.channel).collect(Collectors.toSet());
        if (!used.contains(Channel.SMS) && offered.contains(Channel.SMS) && n.phone != null && !n.phone.isBlank()) {
            return Channel.SMS;
        }
        if (!used.contains(Channel.EMAIL) && offered.contains(Channel.EMAIL) && n.email != null
                && !n.email.isBlank()) {
            return Channel.EMAIL;
        }
        return null;
    }

    private boolean nearHearing(Notice n, Instant now) {
        Instant startsAt = startsAt(n);
        return startsAt != null && Duration.between(now, startsAt).compareTo(config.nearHearing()) < 0;
    }

    private static boolean hearingBegun(Notice n, Instant now) {
        Instant startsAt = startsAt(n);
        return startsAt != null && !startsAt.isAfter(now);
    }

    private static Instant startsAt(Notice n) {
        String startsAt = n.fields == null ? null : n.fields.get("startsAt");
        try {
            return startsAt == null ? null : Instant.parse(startsAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
