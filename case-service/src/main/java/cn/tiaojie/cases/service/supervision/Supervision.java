package cn.tiaojie.cases.service.supervision;

import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.audit.AuditDigests;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.service.notices.CaseNotices;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.cases.model.SlaState;
import cn.tiaojie.cases.model.Step;
import cn.tiaojie.cases.config.SupervisionConfig;
import cn.tiaojie.platform.reference.Taxonomy;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;

/**
 * 督办: gives every open case ON_TRACK / DUE_SOON / OVERDUE for its current step, reminds the supervisors once per
 * case, step and kind, and escalates a step still overdue after the grace period. "Once" is the primary key of
 * supervision_reminder: whichever run (replica, or the same one after a restart) inserts the row sends the alert
 * in the same transaction; every other run's insert does nothing.
 */
@ApplicationScoped
public class Supervision {

    private static final Logger LOG = Logger.getLogger(Supervision.class);
    public static final String ESCALATED = "ESCALATED";
    private static final int BATCH = 200;

    public record Run(int classified, int reminders, int escalations, int overdueSummonses, int departmentReminders) {
    }

    private final EntityManager em;
    private final SupervisorAlerts alerts;
    private final CaseNotices notices;
    private final Taxonomy taxonomy;
    private final CaseLifecycle lifecycle;
    private final AuditTrail audit;
    private final boolean enabled;
    private final double dueSoonFraction;
    private final Duration escalationGrace;
    private final Duration summonsGrace;

    Supervision(EntityManager em, SupervisorAlerts alerts, CaseLifecycle lifecycle, AuditTrail audit,
            CaseNotices notices, Taxonomy taxonomy, SupervisionConfig config) {
        this.em = em;
        this.alerts = alerts;
        this.notices = notices;
        this.taxonomy = taxonomy;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.enabled = config.enabled();
        this.dueSoonFraction = config.dueSoonFraction();
        this.escalationGrace = config.escalationGrace();
        this.summonsGrace = config.summonsGrace();
    }

    /**
     * Forgets the reminders and escalation made for a step the case starts again (its hearing was cancelled), in
     * the caller's transaction, so the new run of the step is supervised as the first was.
     */
    public static void forgetStep(UUID caseId, Step step) {
        Panache.getEntityManager().createNativeQuery("delete from supervision_reminder where case_id = ?1 and step = ?2")
                .setParameter(1, caseId).setParameter(2, step.name()).executeUpdate();
    }

