package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.UnavailabilityKind;
import cn.tiaojie.mediator.model.WeeklyHours;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A mediator's calendar as callers read and keep it: staff, supervisors and admins read every calendar, a mediator
 * only their own; only the mediator or an admin changes it.
 */
@ApplicationScoped
public class Calendars {

    private final MediatorPool pool;
    private final AvailabilityCalendar calendar;
    private final Access access;

    Calendars(MediatorPool pool, AvailabilityCalendar calendar, Access access) {
        this.pool = pool;
        this.calendar = calendar;
        this.access = access;
    }

    @Transactional
    public List<WeeklyHours> weeklyHours(Caller caller, String id) {
        readable(caller, id);
        return WeeklyHours.list("mediatorId", Sort.ascending("dayOfWeek", "starts"), id);
    }

    @Transactional
    public List<WeeklyHours> replaceWeeklyHours(Caller caller, String id, List<MediatorPool.Hours> hours) {
        access.ownOrAdmin(caller, id);
        return pool.replaceWeeklyHours(id, hours);
    }

    @Transactional
    public List<Unavailability> unavailability(Caller caller, String id) {
        readable(caller, id);
        return Unavailability.list("mediatorId", Sort.ascending("startsAt"), id);
    }

    @Transactional
    public Unavailability addUnavailability(Caller caller, String id, Instant startsAt, Instant endsAt,
            UnavailabilityKind kind, String reason) {
        access.ownOrAdmin(caller, id);
        return pool.addUnavailability(id, startsAt, endsAt, kind, reason);
    }

    @Transactional
    public void removeUnavailability(Caller caller, String id, UUID unavailabilityId) {
        access.ownOrAdmin(caller, id);
        pool.removeUnavailability(id, unavailabilityId);
    }

    /**
     * Free windows between from and to, at most {@link AvailabilityCalendar#LONGEST_RANGE} apart. The range is
     * read (and refused when malformed) once the caller may read the calendar.
     */
    @Transactional
    public List<AvailabilityCalendar.Window> freeWindows(Caller caller, String id, Supplier<Instant> from,
            Supplier<Instant> to) {
        Mediator mediator = readable(caller, id);
        return calendar.freeWindows(mediator, from.get(), to.get());
    }

    private Mediator readable(Caller caller, String id) {
        boolean staffSide = caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR) || caller.is(Claims.ADMIN);
        if (!staffSide && !access.isSelf(caller, id)) {
            throw ProblemException.forbidden("a mediator reads only their own calendar");
        }
        return access.existing(id);
    }
}
