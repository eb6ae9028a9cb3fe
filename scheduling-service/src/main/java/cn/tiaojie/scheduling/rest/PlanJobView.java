package cn.tiaojie.scheduling.rest;

import cn.tiaojie.scheduling.model.PlanJob;
import cn.tiaojie.scheduling.service.plan.PlanJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An optimisation job: while SOLVING, {@code bestScore} and {@code improvements} follow the solver and
 * {@code progressPercent} the time spent against the limit; once APPLIED, {@code scoreAfter} is the plan applied.
 * Scores read "hard/medium/soft" (0hard: nothing double-booked and every rule held).
 */
public record PlanJobView(UUID id, PlanJob.Status status, String areaCode, Instant horizonFrom, Instant horizonTo,
        int hearingsPlanned, int hearingsPinned, int hearingsMoved, String scoreBefore, String bestScore,
        String scoreAfter, int improvements, int progressPercent, String error, Instant createdAt, Instant finishedAt) {

    public static PlanJobView of(PlanJob job, Optional<PlanJobs.Progress> live, Duration spentLimit) {
        String best = live.map(PlanJobs.Progress::bestScore).orElse(job.bestScore);
        int improvements = live.map(PlanJobs.Progress::improvements).orElse(job.improvements);
        int percent = 100;
        if (job.status == PlanJob.Status.SOLVING) {
            long elapsed = Duration.between(job.createdAt, Instant.now()).toMillis();
            percent = (int) Math.min(99, 100 * elapsed / Math.max(1, spentLimit.toMillis()));
        }
        return new PlanJobView(job.id, job.status, job.areaCode, job.horizonFrom, job.horizonTo, job.hearingsPlanned,
                job.hearingsPinned, job.hearingsMoved, job.scoreBefore, best, job.scoreAfter, improvements, percent,
                job.error, job.createdAt, job.finishedAt);
    }
}
