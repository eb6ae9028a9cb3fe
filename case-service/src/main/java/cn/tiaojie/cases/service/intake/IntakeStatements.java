package cn.tiaojie.cases.service.intake;

import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.platform.persistence.NamedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements one intake commits, sent by plain JDBC on the transaction's connection: an intake writes a new
 * case once and never reads it back, so Hibernate's entity bookkeeping (snapshots, dirty checks, flush) would be
 * pure overhead on the service's busiest write. Everything else reads and changes cases through the entities. The
 * texts are resource files ({@code sql/intake/*.sql}), read once.
 */
public final class IntakeStatements {

    public static final String CENTER = statement("center");
    public static final String CLAIM_KEY = statement("claim-key");
    public static final String CLAIMED_KEY = statement("claimed-key");
    public static final String DUPLICATE_LOCK = statement("duplicate-lock");
    public static final String EARLIER_DISPUTE = statement("earlier-dispute");
    public static final String NEXT_CASE_NUMBER = statement("next-case-number");
    public static final String INSERT_CASE = statement("insert-case");
    public static final String INSERT_PARTY = statement("insert-party");
    public static final String INSERT_EVENT = statement("insert-event");

    private IntakeStatements() {
    }

    /** A statement of {@code sql/intake/}, which the bench's raw JDBC loop sends too. */
    private static String statement(String name) {
        return NamedSql.resource("sql/intake/" + name + ".sql").strip();
    }

    static boolean centerExists(Connection db, String code) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(CENTER)) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** True when this intake claimed the key; false when an earlier request holds it. */
    static boolean claimKey(Connection db, String actor, String key, String requestHash, UUID caseId) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(CLAIM_KEY)) {
            s.setString(1, actor);
            s.setString(2, key);
            s.setString(3, requestHash);
            s.setObject(4, caseId);
            return s.executeUpdate() == 1;
        }
    }

    record ClaimedKey(UUID caseId, String requestHash) {
    }

    static ClaimedKey claimedKey(Connection db, String actor, String key) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(CLAIMED_KEY)) {
            s.setString(1, actor);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new ClaimedKey(rs.getObject(1, UUID.class), rs.getString(2));
            }
        }
    }

    /** Waits for any concurrent intake of the same dispute, then finds an open earlier one. */
    static Optional<UUID> earlierDispute(Connection db, String subcategory, String partiesHash, Instant since,
            String withdrawn) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(DUPLICATE_LOCK)) {
            s.setString(1, subcategory + "|" + partiesHash);
            s.executeQuery().close();
        }
        try (PreparedStatement s = db.prepareStatement(EARLIER_DISPUTE)) {
            s.setString(1, partiesHash);
            s.setString(2, subcategory);
            s.setObject(3, at(since));
            s.setString(4, withdrawn);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    static long nextCaseNumber(Connection db) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(NEXT_CASE_NUMBER); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void insertCase(Connection db, DisputeCase c) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(INSERT_CASE)) {
            s.setObject(1, c.id);
            s.setString(2, c.caseNo);
            s.setString(3, c.centerCode);
            s.setString(4, c.status.name());
            s.setString(5, c.channel.name());
            s.setString(6, c.subcategory);
            s.setString(7, c.areaCode);
            s.setString(8, c.level.name());
            s.setString(9, c.summary);
            s.setString(10, c.description);
            s.setBigDecimal(11, c.amountInDispute);
            s.setString(12, c.riskFlags);
            s.setString(13, c.referralSource);
            s.setString(14, c.referralReference);
            s.setBoolean(15, c.urgent);
            s.setObject(16, at(c.deadline));
            s.setString(17, c.createdBy);
            s.setObject(18, at(c.createdAt));
            s.setObject(19, at(c.updatedAt));
            s.setLong(20, c.version);
            s.setString(21, c.step == null ? null : c.step.name());
            s.setObject(22, at(c.stepStartedAt), Types.TIMESTAMP_WITH_TIMEZONE);
            s.setObject(23, at(c.stepDeadline), Types.TIMESTAMP_WITH_TIMEZONE);
            s.setString(24, c.slaState.name());
            s.setString(25, c.partiesHash);
            s.setObject(26, c.linkedCaseId, Types.OTHER);
            s.executeUpdate();
        }
    }

    static void insertParty(Connection db, UUID caseId, Party p) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(INSERT_PARTY)) {
            s.setObject(1, p.id);
            s.setObject(2, caseId);
            s.setInt(3, p.position);
            s.setString(4, p.role);
            s.setString(5, p.kind);
            s.setString(6, p.name);
            s.setString(7, p.phone);
            s.setString(8, p.idNumber);
            s.setString(9, p.email);
            s.setString(10, p.language);
            s.setString(11, p.preferredChannels);
            s.setString(12, p.phoneHash);
            s.setString(13, p.idNumberHash);
            s.setString(14, p.vulnerabilities);
            s.executeUpdate();
        }
    }

    static void insertEvent(Connection db, UUID caseId, Instant at, String type, String actor, String detail)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement(INSERT_EVENT)) {
            s.setObject(1, caseId);
            s.setObject(2, at(at));
            s.setString(3, type);
            s.setString(4, actor);
            s.setString(5, detail);
            s.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
