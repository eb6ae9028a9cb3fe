package cn.tiaojie.scheduling.service.reminders;

import cn.tiaojie.scheduling.client.HearingMessages;
import cn.tiaojie.scheduling.client.HearingOutbox;
import cn.tiaojie.scheduling.config.SchedulingConfig;
import cn.tiaojie.scheduling.model.Hearing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reminds every participant of a hearing {@code tiaojie.scheduling.reminder-leads} before it (3 days and 1 day), in
 * their language and channels as the hearing notice went (notify-service holds SMS through the quiet hours). A lead
 * is sent once per hearing and start, and only when the notice itself went out before it was due; when several are
 * due at once (a sweep that was down) only the nearest goes out. Moving a hearing gives it new reminders.
 */
@ApplicationScoped
public class HearingReminders {

    private static final int MOST_PER_SWEEP = 500;

    private final EntityManager em;
    private final HearingOutbox outbox;
    private final List<Duration> leads;

    HearingReminders(EntityManager em, HearingOutbox outbox, SchedulingConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.leads = config.reminderLeads().stream().sorted(Comparator.reverseOrder()).toList();
    }

    @Scheduled(every = "${tiaojie.scheduling.remind-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        remind(Instant.now());
    }

    /** Sends the reminders due at {@code now}; answers how many hearings were reminded. */
    public int remind(Instant now) {
        int reminded = 0;
        for (int i = 0; i < leads.size(); i++) {
            Duration lead = leads.get(i);
            // a nearer lead already due takes over from this one
            Duration nearer = i + 1 < leads.size() ? leads.get(i + 1) : Duration.ZERO;
            for (UUID id : due(lead, nearer, now)) {
                if (QuarkusTransaction.requiringNew().call(() -> send(id, lead, now))) {
                    reminded++;
                }
            }
        }
        return reminded;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> due(Duration lead, Duration nearer, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select h.id from hearing h
                 where h.status in ('BOOKED', 'RESCHEDULED') and h.notified_at is not null
                   and h.starts_at > ?1 and h.starts_at <= ?2
                   and h.notified_at < h.starts_at - make_interval(secs => ?3)
                   and not exists (select 1 from hearing_reminder r
                                    where r.hearing_id = h.id and r.lead = ?4 and r.starts_at = h.starts_at)
                 order by h.starts_at limit ?5""", UUID.class)
                .setParameter(1, now.plus(nearer)).setParameter(2, now.plus(lead))
                .setParameter(3, (double) lead.toSeconds()).setParameter(4, lead.toString())
                .setParameter(5, MOST_PER_SWEEP).getResultList());
    }

    /** Claims the reminder (another replica that claimed it first wins) and puts its notices in the outbox. */
    private boolean send(UUID hearingId, Duration lead, Instant now) {
        Hearing h = em.find(Hearing.class, hearingId);
        if (h == null || !h.isLive()) {
            return false;
        }
        int claimed = em.createNativeQuery("""
                insert into hearing_reminder (hearing_id, lead, starts_at, sent_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, hearingId).setParameter(2, lead.toString()).setParameter(3, h.startsAt)
                .setParameter(4, now).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        outbox.reminderNotices(h, HearingMessages.requestOf(h), lead);
        return true;
    }
}
