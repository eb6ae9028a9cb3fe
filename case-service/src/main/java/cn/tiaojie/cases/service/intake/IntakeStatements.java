package cn.tiaojie.cases.service.intake;

import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Party;
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
 * pure overhead on the service's busiest write. Everything else reads and changes cases through the entities.
 */
final class IntakeStatements {

    static final String CENTER = "select code from center where code = ?";
    static final String CLAIM_KEY = """
            insert into intake_request (actor, idempotency_key, request_hash, case_id) values (?, ?, ?, ?)
            on conflict do nothing""";
    static final String CLAIMED_KEY = "select case_id, request_hash from intake_request where actor = ? and idempotency_key = ?";
    static final String DUPLICATE_LOCK = "select pg_advisory_xact_lock(hashtextextended(?, 0))";
    static final String EARLIER_DISPUTE = """
            select id from dispute_case where parties_hash = ? and subcategory = ? and created_at > ? and status <> ?
            order by created_at desc limit 1""";
    static final String NEXT_CASE_NUMBER = "select nextval('case_number_seq')";
    static final String INSERT_CASE = """
            insert into dispute_case (id, case_no, center_code, status, channel, subcategory, area_code, level,
                summary, description, amount_in_dispute, risk_flags, referral_source, referral_reference, urgent,
                deadline, created_by, created_at, updated_at, version, step, step_started_at, step_deadline, sla_state,
                parties_hash, linked_case_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_PARTY = """
            insert into party (id, case_id, position, role, kind, name, phone, id_number, email, language,
                preferred_channels, phone_hash, id_number_hash, vulnerabilities)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_EVENT = "insert into case_event (case_id, at, type, actor, detail) values (?, ?, ?, ?, ?)";

    private IntakeStatements() {
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