    @Scheduled(every = "${tiaojie.supervision.interval:60s}", delayed = "${tiaojie.supervision.initial-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (enabled) {
            Run run = run(Instant.now());
            if (run.reminders() + run.escalations() + run.overdueSummonses() + run.departmentReminders() > 0) {
                LOG.infof("supervision: %d reminders, %d escalations, %d departments reminded, %d overdue summonses",
                        run.reminders(), run.escalations(), run.departmentReminders(), run.overdueSummonses());
            }
        }
    }

    public Run run(Instant now) {
        int classified = QuarkusTransaction.requiringNew().call(() -> classify(now));
        int reminders = QuarkusTransaction.requiringNew().call(this::remind);
        int departmentReminders = QuarkusTransaction.requiringNew().call(() -> remindDepartments(now));
        int overdueSummonses = QuarkusTransaction.requiringNew().call(() -> remindOverdueSummonses(now));
        int escalations = 0;
        for (Object[] due : QuarkusTransaction.requiringNew().call(() -> dueForEscalation(now))) {
            if (escalate((UUID) due[0], Step.valueOf((String) due[1]))) {
                escalations++;
            }
        }
        return new Run(classified, reminders, escalations, overdueSummonses, departmentReminders);
    }

    /** One statement for every open case; the version is left alone, this is derived state, not an edit. */
    private int classify(Instant now) {
        return em.createNativeQuery("""
                update dispute_case set sla_state = s.state
                from (select id, case
                        when step_deadline < ?1 then 'OVERDUE'
                        when step_deadline - ?1 < (step_deadline - step_started_at) * ?2 then 'DUE_SOON'
                        else 'ON_TRACK' end as state
                      from dispute_case where step is not null) s
                where dispute_case.id = s.id and dispute_case.sla_state <> s.state""")
                .setParameter(1, now).setParameter(2, dueSoonFraction).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private int remind() {
        List<Object[]> inserted = em.createNativeQuery("""
                insert into supervision_reminder (case_id, step, kind)
                select id, step, sla_state from dispute_case
                where step is not null and sla_state in ('DUE_SOON', 'OVERDUE')
                on conflict do nothing
                returning case_id, kind""").getResultList();
        for (Object[] row : inserted) {
            DisputeCase c = DisputeCase.findById(row[0]);
            alerts.overdue(c, (String) row[1]);
            CaseEvent.record(c.id, "SUPERVISION_" + row[1], Actor.SUPERVISION.name(), "step " + c.step + " due " + c.stepDeadline);
        }
        for (Object[] row : inserted) {
            audit.append(Actor.SUPERVISION, "REMIND_" + row[1], (UUID) row[0], null, AuditDigests.of(row[0], row[1]));
        }
        return inserted.size();
    }

    /**
     * A summons still unanswered at its deadline reminds the department on its link; still unanswered
     * {@code summons-grace} later, it alerts the case's supervisors. Each is claimed once by the update that sets
     * its column (department_reminded_at, overdue_alerted_at); a concurrent run's update finds it already set.
     */
    @SuppressWarnings("unchecked")
    private int remindDepartments(Instant now) {
        List<Object> claimed = em.createNativeQuery("""
                update summons set department_reminded_at = ?1
                where status = 'REQUESTED' and deadline < ?1 and department_reminded_at is null
                returning id""").setParameter(1, now).getResultList();
        for (Object id : claimed) {
            Summons s = Summons.findById(id);
            DisputeCase c = DisputeCase.findById(s.caseId);
            taxonomy.department(s.department).ifPresent(d -> notices.summons(c, s, d, true));
            CaseEvent.record(c.id, "SUMMONS_REMINDED", Actor.SUPERVISION.name(), s.department + " due " + s.deadline);
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private int remindOverdueSummonses(Instant now) {
        List<Object> claimed = em.createNativeQuery("""
                update summons set overdue_alerted_at = ?1
                where status = 'REQUESTED' and deadline < ?2 and overdue_alerted_at is null
                returning id""").setParameter(1, now).setParameter(2, now.minus(summonsGrace)).getResultList();
        for (Object id : claimed) {
            Summons s = Summons.findById(id);
            DisputeCase c = DisputeCase.findById(s.caseId);
            alerts.summonsOverdue(c, s);
            CaseEvent.record(c.id, "SUMMONS_OVERDUE", Actor.SUPERVISION.name(), s.department + " due " + s.deadline);
        }
        for (Object id : claimed) {
            Summons s = Summons.findById(id);
            audit.append(Actor.SUPERVISION, "REMIND_SUMMONS_OVERDUE", s.caseId, null, AuditDigests.of(s.id, "SUMMONS_OVERDUE"));
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> dueForEscalation(Instant now) {
        return em.createNativeQuery("""
                select c.id, c.step from dispute_case c
                where c.step is not null and c.step_deadline < ?1 and c.level <> 'COUNTY'
                  and not exists (select 1 from supervision_reminder r
                                  where r.case_id = c.id and r.step = c.step and r.kind = 'ESCALATED')
                order by c.step_deadline limit ?2""")
                .setParameter(1, now.minus(escalationGrace)).setParameter(2, BATCH).getResultList();
    }

    /** One case per transaction, so a concurrent edit of one case (a version conflict) holds up no other. */
    private boolean escalate(UUID caseId, Step step) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                int claimed = em.createNativeQuery("""
                        insert into supervision_reminder (case_id, step, kind) values (?1, ?2, 'ESCALATED')
                        on conflict do nothing""").setParameter(1, caseId).setParameter(2, step.name()).executeUpdate();
                if (claimed == 0) {
                    return false;
                }
                DisputeCase c = DisputeCase.findById(caseId);
                if (!lifecycle.escalateOverdue(c, step)) {
                    return false;
                }
                c.slaState = SlaState.OVERDUE;
                return true;
            });
        } catch (RuntimeException e) {
            if (!isVersionConflict(e)) {
                throw e;
            }
            LOG.debugf("case %s changed while escalating; the next run looks again", caseId);
            return false;
        }
    }

    private static boolean isVersionConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleObjectStateException) {
                return true;
            }
        }
        return false;
    }
}
