package cn.tiaojie.scheduling.service.plan;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverConfig;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.scheduling.client.HearingMessages;
import cn.tiaojie.scheduling.client.MediatorClient;
import cn.tiaojie.scheduling.config.SchedulingConfig;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingChange;
import cn.tiaojie.scheduling.model.HearingParticipant;
import cn.tiaojie.scheduling.model.HearingStatus;
import cn.tiaojie.scheduling.model.ParticipantKind;
import cn.tiaojie.scheduling.model.PlanJob;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import cn.tiaojie.scheduling.service.booking.HearingBooking;
import cn.tiaojie.scheduling.service.booking.TimeRange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Optimised plans: the provisional hearings of an area within a horizon are re-planned by the solver around the
 * hearings already notified (pinned: they keep their time and venue and only occupy them). The best plan found is
 * applied in one transaction and published: notices go out and case-service learns the times.
 */
@ApplicationScoped
public class PlanJobs {

    private static final Logger LOG = Logger.getLogger(PlanJobs.class);
    private static final List<HearingStatus> LIVE = List.of(HearingStatus.BOOKED, HearingStatus.RESCHEDULED);

    /** The best score so far of a job still solving, kept in memory while the solver reports it. */
    public record Progress(String bestScore, int improvements, Instant startedAt) {
    }

    private final SolverManager<HearingPlan> solverManager;
    private final SolutionManager<HearingPlan, HardMediumSoftScore> solutionManager;
    private final MediatorClient availability;
    private final HearingBooking booking;
    private final SchedulingConfig config;
    private final EntityManager em;
    private final Duration spentLimit;
    private final Map<UUID, Progress> progress = new ConcurrentHashMap<>();

    PlanJobs(SolverManager<HearingPlan> solverManager,
            SolutionManager<HearingPlan, HardMediumSoftScore> solutionManager, MediatorClient availability,
            HearingBooking booking, SchedulingConfig config, EntityManager em, SolverConfig solverConfig) {
        this.solverManager = solverManager;
        this.solutionManager = solutionManager;
        this.availability = availability;
        this.booking = booking;
        this.config = config;
        this.em = em;
        // the limit the solver runs with (quarkus.timefold.solver.termination.spent-limit)
        this.spentLimit = solverConfig.getTerminationConfig().getSpentLimit();
    }

    public Optional<Progress> progressOf(UUID jobId) {
        return Optional.ofNullable(progress.get(jobId));
    }

    /** The job, as the database holds it. */
    public Optional<PlanJob> find(UUID jobId) {
        return QuarkusTransaction.requiringNew().call(() -> PlanJob.<PlanJob>findByIdOptional(jobId));
    }

    public Duration spentLimit() {
        return spentLimit;
    }

    /** What the database holds for one plan, read in one transaction. */
    private record Loaded(List<Hearing> planned, List<Hearing> pinned, List<Venue> venues,
            Map<UUID, Long> versions) {
    }

