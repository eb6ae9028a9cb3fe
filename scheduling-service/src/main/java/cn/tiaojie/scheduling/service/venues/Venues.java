package cn.tiaojie.scheduling.service.venues;

import cn.tiaojie.platform.persistence.Versions;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import cn.tiaojie.scheduling.service.booking.HearingChanges;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The venues of the centers: staff see and manage their own center's, supervisors read every center's (a venue
 * carries no area of its own), admins manage all.
 */
@ApplicationScoped
public class Venues {

    /** What a venue is; its center is set where it is created and stays. */
    public record Details(String centerCode, String name, String address, VenueKind kind, int capacity,
            LocalTime opens, LocalTime closes, boolean withVideo) {
    }

    private final HearingChanges changes;

    Venues(HearingChanges changes) {
        this.changes = changes;
    }

    /** Venues, optionally of one center: staff see their own center's only (another center's list is empty). */
    @Transactional
    public List<Venue> list(Caller caller, String center) {
        Optional<String> own = staffCenter(caller);
        if (own.isPresent() && center != null && !own.get().equals(center)) {
            return List.of();
        }
        String wanted = own.orElse(center);
        return wanted == null
                ? Venue.listAll(Sort.ascending("centerCode", "name"))
                : Venue.list("centerCode", Sort.ascending("name"), wanted);
    }

    @Transactional
    public Venue get(Caller caller, UUID id) {
        Venue venue = Venue.findById(id);
        if (venue == null || staffCenter(caller).filter(c -> !c.equals(venue.centerCode)).isPresent()) {
            throw ProblemException.notFound("venue", id);
        }
        return venue;
    }

    /** Admins add venues anywhere; staff only at their own center. */
    @Transactional
    public Venue create(Caller caller, Details details) {
        if (!caller.is(Claims.ADMIN) && caller.center().filter(details.centerCode()::equals).isEmpty()) {
            throw ProblemException.forbidden("staff add venues only at their own center");
        }
        if (!details.opens().isBefore(details.closes())) {
            throw ProblemException.badRequest("closes", "must be after opens");
        }
        if (Venue.count("centerCode = ?1 and name = ?2", details.centerCode(), details.name()) > 0) {
            throw ProblemException.conflict("center " + details.centerCode() + " already has a venue named "
                    + details.name());
        }
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.centerCode = details.centerCode();
        describe(venue, details);
        venue.persist();
        return venue;
    }

    /** Changes a venue (its center stays); {@code expectedVersion} guards against overwriting another change. */
    @Transactional
    public Venue update(Caller caller, UUID id, Details details, Long expectedVersion) {
        Venue venue = managed(caller, id);
        if (!venue.centerCode.equals(details.centerCode())) {
            throw ProblemException.badRequest("centerCode", "a venue stays at its center");
        }
        Versions.requireMatch(expectedVersion, venue.version, "venue " + id);
        if (!details.opens().isBefore(details.closes())) {
            throw ProblemException.badRequest("closes", "must be after opens");
        }
        if (Venue.count("centerCode = ?1 and name = ?2 and id <> ?3", venue.centerCode, details.name(), id) > 0) {
            throw ProblemException.conflict("center " + venue.centerCode + " already has a venue named " + details.name());
        }
        describe(venue, details);
        Venue.getEntityManager().flush();
        return venue;
    }

    /**
     * Closes a venue: it takes no new hearings, and each of its coming hearings moves to the earliest other slot,
     * everyone notified again.
     */
    public HearingChanges.Closure close(Caller caller, UUID id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> managed(caller, id));
        return changes.closeVenue(id, reason == null || reason.isBlank() ? "调解场所关闭" : reason, caller.subject());
    }

    /** The venue, if the caller manages it: admins all, staff their center's (another center's is not found). */
    private static Venue managed(Caller caller, UUID id) {
        Venue venue = Venue.findById(id);
        if (venue == null || !caller.is(Claims.ADMIN) && caller.center().filter(venue.centerCode::equals).isEmpty()) {
            throw ProblemException.notFound("venue", id);
        }
        return venue;
    }

    /** The center a staff member is limited to; empty for supervisors and admins, who see every center's. */
    private static Optional<String> staffCenter(Caller caller) {
        if (caller.is(Claims.ADMIN) || caller.is(Claims.SUPERVISOR)) {
            return Optional.empty();
        }
        // staff without a center claim see nothing
        return Optional.of(caller.center().orElse(""));
    }

    private static void describe(Venue venue, Details details) {
        venue.name = details.name();
        venue.address = details.address();
        venue.kind = details.kind();
        venue.capacity = details.capacity();
        venue.opens = details.opens();
        venue.closes = details.closes();
        venue.hasVideo = details.withVideo();
    }
}
