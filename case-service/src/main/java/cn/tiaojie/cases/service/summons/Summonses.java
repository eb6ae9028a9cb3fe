package cn.tiaojie.cases.service.summons;

import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.access.CaseActions;
import cn.tiaojie.cases.service.audit.AuditDigests;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.service.notices.CaseNotices;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.cases.model.SummonsStatus;
import cn.tiaojie.platform.outbox.Inbox;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import cn.tiaojie.platform.security.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 吹哨报到: a case calls in departments, each with a deadline (the department's own unless the summons gives one)
 * and a notice to its duty phone and e-mail whose link answers; each answers reported (who comes, when) or declined,
 * through that link or by phone to staff, who record it marked as such.
 */
@ApplicationScoped
public class Summonses {

    public static final int DEFAULT_HOURS = 72;

    private final Taxonomy taxonomy;
    private final AuditTrail audit;
    private final CaseNotices notices;
    private final Inbox inbox;

    Summonses(Taxonomy taxonomy, AuditTrail audit, CaseNotices notices, Inbox inbox) {
        this.taxonomy = taxonomy;
        this.audit = audit;
        this.notices = notices;
        this.inbox = inbox;
    }

    @Transactional
    public List<Summons> summon(UUID caseId, SummonsCommands.NewSummons request, Actor actor) {
        DisputeCase c = CaseLifecycle.load(caseId, null);
        if (!CaseActions.Action.SUMMONS.allowedIn(c)) {
            throw ProblemException.conflict("case " + c.caseNo + " is " + c.status + "; departments are summoned to open cases");
        }
        Set<String> departments = new LinkedHashSet<>();
        if (request.departments() == null || request.departments().isEmpty()) {
            taxonomy.subcategory(c.subcategory).map(Taxonomy.Subcategory::department).ifPresent(departments::add);
        } else {
            departments.addAll(request.departments());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        int i = 0;
        for (String d : request.departments() == null ? List.<String>of() : request.departments()) {
            if (!taxonomy.isDepartment(d)) {
                errors.add(new Problem.FieldError("departments[" + i + "]", "unknown department code " + d));
            }
            i++;
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "unknown department code", errors);
        }
        List<String> alreadyOpen = Summons.<Summons>list("caseId = ?1 and status = ?2", c.id, SummonsStatus.REQUESTED)
                .stream().map(s -> s.department).filter(departments::contains).toList();
        if (!alreadyOpen.isEmpty()) {
            throw ProblemException.conflict("already summoned and not yet answered: " + String.join(", ", alreadyOpen));
        }
        Instant now = StoredInstants.now();
        List<Summons> created = new ArrayList<>();
        List<String> within = new ArrayList<>();
        for (String department : departments) {
            int hours = request.deadlineHours() != null ? request.deadlineHours()
                    : taxonomy.department(department).map(Taxonomy.Department::deadlineHours).filter(h -> h > 0)
                            .orElse(DEFAULT_HOURS);
            within.add(department + " " + hours + " h");
            Summons s = new Summons();
            s.id = UUID.randomUUID();
            s.caseId = c.id;
            s.department = department;
            s.requestNote = request.note();
            s.deadline = now.plus(Duration.ofHours(hours));
            s.status = SummonsStatus.REQUESTED;
            s.createdBy = actor.name();
            s.createdAt = now;
            s.persist();
            created.add(s);
            taxonomy.department(department).ifPresent(d -> notices.summons(c, s, d, false));
        }
        CaseEvent.record(c.id, "SUMMONED", actor.name(), String.join(", ", within));
        audit.append(actor, "SUMMON", c.id, null, AuditDigests.of(created.stream()
                .map(s -> AuditDigests.of(s.id, s.department, s.deadline, s.status)).collect(Collectors.joining(","))));
        return created;
    }

    /** An answer the department gave by phone, recorded by staff (PHONE). */
    @Transactional
    public Summons answer(UUID caseId, UUID summonsId, SummonsCommands.PhoneAnswer answer, Actor actor) {
        Summons s = Summons.findById(summonsId);
        if (s == null || !s.caseId.equals(caseId)) {
            throw ProblemException.notFound("summons", summonsId);
        }
        if (s.status != SummonsStatus.REQUESTED) {
            throw ProblemException.conflict("the summons of " + s.department + " was already answered " + s.status);
        }
        apply(s, answer.response(), answer.note(), answer.attendee(), answer.arrivesAt(), "PHONE", actor);
        return s;
    }

    /**
     * The department's answer through its summons' link, relayed by notify-service; false when this message or
     * another answer came first.
     */
    @Transactional
    public boolean recordFromLink(SummonsCommands.LinkAnswer message) {
        if (!inbox.firstDelivery(message.messageId())) {
            return false;
        }
        Summons s = Summons.findById(UUID.fromString(message.summonsId()));
        if (s == null || !s.caseId.toString().equals(message.caseId())) {
            throw ProblemException.notFound("summons", message.summonsId());
        }
        if (s.status != SummonsStatus.REQUESTED) {
            return false;
        }
        SummonsStatus response;
        try {
            response = SummonsStatus.valueOf(message.response());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("response", "must be REPORTED or DECLINED");
        }
        apply(s, response, blankAsNull(message.note()), blankAsNull(message.attendee()), message.arrivesAt(), "LINK",
                new Actor(s.department + " via its summons link", Claims.SERVICE));
        return true;
    }

    private void apply(Summons s, SummonsStatus response, String note, String attendee, Instant arrivesAt,
            String via, Actor actor) {
        if (response == SummonsStatus.REQUESTED) {
            throw ProblemException.badRequest("response", "must be REPORTED or DECLINED");
        }
        if (response == SummonsStatus.DECLINED && (note == null || note.isBlank())) {
            throw ProblemException.badRequest("note", "a declined summons needs the department's reason");
        }
        String before = AuditDigests.of(s.id, s.status, s.responseNote);
        s.status = response;
        s.responseNote = note;
        s.attendee = response == SummonsStatus.REPORTED ? attendee : null;
        s.arrivesAt = response == SummonsStatus.REPORTED && arrivesAt != null ? StoredInstants.stored(arrivesAt) : null;
        s.respondedVia = via;
        s.respondedAt = StoredInstants.now();
        s.respondedBy = actor.name();
        // "POLICE_STATION via LINK attendee 王警官 at 2030-01-01T01:00:00Z: remark", read by the workbench
        String detail = s.department + " via " + via
                + (s.attendee == null ? "" : " attendee " + s.attendee + " at " + s.arrivesAt)
                + (note == null ? "" : ": " + note);
        CaseEvent.record(s.caseId, "SUMMONS_" + s.status, actor.name(), detail);
        audit.append(actor, "SUMMONS_" + s.status, s.caseId, before,
                AuditDigests.of(s.id, s.status, s.responseNote, s.attendee, s.arrivesAt, s.respondedVia));
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
