package cn.tiaojie.cases.service.online;

import cn.tiaojie.cases.client.CaseOutbox;
import cn.tiaojie.cases.config.OnlineConfig;
import cn.tiaojie.cases.model.Center;
import cn.tiaojie.cases.model.OneTimeCode;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.cases.service.notices.Notice;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.platform.privacy.Masking;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One-time codes by SMS: six digits, valid {@code code-valid-for} (5 minutes), at most {@code max-attempts} (5)
 * wrong entries, at most {@code codes-per-hour} (3) codes an hour per phone number and per client address. A code is
 * stored as its HMAC only and compared in constant time; it leaves through the outbox to notify-service's SMS
 * channel. Every code sent and every entry is audited.
 */
@ApplicationScoped
public class OneTimeCodes {

    /** What an entered code turned out to be. */
    public enum Verdict {
        ACCEPTED, WRONG, EXPIRED, SPENT, NONE
    }

    /** The answer to an entered code: the code's row when accepted, and the wrong entries it still allows. */
    public record Check(Verdict verdict, UUID codeId, int triesLeft) {
    }

    /** A code sent: to whom (masked) and until when it may be used. */
    public record Sent(UUID codeId, String maskedPhone, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OnlineConfig config;
    private final PersonalData personalData;
    private final CaseOutbox outbox;
    private final AuditTrail audit;
    private final EntityManager entities;

    OneTimeCodes(OnlineConfig config, PersonalData personalData, CaseOutbox outbox, AuditTrail audit,
            EntityManager entities) {
        this.config = config;
        this.personalData = personalData;
        this.outbox = outbox;
        this.audit = audit;
        this.entities = entities;
    }

    /** Who a phone is in the audit trail and as the registering actor: never the number itself. */
    public Actor actor(String phone) {
        return new Actor("online:" + personalData.phoneHash(phone).substring(0, 16), "resident");
    }

    /**
     * Sends a new code to {@code phone} (national digits; {@code center} null where none was chosen), unless the
     * number or the address had enough this hour.
     */
    @Transactional
    public Sent send(String purpose, String phone, String address, Center center) {
        String phoneHash = personalData.phoneHash(phone);
        String addressHash = personalData.addressHash(address);
        // two requests for one number or from one address at once meet here, so neither limit is passed by a race
        lock(phoneHash);
        lock(addressHash);
        Instant now = StoredInstants.now();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        if (OneTimeCode.count("phoneHash = ?1 and createdAt > ?2", phoneHash, hourAgo) >= config.codesPerHour()) {
            throw tooMany("phone", "this phone number has had " + config.codesPerHour() + " codes within the hour");
        }
        if (OneTimeCode.count("addressHash = ?1 and createdAt > ?2", addressHash, hourAgo) >= config.codesPerHour()) {
            throw tooMany("address", "this address has asked for " + config.codesPerHour() + " codes within the hour");
        }
        OneTimeCode code = new OneTimeCode();
        code.id = UUID.randomUUID();
        code.purpose = purpose;
        code.phoneHash = phoneHash;
        code.addressHash = addressHash;
        code.centerCode = center == null ? null : center.code;
        String digits = "%06d".formatted(RANDOM.nextInt(1_000_000));
        code.codeHash = personalData.codeHash(code.id, digits);
        code.createdAt = now;
        code.expiresAt = now.plus(config.codeValidFor());
        code.persist();
        outbox.sendNotice(new Notice("one-time-code:" + code.id, NoticeKind.ONE_TIME_CODE, null, null,
                new Notice.Recipient(RecipientKind.PARTY, "one-time-code:" + code.id, null, phone, null, "zh-CN",
                        List.of(NoticeChannel.SMS)),
                Map.of("code", digits, "validMinutes", String.valueOf(config.codeValidFor().toMinutes()),
                        "centerName", center == null ? "人民调解" : center.name),
                true));
        audit.append(actor(phone), "ONLINE_CODE_SENT", null, null, null);
        return new Sent(code.id, Masking.phone(phone), code.expiresAt);
    }

    /**
     * Checks an entered code against the latest one sent to the phone, in a transaction of its own, so that a wrong
     * entry is counted whatever happens after. An accepted code is not spent here: {@link #spend} does that in the
     * transaction of what the code allows, so a failure there leaves it usable.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Check check(String purpose, String phone, String entered) {
        String phoneHash = personalData.phoneHash(phone);
        OneTimeCode code = OneTimeCode.<OneTimeCode>find("purpose = ?1 and phoneHash = ?2 order by createdAt desc",
                purpose, phoneHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        Check check = check(code, entered);
        audit.append(actor(phone), check.verdict() == Verdict.ACCEPTED ? "ONLINE_SIGN_IN" : "ONLINE_SIGN_IN_REFUSED",
                null, null, null);
        return check;
    }

    private Check check(OneTimeCode code, String entered) {
        if (code == null) {
            return new Check(Verdict.NONE, null, 0);
        }
        if (code.attempts >= config.maxAttempts()) {
            return new Check(Verdict.SPENT, null, 0);
        }
        if (!StoredInstants.now().isBefore(code.expiresAt)) {
            return new Check(Verdict.EXPIRED, null, 0);
        }
        boolean matches = entered != null && MessageDigest.isEqual(code.codeHash.getBytes(StandardCharsets.US_ASCII),
                personalData.codeHash(code.id, entered).getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            code.attempts++;
            int left = config.maxAttempts() - code.attempts;
            return new Check(left > 0 ? Verdict.WRONG : Verdict.SPENT, null, left);
        }
        return new Check(Verdict.ACCEPTED, code.id, config.maxAttempts() - code.attempts);
    }

    /** Marks an accepted code used, in the caller's transaction; a code used already stays so (a replay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void spend(UUID codeId) {
        OneTimeCode code = OneTimeCode.findById(codeId);
        if (code.usedAt == null) {
            code.usedAt = StoredInstants.now();
        }
    }

    /** The problem an entry that was not accepted answers: 400, or 429 once the code is spent; nothing changes. */
    public static ProblemException refusal(Check check) {
        return switch (check.verdict()) {
            case WRONG -> codeProblem(400, "wrong code; " + check.triesLeft() + " tries left");
            case EXPIRED -> codeProblem(400, "expired: the code is no longer valid; ask for a new one");
            case SPENT -> codeProblem(429, "too many wrong tries: the code is spent; ask for a new one");
            case NONE -> codeProblem(400, "no code was sent to this phone number; ask for one");
            case ACCEPTED -> throw new IllegalArgumentException("an accepted code is no refusal");
        };
    }

    private static ProblemException codeProblem(int status, String message) {
        return new ProblemException(status, status == 429 ? "Too Many Requests" : "Bad Request", message,
                List.of(new Problem.FieldError("code", message)));
    }

    private static ProblemException tooMany(String field, String message) {
        return new ProblemException(429, "Too Many Requests", message + "; try again later",
                List.of(new Problem.FieldError(field, message)));
    }

    private void lock(String key) {
        entities.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))").setParameter("key", key)
                .getSingleResult();
    }
}
