package cn.tiaojie.notify.service.intake;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.model.Channel;
import java.util.List;
import java.util.Map;

/**
 * A notice as another service asks for it. Texts are never null (empty when not given); {@code recipient} is null
 * when the request named none.
 */
public record NoticeCommand(String idempotencyKey, NoticeKind kind, String caseId, String caseNo,
        Recipient recipient, Map<String, String> fields, boolean urgent) {

    /** Whom the notice is for, how to reach them, and the channels asked for (in this build's names). */
    public record Recipient(RecipientKind kind, String id, String name, String phone, String email, String language,
            List<Channel> channels) {
    }
}
