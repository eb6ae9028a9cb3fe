package cn.tiaojie.cases.service.notices;

import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import java.util.List;
import java.util.Map;

/**
 * A notice for notify-service to send, keyed so that a repeat sends nothing more. Absent contact details are null.
 */
public record Notice(String idempotencyKey, NoticeKind kind, String caseId, String caseNo, Recipient recipient,
        Map<String, String> fields, boolean urgent) {

    public record Recipient(RecipientKind kind, String id, String name, String phone, String email, String language,
            List<NoticeChannel> channels) {
    }
}
