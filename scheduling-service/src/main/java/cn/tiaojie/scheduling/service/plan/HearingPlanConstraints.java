package cn.tiaojie.scheduling.service.plan;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * Hard: nobody and no venue is booked twice at once, mediators are free, the venue is open and large enough, the
 * notice period and the deadline hold. Medium: the parties' preferences. Soft: early hearings, few venue changes
 * per mediator per day, and each mediator's hearings spread over the days.
 */
public class HearingPlanConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            venueDoubleBooked(factory),
            participantDoubleBooked(factory),
            mediatorUnavailable(factory),
            venueClosed(factory),
            venueTooSmall(factory),
            noticePeriod(factory),
            deadline(factory),
            eveningPreferred(factory),
            onSitePreferred(factory),
            videoPreferred(factory),
            earliest(factory),
            venueChangesPerMediatorDay(factory),
            mediatorDailyLoad(factory),
        };
    }

    Constraint venueDoubleBooked(ConstraintFactory factory) {
        return factory.forEachUniquePair(PlannedHearing.class,
                        Joiners.equal(h -> h.venue),
                        Joiners.overlapping(PlannedHearing::start, PlannedHearing::end))
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b) -> overlapHalfHours(a, b))
                .asConstraint("venue double booked");
    }

    Constraint participantDoubleBooked(ConstraintFactory factory) {
        return factory.forEachUniquePair(PlannedHearing.class,
                        Joiners.overlapping(PlannedHearing::start, PlannedHearing::end))
                .filter(PlannedHearing::sharesParticipantWith)
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b) -> overlapHalfHours(a, b))
                .asConstraint("participant double booked");
    }

    Constraint mediatorUnavailable(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(PlannedHearing::outsideFreeWindows)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("mediator unavailable");
    }

    Constraint venueClosed(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(PlannedHearing::outsideOpeningHours)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("venue closed");
    }

    Constraint venueTooSmall(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(h -> h.venue.capacity() < h.attendees)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("venue too small");
    }

    Constraint noticePeriod(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(h -> !h.pinned && h.start() < h.earliestMinute)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("notice period");
    }

    Constraint deadline(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(h -> !h.pinned && h.end() > h.deadlineMinute)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint("deadline");
    }

    Constraint eveningPreferred(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(h -> h.preferEvening && !h.slot.evening())
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint("evening preferred");
    }

    Constraint onSitePreferred(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(h -> h.onSite && !h.venue.onSite())
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint("on-site preferred");
    }

    Constraint videoPreferred(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .filter(h -> h.videoAllowed && !h.venue.hasVideo())
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint("video preferred");
    }

    Constraint earliest(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .penalize(HardMediumSoftScore.ONE_SOFT, PlannedHearing::halfHoursLate)
                .asConstraint("earliest");
    }

    Constraint venueChangesPerMediatorDay(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .expand(h -> h.mediatorIds)
                .flattenLast(ids -> ids)
                .groupBy((h, mediator) -> mediator, (h, mediator) -> h.day(),
                        ConstraintCollectors.countDistinct((h, mediator) -> h.venue))
                .filter((mediator, day, venues) -> venues > 1)
                .penalize(HardMediumSoftScore.ofSoft(10), (mediator, day, venues) -> venues - 1)
                .asConstraint("venue changes per mediator per day");
    }

    Constraint mediatorDailyLoad(ConstraintFactory factory) {
        return factory.forEach(PlannedHearing.class)
                .expand(h -> h.mediatorIds)
                .flattenLast(ids -> ids)
                .groupBy((h, mediator) -> mediator, (h, mediator) -> h.day(), ConstraintCollectors.countBi())
                .filter((mediator, day, count) -> count > 1)
                .penalize(HardMediumSoftScore.ofSoft(5), (mediator, day, count) -> (long) (count - 1) * (count - 1))
                .asConstraint("mediator daily load");
    }

    private static long overlapHalfHours(PlannedHearing a, PlannedHearing b) {
        long overlap = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
        return Math.max(1, overlap / 30);
    }
}
