package cn.tiaojie.cases.service.audit;

import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.model.AuditRecord;
import cn.tiaojie.platform.persistence.NamedSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Appends to the hash-chained audit trail inside the writer's transaction, so a change and its record commit
 * together or not at all; and walks the chain to prove nothing was altered.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;
    /** position, prev_hash and hash are placeholders: the chain trigger sets them under the head row's lock */
    public static final String INSERT = NamedSql.resource("sql/audit/insert-audit-record.sql").strip();

    public record Verification(boolean intact, long checked, Long firstBrokenPosition, String problem) {
    }

    private final EntityManager em;
    private final DataSource dataSource;

    AuditTrail(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Records an action, on the transaction's own JDBC connection after Hibernate has flushed what it holds, so that
     * writers through the entities and through plain JDBC (the intake) append alike. Call it last in the
     * transaction: the chain's head row stays locked from here to the commit, which orders concurrent writers into
     * one chain.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Actor actor, String action, UUID caseId, String beforeDigest, String afterDigest) {
        em.flush();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement(INSERT)) {
            insert.setObject(1, at.atOffset(ZoneOffset.UTC));
            insert.setString(2, actor.name());
            insert.setString(3, actor.role());
            insert.setString(4, action);
            insert.setObject(5, caseId);
            insert.setString(6, beforeDigest);
            insert.setString(7, afterDigest);
            insert.setString(8, contentDigest(at, actor.name(), actor.role(), action, caseId, beforeDigest, afterDigest));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the audit trail", e);
        }
    }

    static String contentDigest(Instant at, String actor, String role, String action, UUID caseId, String before,
            String after) {
        return AuditDigests.of(at.truncatedTo(ChronoUnit.MICROS), actor, role, action, caseId, before, after);
    }

    static String link(String previousHash, long position, String contentDigest) {
        return AuditDigests.sha256(previousHash + ":" + position + ":" + contentDigest);
    }

    /** Recomputes every record's content digest and link from the start; names the first that does not hold. */
    @Transactional
    public Verification verify() {
        String previous = GENESIS;
        long expected = 1;
        long checked = 0;
        while (true) {
            List<AuditRecord> page = em.createQuery("from AuditRecord r where r.position >= :from order by r.position",
                    AuditRecord.class).setParameter("from", expected).setMaxResults(PAGE).getResultList();
            for (AuditRecord r : page) {
                String problem = null;
                if (r.position != expected) {
                    problem = "record " + expected + " is missing";
                } else if (!r.prevHash.equals(previous)) {
                    problem = "does not link to the record before it";
                } else if (!r.contentDigest.equals(contentDigest(r.at, r.actor, r.role, r.action, r.caseId,
                        r.beforeDigest, r.afterDigest))) {
                    problem = "its content was altered";
                } else if (!r.hash.equals(link(r.prevHash, r.position, r.contentDigest))) {
                    problem = "its hash does not match";
                }
                if (problem != null) {
                    return new Verification(false, checked, expected, problem);
                }
                previous = r.hash;
                expected++;
                checked++;
            }
            em.clear();
            if (page.size() < PAGE) {
                return new Verification(true, checked, null, null);
            }
        }
    }
}
