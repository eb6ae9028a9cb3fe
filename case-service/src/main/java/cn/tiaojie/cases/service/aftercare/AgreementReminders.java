package cn.tiaojie.cases.service.aftercare;

import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.notices.CaseNotices;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Step;
import io.quarkus.narayana.jta.QuarkusTransaction;
import cn.tiaojie.cases.config.CasesConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What an agreement (调解协议) sets going, by dates in Beijing time: reminders to the applicant and the center's staff
 * before the judicial-confirmation window closes (while nobody has applied), reminders to every party before the
 * performance deadline, and once that deadline has passed without a follow-up, the 回访 step for staff, supervised
 * like any other step. Each happens once per case, kind, lead and date (agreement_reminder), whichever replica's
 * sweep gets there first; a lead is skipped when the outcome notice itself came after it was due, and when several
 * leads are due at once (a sweep that was down) only the nearest goes out.
 */
@ApplicationScoped
public class AgreementReminders {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MOST_PER_SWEEP = 500;
    private static final String JUDICIAL_CONFIRMATION = "JUDICIAL_CONFIRMATION";
    private static final String PERFORMANCE = "PERFORMANCE";
    private static final String FOLLOW_UP = "FOLLOW_UP";

    public record Sweep(int judicialConfirmation, int performance, int followUps) {
    }

    /** A kind of reminder: the date column it counts back from and the cases it applies to. */
    private record Kind(String name, String dateColumn, String applies) {
    }

    private static final Kind JUDICIAL_CONFIRMATION_WINDOW = new Kind(JUDICIAL_CONFIRMATION, "judicial_confirmation_due",
            "c.judicial_confirmation and c.judicial_confirmation_applied_on is null and c.status in ('RESOLVED', 'CLOSED')");
    private static final Kind PERFORMANCE_DEADLINE = new Kind(PERFORMANCE, "performance_deadline",
            "c.status in ('RESOLVED', 'CLOSED') and not exists (select 1 from follow_up f"
                    + " where f.case_id = c.id and f.agreement_performed)");

    private final EntityManager em;
    private final CaseNotices notices;
    private final List<Duration> confirmationLeads;
    private final List<Duration> performanceLeads;
    private final Duration followUpWithin;

    AgreementReminders(EntityManager em, CaseNotices notices, CasesConfig config) {
        this.em = em;
        this.notices = notices;
        this.confirmationLeads = config.judicialConfirmationReminderLeads().stream().sorted(Comparator.reverseOrder())
                .toList();
        this.performanceLeads = config.performanceReminderLeads().stream().sorted(Comparator.reverseOrder()).toList();
        this.followUpWithin = config.followUpWithin();
    }

    @Scheduled(every = "${tiaojie.cases.remind-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(Instant.now());
    }

    /** Sends what is due at {@code now}. */
    public Sweep sweep(Instant now) {
        LocalDate today = now.atZone(CHINA).toLocalDate();
        int confirmation = remind(JUDICIAL_CONFIRMATION_WINDOW, confirmationLeads, today, now);
        int performance = remind(PERFORMANCE_DEADLINE, performanceLeads, today, now);
        int followUps = 0;
        for (UUID id : followUpsDue(today)) {
            if (QuarkusTransaction.requiringNew().call(() -> startFollowUp(id, today, now))) {
                followUps++;
            }
        }
        return new Sweep(confirmation, performance, followUps);
    }

    private int remind(Kind kind, List<Duration> leads, LocalDate today, Instant now) {
        int reminded = 0;
        for (int i = 0; i < leads.size(); i++) {
            Duration lead = leads.get(i);
            // a nearer lead already due takes over from this one; the last runs to the day itself
            long upTo = i + 1 < leads.size() ? leads.get(i + 1).toDays() : -1;
            for (UUID id : due(kind, lead, upTo, today)) {
                if (QuarkusTransaction.requiringNew().call(() -> send(kind, id, lead, now))) {
                    reminded++;
                }
            }
        }
        return reminded;
    }

