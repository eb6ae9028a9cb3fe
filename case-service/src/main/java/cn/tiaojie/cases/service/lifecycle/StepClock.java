package cn.tiaojie.cases.service.lifecycle;

import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.SlaState;
import cn.tiaojie.cases.model.Step;
import cn.tiaojie.platform.reference.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * StoredInstants each step of a case against its subcategory's SLA. Urgent cases get half the time for every step
 * but the last, whose deadline is the case's overall deadline.
 */
@ApplicationScoped
public class StepClock {

    private final Taxonomy taxonomy;

    StepClock(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Starts the step the case's status puts it in, or stops the clock once it has an outcome. */
    public void startStep(DisputeCase c, Instant now) {
        Step step = Step.of(c.status);
        if (step == c.step && step != null) {
            return;
        }
        c.step = step;
        c.stepStartedAt = step == null ? null : now;
        c.stepDeadline = step == null ? null : deadlineOf(c, step, now);
        c.slaState = SlaState.ON_TRACK;
    }

    Instant deadlineOf(DisputeCase c, Step step, Instant start) {
        if (step == Step.RESOLUTION) {
            return c.deadline;
        }
        int hours = taxonomy.subcategory(c.subcategory).map(s -> step.slaHours(s.slaHours())).orElse(24);
        long minutes = c.urgent ? Math.max(60, hours * 30L) : hours * 60L;
        Instant deadline = start.plus(Duration.ofMinutes(minutes));
        return deadline.isAfter(c.deadline) ? c.deadline : deadline;
    }
}
