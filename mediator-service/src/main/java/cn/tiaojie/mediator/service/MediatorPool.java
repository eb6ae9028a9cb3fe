package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.service.privacy.PartyKeys;
import cn.tiaojie.mediator.model.ConflictKind;
import cn.tiaojie.mediator.model.DeclaredConflict;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.UnavailabilityKind;
import cn.tiaojie.platform.persistence.Versions;
import cn.tiaojie.platform.privacy.Masking;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Unavailability;
import cn.tiaojie.mediator.model.WeeklyHours;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Keeps the pool: who is in it, their weekly hours, their time away and the conflicts they declare. */
@ApplicationScoped
public class MediatorPool {

    /** One window of a weekly pattern as REST carries it. */
    public record Hours(DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    private final TeamRules rules;
    private final PartyKeys keys;

    MediatorPool(TeamRules rules, PartyKeys keys) {
        this.rules = rules;
        this.keys = keys;
    }

    @Transactional
    public Mediator register(MediatorProfile request) {
        if (Mediator.findById(request.id()) != null) {
            throw ProblemException.conflict("mediator " + request.id() + " is already in the pool");
        }
        Mediator m = new Mediator();
        m.id = request.id();
        m.createdAt = Instant.now();
        apply(request, m);
        m.persist();
        return m;
    }

    @Transactional
    public Mediator update(String id, MediatorProfile request, Long expectedVersion) {
        if (!id.equals(request.id())) {
            throw ProblemException.badRequest("id", "must be the id in the path, " + id);
        }
        Mediator m = Mediator.findById(id);
        if (m == null) {
            throw ProblemException.notFound("mediator", id);
        }
        Versions.requireMatch(expectedVersion, m.version, "mediator " + id);
        apply(request, m);
        return m;
    }

    /** The expertise entries that are not taxonomy codes, as field errors. */
    public List<Problem.FieldError> unknownExpertise(MediatorProfile request) {
        List<String> expertise = request.expertise() == null ? List.of() : request.expertise();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < expertise.size(); i++) {
            if (!rules.isTaxonomyCode(expertise.get(i))) {
                errors.add(new Problem.FieldError("expertise[" + i + "]", "not a category or subcategory code: " + expertise.get(i)));
            }
        }
        return errors;
    }

    /** A new member of the pool built from a request already checked; the caller persists it. */
    public Mediator newMediator(MediatorProfile request) {
        Mediator m = new Mediator();
        m.id = request.id();
        m.createdAt = Instant.now();
        apply(request, m);
        return m;
    }

    private void apply(MediatorProfile request, Mediator m) {
        List<Problem.FieldError> unknown = unknownExpertise(request);
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "the expertise names unknown codes", unknown);
        }
        List<String> expertise = request.expertise() == null ? List.of() : request.expertise();
        m.name = request.name().strip();
        m.role = request.role();
        m.areaCode = request.areaCode();
        m.organization = request.organization();
        m.organizationKind = request.organizationKind();
        m.channels = request.channels() == null || request.channels().isEmpty() ? "IN_APP,SMS,EMAIL"
                : String.join(",", request.channels());
        m.phone = request.phone();
        m.email = request.email();
        m.languages = request.languages() == null || request.languages().isEmpty() ? "zh-CN"
                : String.join(",", request.languages());
        m.expertise = String.join(",", expertise);
        m.capacity = request.capacity();
        m.rating = request.rating();
        m.status = request.effectiveStatus();
        m.active = m.isActive();
        m.updatedAt = Instant.now();
    }

    /** Replaces the weekly pattern; windows of one day may not overlap. */
    @Transactional
    public List<WeeklyHours> replaceWeeklyHours(String mediatorId, List<Hours> hours) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Hours h = hours.get(i);
            if (!h.starts().isBefore(h.ends())) {
                errors.add(new Problem.FieldError("hours[" + i + "]", "starts must be before ends"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                Hours other = hours.get(j);
                if (other.day() == h.day() && h.starts().isBefore(other.ends()) && other.starts().isBefore(h.ends())) {
                    errors.add(new Problem.FieldError("hours[" + i + "]", "overlaps hours[" + j + "]"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "the weekly hours are not a valid pattern", errors);
        }
        WeeklyHours.delete("mediatorId", mediatorId);
        List<WeeklyHours> saved = new ArrayList<>();
        for (Hours h : hours) {
            WeeklyHours w = new WeeklyHours();
            w.mediatorId = mediatorId;
            w.dayOfWeek = (short) h.day().getValue();
            w.starts = h.starts();
            w.ends = h.ends();
            w.persist();
            saved.add(w);
        }
        saved.sort(Comparator.comparing((WeeklyHours w) -> w.dayOfWeek).thenComparing(w -> w.starts));
        return saved;
    }

    @Transactional
    public Unavailability addUnavailability(String mediatorId, Instant startsAt, Instant endsAt,
            UnavailabilityKind kind, String reason) {
        if (!startsAt.isBefore(endsAt)) {
            throw ProblemException.badRequest("endsAt", "must be after startsAt");
        }
        Unavailability u = new Unavailability();
        u.id = UUID.randomUUID();
        u.mediatorId = mediatorId;
        u.startsAt = startsAt;
        u.endsAt = endsAt;
        u.kind = kind == null ? UnavailabilityKind.OTHER : kind;
        u.reason = reason;
        u.persist();
        return u;
    }

    @Transactional
    public void removeUnavailability(String mediatorId, UUID id) {
        if (Unavailability.delete("id = ?1 and mediatorId = ?2", id, mediatorId) == 0) {
            throw ProblemException.notFound("unavailability", id);
        }
    }

    /**
     * 申请回避: a relation to someone, or a lawyer's former client, named by name, ID number or phone (at least
     * one). The numbers are kept as keyed hashes to compare and masked forms to show.
     */
    @Transactional
    public DeclaredConflict declareConflict(Mediator mediator, ConflictKind kind, String partyName, String idNumber,
            String phone, String reason) {
        if (isBlank(partyName) && isBlank(idNumber) && isBlank(phone)) {
            throw ProblemException.badRequest("partyName", "name the party by name, idNumber or phone");
        }
        if (kind == ConflictKind.FORMER_CLIENT && mediator.role != MediatorRole.LAWYER) {
            throw ProblemException.badRequest("kind", "only a lawyer has former clients; declare a RELATION");
        }
        DeclaredConflict c = new DeclaredConflict();
        c.id = UUID.randomUUID();
        c.mediatorId = mediator.id;
        c.kind = kind;
        c.partyName = isBlank(partyName) ? null : partyName.strip();
        c.idNumberHash = keys.idNumberHash(idNumber);
        c.idNumberMasked = isBlank(idNumber) ? null : Masking.idNumber(idNumber.strip());
        c.phoneHash = keys.phoneHash(phone);
        c.phoneMasked = isBlank(phone) ? null : Masking.phone(phone);
        c.reason = reason;
        c.declaredAt = Instant.now();
        c.persist();
        return c;
    }

    @Transactional
    public void withdrawConflict(String mediatorId, UUID id) {
        if (DeclaredConflict.delete("id = ?1 and mediatorId = ?2", id, mediatorId) == 0) {
            throw ProblemException.notFound("conflict", id);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