    /** The cases whose date lies in (today + upTo, today + lead] and were not reminded at this lead for it. */
    @SuppressWarnings("unchecked")
    private List<UUID> due(Kind kind, Duration lead, long upTo, LocalDate today) {
        String date = "c." + kind.dateColumn();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select c.id from dispute_case c
                 where %1$s > ?1 and %1$s <= ?2 and %2$s
                   and (c.outcome_at at time zone 'Asia/Shanghai')::date < %1$s - ?3
                   and not exists (select 1 from agreement_reminder r
                                    where r.case_id = c.id and r.kind = ?4 and r.lead = ?5 and r.due = %1$s)
                 order by %1$s limit ?6""".formatted(date, kind.applies()), UUID.class)
                .setParameter(1, today.plusDays(upTo)).setParameter(2, today.plusDays(lead.toDays()))
                .setParameter(3, (int) lead.toDays()).setParameter(4, kind.name()).setParameter(5, lead.toString())
                .setParameter(6, MOST_PER_SWEEP).getResultList());
    }

    private boolean send(Kind kind, UUID caseId, Duration lead, Instant now) {
        DisputeCase c = em.find(DisputeCase.class, caseId);
        LocalDate date = kind == JUDICIAL_CONFIRMATION_WINDOW ? c.judicialConfirmationDue : c.performanceDeadline;
        if (!claim(caseId, kind.name(), lead.toString(), date, now)) {
            return false;
        }
        if (kind == JUDICIAL_CONFIRMATION_WINDOW) {
            notices.judicialConfirmationReminder(c, lead);
        } else {
            notices.performanceReminder(c, lead);
        }
        return true;
    }

    /** Resolved cases whose performance deadline has passed with no follow-up recorded since that day began. */
    @SuppressWarnings("unchecked")
    private List<UUID> followUpsDue(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select c.id from dispute_case c
                 where c.performance_deadline < ?1 and c.status = 'RESOLVED' and c.step is null
                   and not exists (select 1 from follow_up f where f.case_id = c.id
                                    and (f.visited_at at time zone 'Asia/Shanghai')::date >= c.performance_deadline)
                   and not exists (select 1 from agreement_reminder r where r.case_id = c.id and r.kind = ?2
                                    and r.due = c.performance_deadline)
                 order by c.performance_deadline limit ?3""", UUID.class)
                .setParameter(1, today).setParameter(2, FOLLOW_UP).setParameter(3, MOST_PER_SWEEP).getResultList());
    }

    /**
     * Starts the 回访 step, due {@code follow-up-within} after the performance deadline's day; step and deadline are
     * derived state, set in one statement that leaves the case's version alone (no staff edit is overtaken).
     */
    private boolean startFollowUp(UUID caseId, LocalDate today, Instant now) {
        DisputeCase before = em.find(DisputeCase.class, caseId);
        LocalDate deadline = before.performanceDeadline;
        if (!claim(caseId, FOLLOW_UP, Duration.ZERO.toString(), deadline, now)) {
            return false;
        }
        Instant due = deadline.plusDays(1).atStartOfDay(CHINA).toInstant().plus(followUpWithin);
        em.detach(before);
        int started = em.createNativeQuery("""
                update dispute_case set step = ?2, step_started_at = ?3, step_deadline = ?4, sla_state = 'ON_TRACK'
                 where id = ?1 and status = 'RESOLVED' and step is null""")
                .setParameter(1, caseId).setParameter(2, Step.FOLLOW_UP.name()).setParameter(3, now)
                .setParameter(4, due).executeUpdate();
        if (started == 0) {
            return false;
        }
        DisputeCase c = em.find(DisputeCase.class, caseId);
        CaseEvent.record(c.id, "FOLLOW_UP_DUE", Actor.SUPERVISION.name(),
                "performance deadline " + deadline + " passed; follow up by " + c.stepDeadline);
        notices.followUpDue(c);
        return true;
    }

    private boolean claim(UUID caseId, String kind, String lead, LocalDate due, Instant now) {
        return em.createNativeQuery("""
                insert into agreement_reminder (case_id, kind, lead, due, sent_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict do nothing""")
                .setParameter(1, caseId).setParameter(2, kind).setParameter(3, lead).setParameter(4, due)
                .setParameter(5, now).executeUpdate() == 1;
    }
}
