package cn.tiaojie.cases.service.reads;

import cn.tiaojie.cases.model.AuditRecord;
import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.HearingArrangement;
import cn.tiaojie.cases.service.lifecycle.HearingArrangements;
import cn.tiaojie.cases.model.Channel;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.FollowUp;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.model.Rating;
import cn.tiaojie.cases.model.SlaState;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.cases.service.access.CaseAccess;
import cn.tiaojie.cases.service.access.CaseActions;
import cn.tiaojie.cases.service.statistics.CaseCounts;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads of cases in short transactions: the list, one case with what hangs on it, its actions and audit records,
 * and the access checks before a write. A caller that maps what it reads to its own view passes the mapping, which
 * runs inside the transaction (the parties load lazily).
 */
@ApplicationScoped
public class CaseReads {

    /** The list's orders, as {@code sort} names them; the id last keeps pages stable when times tie. */
    public enum ListOrder {
        newest(Sort.descending("createdAt")),
        oldest(Sort.ascending("createdAt")),
        // the step due first; cases with no step (an outcome, closed) last
        deadline(Sort.by("stepDeadline", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("createdAt")),
        caseNo(Sort.ascending("caseNo"));

        final Sort sort;

        ListOrder(Sort sort) {
            this.sort = sort.and("id");
        }
    }

    /** The list's filters, each null when not asked for; {@code category} a known category code. */
    public record Filter(CaseStatus status, AreaLevel level, String category, Channel channel, String center,
            Boolean overdue, SlaState sla, String text) {
    }

    public record Found<T>(List<T> items, long total) {
    }

    /** A case with what hangs on it; ratings only for those who run and supervise it. */
    public record Detail(DisputeCase disputeCase, List<CaseTeamMember> team, List<Summons> summons,
            List<FollowUp> followUps, List<Rating> ratings, List<CaseEvent> timeline,
            Predicate<Party> revealsPersonalData, HearingArrangements hearingArrangements) {
    }

    /** The case actions the caller may take now, and the version they act on. */
    public record Available(long version, List<CaseActions.Action> actions) {
    }

    private final CaseAccess access;
    private final CaseCounts counts;
    private final CaseActions caseActions;

    CaseReads(CaseAccess access, CaseCounts counts, CaseActions caseActions) {
        this.access = access;
        this.counts = counts;
        this.caseActions = caseActions;
    }

    @Transactional
    public <T> Found<T> list(Caller caller, Filter filter, ListOrder order, int pageIndex, int pageSize,
            Function<DisputeCase, T> view) {
        CaseAccess.Condition scope = access.listable(caller);
        StringBuilder where = new StringBuilder(scope.jpql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.level() != null) {
            where.append(" and level = :level");
            params.put("level", filter.level());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.category() != null) {
            where.append(" and subcategory like :category");
            params.put("category", filter.category() + ".%");
        }
        if (filter.center() != null) {
            where.append(" and centerCode = :center");
            params.put("center", filter.center());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and stepDeadline < :now" : " and (stepDeadline is null or stepDeadline >= :now)");
            params.put("now", Instant.now());
        }
        if (filter.sla() != null) {
            // a case with an outcome keeps its last SLA state, but no step runs against it any more
            where.append(" and step is not null and slaState = :sla");
            params.put("sla", filter.sla());
        }
        if (filter.text() != null) {
            // case numbers are upper case (TJ2026000001): the lowered text is raised again for them
            where.append(" and (lower(summary) like :text escape '\\' or caseNo like upper(:text) escape '\\')");
            params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Sort sorted = (order == null ? ListOrder.newest : order).sort;
        PanacheQuery<DisputeCase> query = DisputeCase.find(where.toString(), sorted, params)
                .page(Page.of(pageIndex, pageSize));
        // filtered on nothing the tallies do not keep, the total is a sum of tallies, not a count of the scope's rows
        boolean tallied = filter.level() == null && filter.channel() == null && filter.category() == null
                && filter.center() == null && filter.overdue() == null && filter.text() == null;
        long total = tallied ? counts.total(scope, filter.status(), filter.sla()) : query.count();
        return new Found<>(query.list().stream().map(view).toList(), total);
    }

    /** The list's totals for the workbench: the caller's scope, by status and by SLA state. */
    public CaseCounts.Counts counts(Caller caller) {
        return counts.count(access.listable(caller));
    }

    @Transactional
    public <T> T detail(Caller caller, UUID id, Function<Detail, T> view) {
        DisputeCase c = access.visible(caller, id);
        List<CaseTeamMember> team = CaseTeamMember.list("caseId", c.id);
        List<CaseEvent> timeline = CaseEvent.list("caseId", Sort.ascending("id"), c.id);
        List<Summons> summons = Summons.list("caseId", Sort.ascending("createdAt"), c.id);
        List<FollowUp> followUps = FollowUp.list("caseId", Sort.ascending("visitedAt"), c.id);
        // how each party rated the service is for those who run and supervise the case, not for the other side
        List<Rating> ratings = caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR) || caller.is(Claims.ADMIN)
                ? Rating.list("caseId", Sort.ascending("ratedAt"), c.id) : List.of();
        return view.apply(new Detail(c, team, summons, followUps, ratings, timeline,
                access.revealsPersonalData(caller, c), HearingArrangements.of(HearingArrangement.findById(c.id))));
    }

    /** Exactly the actions the case's endpoints would accept from this caller now. */
    @Transactional
    public Available actions(Caller caller, UUID id) {
        DisputeCase c = access.visible(caller, id);
        return new Available(c.version, caseActions.available(caller, c));
    }

    @Transactional
    public List<AuditRecord> audit(Caller caller, UUID id) {
        DisputeCase c = access.supervisable(caller, id);
        return AuditRecord.list("caseId", Sort.ascending("position"), c.id);
    }

    /** The case as it is now (after a write has committed), through the caller's view. */
    @Transactional
    public <T> T current(UUID id, Function<DisputeCase, T> view) {
        return view.apply(DisputeCase.findById(id));
    }

    /** The case as another service reads it, in a transaction of its own; 404 when there is none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T forService(String id, Function<DisputeCase, T> view) {
        DisputeCase c = DisputeCase.findById(UUID.fromString(id));
        if (c == null) {
            throw ProblemException.notFound("case", id);
        }
        return view.apply(c);
    }

    /** 404 unless the caller sees the case, 403 unless they are staff of its center (or admin). */
    @Transactional
    public void requireManageable(Caller caller, UUID id) {
        access.manageable(caller, id);
    }

    /** 404 unless the caller sees the case, 403 unless they are its center's staff or its supervisors (or admin). */
    @Transactional
    public void requireSupervisable(Caller caller, UUID id) {
        access.supervisable(caller, id);
    }

    /** A resident's own party on a case they see; 403 if the token names none. */
    @Transactional
    public UUID ownParty(Caller caller, UUID id) {
        return access.ownParty(caller, access.visible(caller, id));
    }
}
