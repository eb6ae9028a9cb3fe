package cn.tiaojie.notify.service;

import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.Notice;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import java.util.Optional;

/** Which recipient the caller is: a mediator by their mediatorId claim, a resident (a party) by their partyId. */
public final class Recipients {

    public record Recipient(RecipientKind kind, String id) {

        public boolean owns(Notice notice) {
            return notice.recipientKind == kind && id.equals(notice.recipientId);
        }
    }

    private Recipients() {
    }

    public static Optional<Recipient> of(Caller caller) {
        if (caller.is(Claims.MEDIATOR)) {
            return caller.mediatorId().filter(id -> !id.isBlank()).map(id -> new Recipient(RecipientKind.MEDIATOR, id));
        }
        if (caller.is(Claims.RESIDENT)) {
            return caller.partyId().filter(id -> !id.isBlank()).map(id -> new Recipient(RecipientKind.PARTY, id));
        }
        return Optional.empty();
    }
}
