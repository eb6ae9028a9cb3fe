package cn.tiaojie.cases.service.audit;

import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Party;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;

/** SHA-256 digests of records, for the audit trail: a digest proves what a record was without repeating it. */
public final class AuditDigests {

    private AuditDigests() {
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of fields joined by a separator that cannot occur in them unescaped. */
    public static String of(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object f : fields) {
            text.append(Objects.toString(canonical(f), "\u2400").replace("\\", "\\\\").replace("\u001f", "\\u001f")).append('\u001f');
        }
        return sha256(text.toString());
    }

    /** Values as the database keeps them: instants to the microsecond, amounts without trailing zeros. */
    private static Object canonical(Object value) {
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MICROS);
        }
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        return value;
    }

    /** The state of a case and its parties; personal data enters only as its sealed and hashed forms. */
    public static String of(DisputeCase c) {
        String parties = c.parties.stream().map(AuditDigests::party).collect(Collectors.joining(";"));
        return of(c.id, c.caseNo, c.centerCode, c.status, c.channel, c.subcategory, c.areaCode, c.level, c.summary,
                c.description, c.amountInDispute, c.riskFlags, c.referralSource, c.referralReference, c.urgent,
                c.deadline, c.step, c.stepDeadline, c.rejectionReason, c.teamId, c.hearingId, c.hearingStartsAt,
                c.hearingVenue, c.linkedCaseId, c.outcome, c.outcomeReason, c.outcomeAt, c.referralRoute, c.agreementTerms,
                c.agreementAmount, c.performanceDeadline, c.judicialConfirmation, c.judicialConfirmationDue,
                c.judicialConfirmationAppliedOn, c.closedAt, parties);
    }

    private static String party(Party p) {
        return of(p.id, p.role, p.kind, p.name, p.phone, p.phoneHash, p.idNumber, p.idNumberHash, p.email,
                p.language, p.preferredChannels, p.vulnerabilities);
    }
}
