package cn.tiaojie.cases.service;

import cn.tiaojie.cases.DisputeCase;
import cn.tiaojie.cases.Party;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.platform.notice.NoticeChannels;
import cn.tiaojie.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices to the parties themselves, through notify-service by way of the outbox, so each leaves exactly when the
 * change that caused it commits: the outcome of the mediation (调解结果通知) to every party, with an agreement's
 * terms, amount, performance deadline and judicial-confirmation window; on closing, the invitation to rate the
 * service (服务评价邀请), whose link opens the rating form.
 */
@ApplicationScoped
public class PartyNotices {

    private final Outbox outbox;
    private final CaseMessages messages;

    PartyNotices(Outbox outbox, CaseMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    /** 调解结果通知: one per party, keyed by the case and the outcome so that a repeat sends nothing more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void outcome(DisputeCase c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("outcome", c.outcome.name());
        if (c.agreementTerms != null) {
            fields.put("agreementTerms", c.agreementTerms);
        }
        if (c.agreementAmount != null) {
            fields.put("agreementAmount", c.agreementAmount.toPlainString());
        }
        if (c.performanceDeadline != null) {
            fields.put("performanceDeadline", c.performanceDeadline.toString());
        }
        if (c.judicialConfirmationDue != null) {
            fields.put("judicialConfirmationDue", c.judicialConfirmationDue.toString());
        }
        if (c.referralRoute != null) {
            fields.put("referralRoute", c.referralRoute.name());
        }
        if (c.outcomeReason != null) {
            fields.put("reason", c.outcomeReason);
        }
        toEveryParty(c, NoticeKind.OUTCOME, "outcome:" + c.outcome, fields);
    }

    /** 服务评价邀请: one per party when the case closes; the notice's link opens the rating form. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluationInvitation(DisputeCase c) {
        toEveryParty(c, NoticeKind.EVALUATION_INVITATION, "evaluation", Map.of());
    }

    private void toEveryParty(DisputeCase c, NoticeKind kind, String key, Map<String, String> fields) {
        for (Party party : c.parties) {
            outbox.enqueue(CaseTopics.SEND_NOTICE, NoticeRequest.newBuilder()
                    .setIdempotencyKey("case:" + c.id + ":" + key + ":" + party.id)
                    .setKind(kind)
                    .setCaseId(c.id.toString())
                    .setCaseNo(c.caseNo)
                    .setRecipient(recipient(messages.party(party)))
                    .putAllFields(fields)
                    .build());
        }
    }

    /** The party as notify-service reaches them, by the suite's one rule for a party's channels. */
    private static Recipient recipient(cn.tiaojie.contracts.common.v1.Party party) {
        List<NoticeChannel> channels = NoticeChannels.forParty(party.getPreferredChannelsList().stream()
                .map(NoticeChannel::name).toList(), party.getPhone(), party.getEmail()).stream()
                .map(NoticeChannel::valueOf).toList();
        return Recipient.newBuilder().setKind(RecipientKind.PARTY).setId(party.getPartyId()).setName(party.getName())
                .setPhone(party.getPhone()).setEmail(party.getEmail()).setLanguage(party.getLanguage())
                .addAllChannels(channels).build();
    }
}
