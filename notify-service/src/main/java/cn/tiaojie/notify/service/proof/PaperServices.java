package cn.tiaojie.notify.service.proof;

import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.notify.model.PaperService;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Records a notice served by hand on paper: the slip's photo is checked by its bytes (JPEG, PNG, HEIC or PDF, at
 * most 5 MB), the record is kept with the photo's SHA-256, and the service counts as the recipient's receipt at the
 * time on the slip (channel PAPER), which case-service is told of like a confirmation through the link.
 */
@ApplicationScoped
public class PaperServices {

    public static final int MAX_SLIP_BYTES = 5 * 1024 * 1024;

    /** What the server wrote on the slip, as staff enter it. */
    public record Served(String servedBy, Instant servedAt, String place, String receivedBy, String relation,
            boolean refused, String witness) {
    }

    private final EntityManager em;
    private final ProofOfService proof;

    PaperServices(EntityManager em, ProofOfService proof) {
        this.em = em;
        this.proof = proof;
    }

    /** Null when the notice does not exist; 409 when it was served on paper before. */
    @Transactional
    public PaperService record(UUID noticeId, Served served, byte[] slip, String recordedBy, Instant now) {
        String contentType = check(served, slip, now);
        Notice notice = em.find(Notice.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice == null) {
            return null;
        }
        if (!notice.isToResident()) {
            throw ProblemException.conflict("notice " + noticeId + " is not addressed to a party; only notices to "
                    + "parties are served on paper");
        }
        if (PaperService.findById(noticeId) != null) {
            throw ProblemException.conflict("notice " + noticeId + " was already served on paper");
        }
        if (served.servedAt().isBefore(notice.createdAt)) {
            throw ProblemException.badRequest("servedAt", "must not be before the notice was issued");
        }
        PaperService p = new PaperService();
        p.noticeId = noticeId;
        p.servedBy = served.servedBy().strip();
        p.servedAt = served.servedAt();
        p.place = served.place().strip();
        p.refused = served.refused();
        p.receivedBy = blankToNull(served.receivedBy());
        p.relation = blankToNull(served.relation());
        p.witness = blankToNull(served.witness());
        p.slip = slip;
        p.slipContentType = contentType;
        p.slipSha256 = sha256(slip);
        p.recordedBy = recordedBy;
        p.recordedAt = now;
        p.persist();
        proof.acknowledge(noticeId, Channel.PAPER, served.servedAt(), null, null);
        return p;
    }

    /** Every field's problem at once; the slip's content type as its bytes show it. */
    private static String check(Served s, byte[] slip, Instant now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        required(errors, "servedBy", s.servedBy(), 100);
        required(errors, "place", s.place(), 300);
        if (s.servedAt() == null) {
            errors.add(new Problem.FieldError("servedAt", "is required"));
        } else if (s.servedAt().isAfter(now.plusSeconds(300))) {
            errors.add(new Problem.FieldError("servedAt", "must not be in the future"));
        }
        if (s.refused()) {
            required(errors, "witness", s.witness(), 100);
            optional(errors, "receivedBy", s.receivedBy(), 100);
        } else {
            required(errors, "receivedBy", s.receivedBy(), 100);
            optional(errors, "witness", s.witness(), 100);
        }
        optional(errors, "relation", s.relation(), 50);
        String contentType = null;
        if (slip == null || slip.length == 0) {
            errors.add(new Problem.FieldError("slip", "a photo or scan of the signed slip is required"));
        } else if (slip.length > MAX_SLIP_BYTES) {
            errors.add(new Problem.FieldError("slip", "must be at most 5 MB"));
        } else {
            contentType = contentTypeOf(slip);
            if (contentType == null) {
                errors.add(new Problem.FieldError("slip", "must be a JPEG, PNG or HEIC photo or a PDF scan"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return contentType;
    }

    /** The type the bytes themselves show; null for any other. */
    static String contentTypeOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (List.of("heic", "heix", "mif1", "msf1", "heif").contains(brand)) {
                return "image/heic";
            }
        }
        return null;
    }

    private static void required(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
        } else {
            optional(errors, field, value, max);
        }
    }

    private static void optional(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
        } else if (value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            errors.add(new Problem.FieldError(field, "must not contain control characters"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
