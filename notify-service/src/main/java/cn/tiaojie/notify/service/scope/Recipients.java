package cn.tiaojie.notify.service.scope;

import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.model.Notice;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import java.util.Map;
import java.util.Optional;

/**
 * Which recipient the caller is: a mediator by their mediatorId claim, a resident (a party) by their partyId, and
 * for a resident whose token names their case, only within that case.
 */
public final class Recipients {

    /** {@code caseId} is null when the token names no case. */
    public record Recipient(RecipientKind kind, String id, String caseId) {

        public boolean owns(Notice notice) {
            return notice.recipientKind == kind && id.equals(notice.recipientId)
                    && (caseId == null || notice.caseId == null || caseId.equals(notice.caseId));
        }

        /** The same as {@link #owns} as a JPQL condition on {@code Notice} (unaliased); parameters into params. */
        public String condition(Map<String, Object> params) {
            params.put("recipientKind", kind);
            params.put("recipientId", id);
            if (caseId == null) {
                return "(recipientKind = :recipientKind and recipientId = :recipientId)";
            }
            params.put("recipientCaseId", caseId);
            return "(recipientKind = :recipientKind and recipientId = :recipientId"
                    + " and (caseId is null or caseId = :recipientCaseId))";
        }
    }

    private Recipients() {
    }

    public static Optional<Recipient> of(Caller caller) {
        if (caller.is(Claims.MEDIATOR)) {
            return caller.mediatorId().filter(id -> !id.isBlank())
                    .map(id -> new Recipient(RecipientKind.MEDIATOR, id, null));
        }
        if (caller.is(Claims.RESIDENT)) {
            String caseId = caller.caseId().filter(id -> !id.isBlank()).orElse(null);
            return caller.partyId().filter(id -> !id.isBlank())
                    .map(id -> new Recipient(RecipientKind.PARTY, id, caseId));
        }
        return Optional.empty();
    }
}