    /** Starts a job over the area's provisional hearings starting in [from, to); answers at once with the job. */
    public PlanJob start(String requestedBy, String areaCode, Instant from, Instant to) {
        Instant now = Instant.now();
        Instant horizonFrom = from.isBefore(now) ? now : from;
        if (!horizonFrom.isBefore(to)) {
            throw ProblemException.badRequest("to", "must lie in the future and after from");
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> load(areaCode, horizonFrom, to));
        Set<String> mediators = loaded.planned().stream().flatMap(h -> mediatorIds(h).stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, List<TimeRange>> free = availability.freeWindows(mediators, horizonFrom, to.plus(Duration.ofDays(1)));
        HearingPlan plan = plan(loaded, free, horizonFrom, to, now);
        HardMediumSoftScore before = solutionManager.update(plan);

        PlanJob job = new PlanJob();
        job.id = UUID.randomUUID();
        job.requestedBy = requestedBy;
        job.areaCode = areaCode;
        job.horizonFrom = horizonFrom;
        job.horizonTo = to;
        job.status = PlanJob.Status.SOLVING;
        job.hearingsPlanned = loaded.planned().size();
        job.hearingsPinned = loaded.pinned().size();
        job.scoreBefore = before.toString();
        job.bestScore = before.toString();
        job.createdAt = now;
        if (loaded.planned().isEmpty()) {
            job.status = PlanJob.Status.APPLIED;
            job.scoreAfter = before.toString();
            job.finishedAt = now;
        }
        QuarkusTransaction.requiringNew().run(() -> job.persist());
        if (job.status == PlanJob.Status.SOLVING) {
            progress.put(job.id, new Progress(before.toString(), 0, now));
            UUID jobId = job.id;
            solverManager.solveBuilder()
                    .withProblemId(jobId)
                    .withProblem(plan)
                    .withBestSolutionEventConsumer(e -> progress.compute(jobId, (id, p) -> new Progress(
                            String.valueOf(e.solution().score), p == null ? 1 : p.improvements() + 1,
                            p == null ? now : p.startedAt())))
                    .withFinalBestSolutionEventConsumer(e -> finish(jobId, e.solution(), before, loaded.versions()))
                    .withExceptionHandler((id, failure) -> fail(jobId, failure))
                    .run();
        }
        LOG.infof("plan job %s for area %s: %d hearings to plan, %d pinned, score before %s", job.id, areaCode,
                job.hearingsPlanned, job.hearingsPinned, before);
        return job;
    }

    private Loaded load(String areaCode, Instant from, Instant to) {
        List<Hearing> planned = em.createQuery("""
                select distinct h from Hearing h join fetch h.venue left join fetch h.participants
                where h.areaCode like :area and h.status in :live and h.notifiedAt is null
                and h.startsAt >= :from and h.startsAt < :to order by h.startsAt, h.id""", Hearing.class)
                .setParameter("area", areaCode + "%").setParameter("live", LIVE)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Set<String> centers = planned.stream().map(h -> h.centerCode).collect(Collectors.toSet());
        Set<String> people = planned.stream().flatMap(h -> h.participants.stream())
                .map(p -> p.participantId).collect(Collectors.toSet());
        Set<UUID> plannedIds = planned.stream().map(h -> h.id).collect(Collectors.toSet());
        List<Hearing> pinned = centers.isEmpty() ? List.of() : em.createQuery("""
                select distinct h from Hearing h join fetch h.venue left join fetch h.participants
                where h.status in :live and h.endsAt > :from and h.startsAt < :to
                and (h.centerCode in :centers or exists (select 1 from HearingParticipant p where p.hearing = h
                     and p.participantId in :people))""", Hearing.class)
                .setParameter("live", LIVE).setParameter("from", from).setParameter("to", to)
                .setParameter("centers", centers).setParameter("people", people).getResultList()
                .stream().filter(h -> !plannedIds.contains(h.id)).toList();
        List<Venue> venues = centers.isEmpty() ? List.of() : em.createQuery(
                "select v from Venue v where v.centerCode in :centers and v.active = true order by v.name, v.id",
                Venue.class).setParameter("centers", centers).getResultList();
        Map<UUID, Long> versions = new HashMap<>();
        planned.forEach(h -> versions.put(h.id, h.version));
        return new Loaded(planned, pinned, venues, versions);
    }

    private HearingPlan plan(Loaded loaded, Map<String, List<TimeRange>> free, Instant from, Instant to, Instant now) {
        Map<UUID, PlanVenue> venues = new LinkedHashMap<>();
        loaded.venues().forEach(v -> venues.put(v.id, planVenue(v)));
        LocalTime opens = loaded.venues().stream().map(v -> v.opens).min(Comparator.naturalOrder()).orElse(LocalTime.of(8, 30));
        LocalTime closes = loaded.venues().stream().map(v -> v.closes).max(Comparator.naturalOrder()).orElse(LocalTime.of(17, 30));
        Map<Long, PlanSlot> slots = new LinkedHashMap<>();
        PlanSlots.grid(from, to, opens, closes, config.zone()).forEach(s -> slots.put(s.startMinute(), s));

        List<PlannedHearing> hearings = new ArrayList<>();
        for (Hearing h : loaded.pinned()) {
            PlannedHearing p = entity(h, venues, slots);
            p.pinned = true;
            p.venueOptions = List.of(p.venue);
            p.earliestMinute = Long.MIN_VALUE;
            p.deadlineMinute = Long.MAX_VALUE;
            hearings.add(p);
        }
        for (Hearing h : loaded.planned()) {
            PlannedHearing p = entity(h, venues, slots);
            p.venueOptions = venues.values().stream().filter(v -> v.centerCode().equals(h.centerCode)).toList();
            Duration notice = h.urgent ? config.urgentNoticePeriod() : config.noticePeriod();
            p.earliestMinute = now.plus(notice).getEpochSecond() / 60;
            long deadline = h.deadline == null ? Long.MAX_VALUE : h.deadline.getEpochSecond() / 60;
            // a deadline that cannot be met is not a constraint the plan can satisfy
            p.deadlineMinute = deadline < p.earliestMinute + p.durationMinutes ? Long.MAX_VALUE : deadline;
            p.preferEvening = h.preferEvening;
            p.onSite = h.onSite;
            p.videoAllowed = h.videoAllowed;
            List<long[]> windows = p.mediatorIds.stream().map(m -> minutes(free.getOrDefault(m, List.of()))).toList();
            p.freeWindows = PlanSlots.commonWindows(windows);
            hearings.add(p);
        }
        return new HearingPlan(new ArrayList<>(slots.values()), new ArrayList<>(venues.values()), hearings);
    }

    private PlannedHearing entity(Hearing h, Map<UUID, PlanVenue> venues, Map<Long, PlanSlot> slots) {
        PlannedHearing p = new PlannedHearing();
        p.id = h.id;
        p.caseNo = h.caseNo;
        p.durationMinutes = (int) Duration.between(h.startsAt, h.endsAt).toMinutes();
        p.mediatorIds = mediatorIds(h);
        p.participantIds = h.participants.stream().map(x -> x.participantId).collect(Collectors.toSet());
        p.attendees = p.participantIds.size() + (h.interpreterNeeded ? 1 : 0);
        p.venue = venues.computeIfAbsent(h.venue.id, id -> planVenue(h.venue));
        p.slot = slots.computeIfAbsent(h.startsAt.getEpochSecond() / 60, m -> PlanSlots.of(h.startsAt, config.zone()));
        return p;
    }

    private static List<String> mediatorIds(Hearing h) {
        return h.participants.stream().filter(p -> p.kind == ParticipantKind.MEDIATOR)
                .map(p -> p.participantId).toList();
    }

    private static PlanVenue planVenue(Venue v) {
        return new PlanVenue(v.id, v.centerCode, v.name, v.kind == VenueKind.ON_SITE, v.capacity,
                v.opens.toSecondOfDay() / 60, v.closes.toSecondOfDay() / 60, v.hasVideo);
    }

    private static long[] minutes(List<TimeRange> windows) {
        long[] out = new long[windows.size() * 2];
        for (int i = 0; i < windows.size(); i++) {
            out[2 * i] = Math.ceilDiv(windows.get(i).start().getEpochSecond(), 60);
            out[2 * i + 1] = windows.get(i).end().getEpochSecond() / 60;
        }
        return out;
    }

    /** Applies the best plan if it is no worse than before, and publishes every planned hearing. */
    private void finish(UUID jobId, HearingPlan best, HardMediumSoftScore before, Map<UUID, Long> versions) {
        HardMediumSoftScore after = best.score;
        try {
            int moved = QuarkusTransaction.requiringNew().call(() -> apply(best, versions, after.compareTo(before) >= 0));
            QuarkusTransaction.requiringNew().run(() -> {
                PlanJob job = PlanJob.findById(jobId);
                job.status = PlanJob.Status.APPLIED;
                job.scoreAfter = after.toString();
                job.bestScore = after.toString();
                job.hearingsMoved = moved;
                job.improvements = progress.getOrDefault(jobId, new Progress(null, 0, null)).improvements();
                job.finishedAt = Instant.now();
            });
            LOG.infof("plan job %s applied: score %s -> %s, %d hearings moved", jobId, before, after, moved);
        } catch (RuntimeException e) {
            fail(jobId, e);
        } finally {
            progress.remove(jobId);
        }
    }

    private int apply(HearingPlan best, Map<UUID, Long> versions, boolean better) {
        List<Hearing> publish = new ArrayList<>();
        Map<Hearing, PlannedHearing> moves = new LinkedHashMap<>();
        for (PlannedHearing p : best.hearings) {
            if (p.pinned) {
                continue;
            }
            Hearing h = em.find(Hearing.class, p.id, LockModeType.PESSIMISTIC_WRITE);
            if (h == null || h.version != versions.get(p.id) || h.notifiedAt != null || !h.isLive()) {
                // changed since the job read it: the change made meanwhile wins
                continue;
            }
            if (better && (!p.slot.start().equals(h.startsAt) || !p.venue.id().equals(h.venue.id))) {
                moves.put(h, p);
            }
            publish.add(h);
        }
        // hearings that swap slots would overlap while only some are written: first release every slot that
        // moves (a cancelled hearing holds nothing), then take the new ones; the database checks each step
        Map<Hearing, HearingStatus> statuses = new LinkedHashMap<>();
        moves.keySet().forEach(h -> {
            statuses.put(h, h.status);
            h.status = HearingStatus.CANCELLED;
        });
        em.flush();
        moves.forEach((h, p) -> {
            Instant oldStart = h.startsAt;
            UUID oldVenue = h.venue.id;
            h.startsAt = p.slot.start();
            h.endsAt = h.startsAt.plus(Duration.ofMinutes(p.durationMinutes));
            h.venue = em.getReference(Venue.class, p.venue.id());
            h.status = statuses.get(h);
            h.sequence++;
            h.withinDeadline = h.deadline == null || !h.endsAt.isAfter(h.deadline);
            HearingChange.record(h, HearingChange.Kind.OPTIMISED, HearingChange.Cause.OPTIMISATION, null, "plan",
                    oldStart, oldVenue);
        });
        em.flush();
        for (Hearing h : publish) {
            booking.publish(h, HearingMessages.requestOf(h), HearingChange.Cause.OPTIMISATION);
        }
        return moves.size();
    }

    private void fail(UUID jobId, Throwable failure) {
        LOG.errorf(failure, "plan job %s failed", jobId);
        progress.remove(jobId);
        QuarkusTransaction.requiringNew().run(() -> {
            PlanJob job = PlanJob.findById(jobId);
            if (job != null) {
                job.status = PlanJob.Status.FAILED;
                String message = String.valueOf(failure.getMessage());
                job.error = message.length() > 1000 ? message.substring(0, 1000) : message;
                job.finishedAt = Instant.now();
            }
        });
    }
}
