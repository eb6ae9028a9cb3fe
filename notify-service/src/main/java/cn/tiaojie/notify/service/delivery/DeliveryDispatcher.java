package cn.tiaojie.notify.service.delivery;

import cn.tiaojie.notify.config.NotifyConfig;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.model.DeliveryState;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.service.channel.ChannelSender;
import cn.tiaojie.notify.service.channel.PermanentFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries through their channel's sender, a batch at a time:
 * <ol>
 * <li>claim: in one transaction take up to batch-size due deliveries with FOR UPDATE SKIP LOCKED (so replicas
 * never take the same one) and mark them SENDING until now + lease; non-urgent SMS in the quiet hours and
 * deliveries over the recipient's hourly limit are put back for later instead;</li>
 * <li>send: outside any transaction, in parallel, each under its delivery's id as idempotency key;</li>
 * <li>complete: in one transaction record SENT, a retry with exponential backoff, or FAILED, and fall back:
 * a failed e-mail queues an SMS, and a resident's notice with no electronic channel left is flagged for paper
 * delivery by the grid worker.</li>
 * </ol>
 * A crash between send and complete leaves deliveries SENDING; when their lease runs out any replica takes them
 * again and re-sends under the same key, which the SMS gateway recognises.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** why a party's notice goes on paper when they gave no way to reach them */
    public static final String NO_CONTACT = "no phone or e-mail to send to";
    /** batches one run takes at most, so a run ends even while notices keep arriving */
    private static final int MAX_BATCHES_PER_RUN = 500;
    private static final Set<Channel> RATE_LIMITED = Set.of(Channel.SMS, Channel.EMAIL);

    private record Claimed(Delivery delivery, Notice notice) {
    }

    private sealed interface Outcome permits Sent, Failed {
        UUID deliveryId();

        int attempt();
    }

    private record Sent(UUID deliveryId, int attempt, String providerMessageId) implements Outcome {
    }

    private record Failed(UUID deliveryId, int attempt, String reason, boolean permanent) implements Outcome {
    }

    private final EntityManager em;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final NotifyConfig.Dispatch config;
    private final NotifyConfig.QuietHours quietHours;
    private final NotifyConfig.RateLimit rateLimit;
    private final ExecutorService sendPool = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight;

    DeliveryDispatcher(EntityManager em, Instance<ChannelSender> senders, NotifyConfig config) {
        this.em = em;
        senders.stream().filter(ChannelSender::available).forEach(sender -> this.senders.put(sender.channel(), sender));
        this.config = config.dispatch();
        this.quietHours = config.quietHours();
        this.rateLimit = config.rateLimit();
        this.inFlight = new Semaphore(this.config.parallelism());
    }

    void stop(@Observes ShutdownEvent event) {
        sendPool.shutdown();
    }

    @Scheduled(every = "${tiaojie.notify.dispatch.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        if (config.enabled()) {
            dispatchAllDue();
        }
    }

    /** Sends what is due now; returns how many deliveries were taken (sent, failed or put back). */
    public int dispatchAllDue() {
        return dispatchAllDue(null);
    }

    /**
     * As {@link #dispatchAllDue()}, as if it were {@code at} (tests of the quiet hours); null for the clock. Several
     * workers claim batches side by side, so one's database work overlaps another's sending.
     */
    public int dispatchAllDue(Instant at) {
        if (config.workers() <= 1) {
            return dispatchLoop(at);
        }
        List<Future<Integer>> loops = new ArrayList<>();
        for (int i = 0; i < config.workers(); i++) {
            loops.add(sendPool.submit(() -> dispatchLoop(at)));
        }
        int taken = 0;
        for (Future<Integer> loop : loops) {
            try {
                taken += loop.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.error("a dispatch worker failed", e.getCause());
            }
        }
        return taken;
    }

    private int dispatchLoop(Instant at) {
        int taken = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int n = dispatchBatch(at == null ? Instant.now() : at);
            taken += n;
            if (n < config.batchSize()) {
                break;
            }
        }
        return taken;
    }

    private int dispatchBatch(Instant now) {
        List<Claimed> claimed = new ArrayList<>();
        int taken = QuarkusTransaction.requiringNew().call(() -> claim(now, claimed));
        if (!claimed.isEmpty()) {
            List<Outcome> outcomes = sendAll(claimed);
            QuarkusTransaction.requiringNew().run(() -> complete(outcomes, now));
        }
        return taken;
    }

    /** Takes due deliveries; those to send now go into {@code claimed}. Returns how many were taken in all. */
    private int claim(Instant now, List<Claimed> claimed) {
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("""
                select * from delivery
                where state in ('QUEUED', 'SENDING') and next_attempt_at <= :now
                order by next_attempt_at
                limit :batch
                for update skip locked""", Delivery.class)
                .setParameter("now", now)
                .setParameter("batch", config.batchSize())
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, Notice> notices = em.createQuery("select n from Notice n where n.id in :ids", Notice.class)
                .setParameter("ids", due.stream().map(d -> d.noticeId).distinct().toList())
                .getResultStream().collect(Collectors.toMap(n -> n.id, Function.identity()));
        Map<String, Long> sentLastHour = sentLastHour(due, notices, now);
        boolean quiet = inQuietHours(now);
        for (Delivery delivery : due) {
            Notice notice = notices.get(delivery.noticeId);
            if (quiet && delivery.channel == Channel.SMS && !notice.urgent) {
                delivery.defer(endOfQuietHours(now), "quiet hours: non-urgent SMS wait until "
                        + quietHours.end(), now);
                continue;
            }
            if (RATE_LIMITED.contains(delivery.channel) && !notice.urgent) {
                String key = rateKey(notice, delivery.channel);
                long sent = sentLastHour.merge(key, 1L, Long::sum) - 1;
                if (sent >= rateLimit.perHour()) {
                    delivery.defer(now.plus(Duration.ofHours(1).dividedBy(rateLimit.perHour())),
                            "rate limit: " + rateLimit.perHour() + " per hour to one recipient on " + delivery.channel,
                            now);
                    continue;
                }
            }
            delivery.claim(now, config.lease());
            claimed.add(new Claimed(delivery, notice));
        }
        return due.size();
    }

    /** Non-urgent SMS and e-mails sent to the batch's recipients within the last hour, by recipient and channel. */
    private Map<String, Long> sentLastHour(List<Delivery> due, Map<UUID, Notice> notices, Instant now) {
        List<Notice> limited = due.stream().filter(d -> RATE_LIMITED.contains(d.channel))
                .map(d -> notices.get(d.noticeId)).filter(n -> !n.urgent).toList();
        Map<String, Long> counts = new HashMap<>();
        if (limited.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("""
                select n.recipientKind, n.recipientId, d.channel, count(d) from Delivery d, Notice n
                where n.id = d.noticeId and n.recipientKind in :kinds and n.recipientId in :ids
                  and d.channel in :channels and d.sentAt > :since and n.urgent = false
                group by n.recipientKind, n.recipientId, d.channel""", Object[].class)
                .setParameter("kinds", limited.stream().map(n -> n.recipientKind).distinct().toList())
                .setParameter("ids", limited.stream().map(n -> n.recipientId).distinct().toList())
                .setParameter("channels", RATE_LIMITED)
                .setParameter("since", now.minus(Duration.ofHours(1)))
                .getResultList();
        for (Object[] row : rows) {
            counts.put(row[0] + ":" + row[1] + ":" + row[2], (Long) row[3]);
        }
        return counts;
    }

    private static String rateKey(Notice notice, Channel channel) {
        return notice.recipientKind + ":" + notice.recipientId + ":" + channel;
    }

    boolean inQuietHours(Instant now) {
        LocalTime local = now.atZone(quietHours.zone()).toLocalTime();
        LocalTime start = quietHours.start();
        LocalTime end = quietHours.end();
        return start.isAfter(end) ? !local.isBefore(start) || local.isBefore(end)
                : !local.isBefore(start) && local.isBefore(end);
    }

    Instant endOfQuietHours(Instant now) {
        ZonedDateTime local = now.atZone(quietHours.zone());
        ZonedDateTime end = local.with(quietHours.end()).withSecond(0).withNano(0);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    private List<Outcome> sendAll(List<Claimed> claimed) {
        List<Future<Outcome>> pending = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            pending.add(sendPool.submit(() -> {
                inFlight.acquire();
                try {
                    return send(c);
                } finally {
                    inFlight.release();
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>(claimed.size());
        for (int i = 0; i < pending.size(); i++) {
            Claimed c = claimed.get(i);
            try {
                outcomes.add(pending.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(new Failed(c.delivery().id, c.delivery().attempts, "interrupted", false));
            } catch (ExecutionException e) {
                outcomes.add(new Failed(c.delivery().id, c.delivery().attempts, describe(e.getCause()), false));
            }
        }
        return outcomes;
    }

    private Outcome send(Claimed c) {
        Delivery d = c.delivery();
        ChannelSender sender = senders.get(d.channel);
        if (sender == null) {
            return new Failed(d.id, d.attempts, "no sender for channel " + d.channel + " in this deployment", true);
        }
        try {
            return new Sent(d.id, d.attempts, sender.send(c.notice(), d));
        } catch (PermanentFailure e) {
            return new Failed(d.id, d.attempts, e.getMessage(), true);
        } catch (Exception e) {
            return new Failed(d.id, d.attempts, describe(e), false);
        }
    }

    private void complete(List<Outcome> outcomes, Instant claimedAt) {
        Instant now = Instant.now().isAfter(claimedAt) ? Instant.now() : claimedAt;
        Map<UUID, Delivery> deliveries = em.createQuery("select d from Delivery d where d.id in :ids", Delivery.class)
                .setParameter("ids", outcomes.stream().map(Outcome::deliveryId).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        List<Delivery> failed = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Delivery d = deliveries.get(outcome.deliveryId());
            if (d == null || d.state != DeliveryState.SENDING || d.attempts != outcome.attempt()) {
                continue; // its lease ran out and another dispatcher took it over
            }
            switch (outcome) {
                case Sent sent -> {
                    Instant deliveredEarly = d.deliveredAt;
                    d.markSent(now, sent.providerMessageId());
                    if (deliveredEarly != null) {
                        d.deliveredAt = null;
                        d.markDelivered(deliveredEarly);
                    }
                }
                case Failed f -> {
                    boolean lastAttempt = f.permanent() || d.attempts >= config.maxAttempts();
                    d.recordFailure(f.reason(), now, backoff(d.attempts), lastAttempt);
                    LOG.warnf("delivery %s of notice %s on %s: attempt %d failed%s: %s", d.id, d.noticeId,
                            d.channel, d.attempts, lastAttempt ? ", giving up" : ", retrying at " + d.nextAttemptAt,
                            d.failureReason);
                    if (lastAttempt) {
                        failed.add(d);
                    }
                }
            }
        }
        failed.forEach(d -> fallBack(d, now));
    }

    /**
     * After a channel gave up: a failed e-mail is followed by an SMS (if the recipient has a phone and no SMS was
     * sent yet); a resident's notice with no SMS or e-mail left pending or sent is flagged for paper delivery.
     */
    public void fallBack(Delivery failed, Instant now) {
        Notice notice = em.find(Notice.class, failed.noticeId);
        List<Delivery> all = Delivery.list("noticeId", failed.noticeId);
        boolean hasSms = all.stream().anyMatch(d -> d.channel == Channel.SMS);
        if (failed.channel == Channel.EMAIL && !hasSms && senders.containsKey(Channel.SMS)
                && notice.phone != null && !notice.phone.isBlank()) {
            Delivery sms = Delivery.queued(notice.id, Channel.SMS, now);
            sms.fallbackFor = failed.id;
            sms.persist();
            LOG.infof("notice %s: e-mail failed, falling back to SMS", notice.id);
            return;
        }
        if (!notice.isToResident() || notice.paperDeliveryRequired) {
            return;
        }
        boolean electronicLeft = all.stream().filter(d -> RATE_LIMITED.contains(d.channel))
                .anyMatch(d -> d.isPending() || d.reachedRecipient());
        if (!electronicLeft) {
            String reason = all.stream().filter(d -> RATE_LIMITED.contains(d.channel))
                    .map(d -> d.channel + ": " + d.failureReason).collect(Collectors.joining("; "));
            em.createNativeQuery("update notice set paper_delivery_required = true, paper_delivery_reason = :reason"
                            + " where id = :id")
                    .setParameter("reason", reason.isEmpty() ? NO_CONTACT : truncate(reason))
                    .setParameter("id", notice.id)
                    .executeUpdate();
            LOG.warnf("notice %s to %s %s: no electronic channel reached them, flagged for paper delivery", notice.id,
                    notice.recipientKind, notice.recipientId);
        }
    }

    private static String truncate(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The wait after failed attempt {@code attempt} (1-based): the initial backoff, doubled each time, capped. */
    Duration backoff(int attempt) {
        Duration max = config.maxBackoff();
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
