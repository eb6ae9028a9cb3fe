package cn.tiaojie.cases.service;

import cn.tiaojie.cases.CaseEvent;
import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.cases.Summons;
import cn.tiaojie.cases.SummonsStatus;
import cn.tiaojie.cases.rest.ActionRequests;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
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

/** 吹哨报到: a case calls in departments, each with a deadline; each answers reported or declined. */
@ApplicationScoped
public class Summonses {

    public static final int DEFAULT_HOURS = 72;

    private final Taxonomy taxonomy;
    private final AuditTrail audit;

    Summonses(Taxonomy taxonomy, AuditTrail audit) {
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    @Transactional
    public List<Summons> summon(UUID caseId, ActionRequests.NewSummons request, Actor actor) {
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
        Instant now = Times.now();
        int hours = request.deadlineHours() == null ? DEFAULT_HOURS : request.deadlineHours();
        List<Summons> created = new ArrayList<>();
        for (String department : departments) {
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
        }
        CaseEvent.record(c.id, "SUMMONED", actor.name(), String.join(", ", departments) + " within " + hours + " h");
        audit.append(actor, "SUMMON", c.id, null, Digests.of(created.stream()
                .map(s -> Digests.of(s.id, s.department, s.deadline, s.status)).collect(Collectors.joining(","))));
        return created;
    }

    @Transactional
    public Summons answer(UUID caseId, UUID summonsId, ActionRequests.SummonsAnswer answer, Actor actor) {
        Summons s = Summons.findById(summonsId);
        if (s == null || !s.caseId.equals(caseId)) {
            throw ProblemException.notFound("summons", summonsId);
        }
        if (answer.response() == SummonsStatus.REQUESTED) {
            throw ProblemException.badRequest("response", "must be REPORTED or DECLINED");
        }
        if (answer.response() == SummonsStatus.DECLINED && (answer.note() == null || answer.note().isBlank())) {
            throw ProblemException.badRequest("note", "a declined summons needs the department's reason");
        }
        if (s.status != SummonsStatus.REQUESTED) {
            throw ProblemException.conflict("the summons of " + s.department + " was already answered " + s.status);
        }
        String before = Digests.of(s.id, s.status, s.responseNote);
        s.status = answer.response();
        s.responseNote = answer.note();
        s.respondedAt = Times.now();
        s.respondedBy = actor.name();
        CaseEvent.record(caseId, "SUMMONS_" + s.status, actor.name(), s.department
                + (answer.note() == null ? "" : ": " + answer.note()));
        audit.append(actor, "SUMMONS_" + s.status, caseId, before, Digests.of(s.id, s.status, s.responseNote));
        return s;
    }
}
