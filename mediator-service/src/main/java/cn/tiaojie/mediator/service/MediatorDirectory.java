package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.ConflictKind;
import cn.tiaojie.mediator.model.DeclaredConflict;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.MediatorStatus;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The pool as callers browse it, and the conflicts each mediator declares, with the caller's access checked. */
@ApplicationScoped
public class MediatorDirectory {

    /**
     * What a search of the pool asks: a role, a status, active or not, an area the mediator covers ({@code serves}),
     * an area they are within, expertise (a category or subcategory code), a language subtag and a name or
     * organisation fragment; each may be null.
     */
    public record Search(MediatorRole role, MediatorStatus status, Boolean active, String serves, String within,
            String expertise, String language, String text) {
    }

    /** One page of the pool and how many mediators the search matched. */
    public record Found(List<Mediator> items, long total) {
    }

    /** One mediator as a caller may see them: {@code showContact} when phone and e-mail may be shown in full. */
    public record Profile(Mediator mediator, boolean showContact) {
    }

    private final MediatorPool pool;
    private final Workloads workloads;
    private final Access access;

    MediatorDirectory(MediatorPool pool, Workloads workloads, Access access) {
        this.pool = pool;
        this.workloads = workloads;
        this.access = access;
    }

    /** The mediators the search matches, by id. */
    @Transactional
    public Found search(Search search, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (search.role() != null) {
            where.append(" and role = :role");
            params.put("role", search.role());
        }
        if (search.status() != null) {
            where.append(" and status = :status");
            params.put("status", search.status());
        }
        if (search.active() != null) {
            where.append(" and active = :active");
            params.put("active", search.active());
        }
        String serves = search.serves();
        if (serves != null) {
            List<String> covering = new ArrayList<>();
            for (int length = 6; length <= serves.length(); length += 3) {
                covering.add(serves.substring(0, length));
            }
            where.append(" and areaCode in :covering");
            params.put("covering", covering);
        }
        if (search.within() != null) {
            where.append(" and areaCode like :within");
            params.put("within", search.within() + "%");
        }
        String expertise = search.expertise();
        if (expertise != null && !expertise.isBlank()) {
            where.append(" and concat(',', expertise, ',') like :expertise");
            params.put("expertise", "%," + expertise.strip() + ",%");
        }
        String language = search.language();
        if (language != null) {
            where.append(" and (concat(',', languages) like :language or concat(',', languages) like :languageTag)");
            params.put("language", "%," + language + "-%");
            params.put("languageTag", "%," + language);
        }
        String text = search.text();
        if (text != null && !text.isBlank()) {
            where.append(" and (name like :text or organization like :text)");
            params.put("text", "%" + text.strip() + "%");
        }
        PanacheQuery<Mediator> query = Mediator.find(where.toString(), Sort.ascending("id"), params)
                .page(Page.of(page, size));
        return new Found(query.list(), query.count());
    }

    /** A mediator to the mediator themselves and to those who browse the pool; 404 to anyone else. */
    @Transactional
    public Profile profile(Caller caller, String id) {
        boolean self = access.isSelf(caller, id);
        boolean browsesThePool = caller.is(Claims.STAFF) || caller.is(Claims.SUPERVISOR) || caller.is(Claims.ADMIN);
        if (!self && !browsesThePool) {
            throw ProblemException.notFound("mediator", id);
        }
        Mediator m = access.existing(id);
        return new Profile(m, self || caller.is(Claims.STAFF) || caller.is(Claims.ADMIN));
    }

    /** The mediator's own workload, or any mediator's for an admin; handed to {@code view} in the transaction. */
    @Transactional
    public <V> V workload(Caller caller, String id, Function<Workloads.Workload, V> view) {
        return view.apply(workloads.of(access.ownOrAdmin(caller, id), Instant.now()));
    }

    /** The conflicts a mediator declared, oldest first: to the mediator, an admin and staff. */
    @Transactional
    public List<DeclaredConflict> conflicts(Caller caller, String id) {
        if (caller.is(Claims.STAFF)) {
            access.existing(id);
        } else {
            access.ownOrAdmin(caller, id);
        }
        return DeclaredConflict.list("mediatorId", Sort.ascending("declaredAt"), id);
    }

    /** 申请回避 by the mediator or an admin; a relation unless the kind says otherwise. */
    @Transactional
    public DeclaredConflict declareConflict(Caller caller, String id, ConflictKind kind, String partyName,
            String idNumber, String phone, String reason) {
        Mediator mediator = access.ownOrAdmin(caller, id);
        return pool.declareConflict(mediator, kind == null ? ConflictKind.RELATION : kind, partyName, idNumber, phone,
                reason);
    }

    @Transactional
    public void withdrawConflict(Caller caller, String id, UUID conflictId) {
        access.ownOrAdmin(caller, id);
        pool.withdrawConflict(id, conflictId);
    }
}
