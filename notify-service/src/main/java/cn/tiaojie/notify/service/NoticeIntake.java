package cn.tiaojie.notify.service;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.NoticeRequest;
import cn.tiaojie.contracts.notify.v1.Recipient;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.Channel;
import cn.tiaojie.notify.Delivery;
import cn.tiaojie.notify.channel.ChannelSender;
import cn.tiaojie.notify.privacy.SealedContacts;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import cn.tiaojie.notify.scope.CaseScope;
import cn.tiaojie.notify.scope.CaseScopes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accepts notices: validates the request, renders the text and records the notice with one queued delivery per
 * channel, once per idempotency key.
 */
@ApplicationScoped
public class NoticeIntake {

    public record Accepted(UUID noticeId, boolean created) {
    }

    static final int MAX_KEY = 200;

    private final EntityManager em;
    private final CaseScopes scopes;
    private final NoticeRenderer renderer;
    private final ObjectMapper json;
    private final Set<Channel> offered;

    NoticeIntake(EntityManager em, NoticeRenderer renderer, ObjectMapper json, Instance<ChannelSender> senders,
            CaseScopes scopes) {
        this.em = em;
        this.scopes = scopes;
        this.renderer = renderer;
        this.json = json;
        this.offered = senders.stream().filter(ChannelSender::available).map(ChannelSender::channel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }

    /**
     * Records the notice unless its key was seen before, in which case the first notice answers and nothing is
     * written. Concurrent duplicates meet at the unique key: the insert of all but one does nothing.
     */
    public Accepted accept(NoticeRequest request) {
        validate(request);
        // read before the transaction: asking case-service must not hold a database connection
        CaseScope scope = scopes.forCase(request.getCaseId());
        return QuarkusTransaction.requiringNew().call(() -> record(request, scope));
    }

    private Accepted record(NoticeRequest request, CaseScope scope) {
        Recipient recipient = request.getRecipient();
        NoticeRenderer.Rendered text = renderer.render(request.getKind(), request.getCaseNo(), recipient.getKind(),
                recipient.getName(), request.getFieldsMap(), request.getUrgent(), recipient.getLanguage());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                insert into notice (id, idempotency_key, kind, case_id, case_no, recipient_kind, recipient_id,
                    recipient_name, phone, email, language, fields, urgent, title, body, created_at, center_code,
                    area_code, scope_pending, paper_delivery_required, paper_delivery_reason, version)
                values (:id, :key, :kind, :caseId, :caseNo, :recipientKind, :recipientId, :recipientName, :phone,
                    :email, :language, cast(:fields as jsonb), :urgent, :title, :body, :createdAt, :centerCode,
                    :areaCode, :scopePending, :paper, cast(:paperReason as varchar), 0)
                on conflict (idempotency_key) do nothing""")
                .setParameter("id", id)
                .setParameter("key", request.getIdempotencyKey())
                .setParameter("kind", request.getKind().name())
                .setParameter("caseId", blankToNull(request.getCaseId()))
                .setParameter("caseNo", blankToNull(request.getCaseNo()))
                .setParameter("recipientKind", recipient.getKind().name())
                .setParameter("recipientId", recipient.getId())
                .setParameter("recipientName", blankToNull(recipient.getName()))
                .setParameter("phone", SealedContacts.seal(SealedContacts.PHONE, blankToNull(recipient.getPhone())))
                .setParameter("email", SealedContacts.seal(SealedContacts.EMAIL, blankToNull(recipient.getEmail())))
                .setParameter("language", blankToNull(recipient.getLanguage()))
                .setParameter("fields", toJson(request))
                .setParameter("urgent", request.getUrgent())
                .setParameter("title", text.title())
                .setParameter("body", text.body())
                .setParameter("createdAt", now)
                .setParameter("centerCode", scope.centerCode())
                .setParameter("areaCode", scope.areaCode())
                .setParameter("scopePending", scope.pending())
                .setParameter("paper", unreachable(recipient))
                .setParameter("paperReason", unreachable(recipient) ? DeliveryDispatcher.NO_CONTACT : null)
                .executeUpdate();
        if (inserted == 0) {
            UUID first = em.createQuery("select n.id from Notice n where n.idempotencyKey = :key", UUID.class)
                    .setParameter("key", request.getIdempotencyKey()).getSingleResult();
            return new Accepted(first, false);
        }
        channelsFor(recipient).forEach(channel -> Delivery.queued(id, channel, now).persist());
        return new Accepted(id, true);
    }

    /** A party with neither phone nor e-mail: only a grid worker at their door can serve them. */
    private static boolean unreachable(Recipient recipient) {
        return recipient.getKind() == RecipientKind.PARTY && recipient.getPhone().isBlank()
                && recipient.getEmail().isBlank();
    }

    /**
     * The recipient's requested channels that this deployment offers and that the recipient can be reached on (a
     * phone for SMS, an address for e-mail); LOG, the channel of last resort, when none is left.
     */
    Set<Channel> channelsFor(Recipient recipient) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        recipient.getChannelsList().forEach(requested -> Channel.of(requested)
                .filter(offered::contains)
                .filter(channel -> channel != Channel.SMS || !recipient.getPhone().isBlank())
                .filter(channel -> channel != Channel.EMAIL || !recipient.getEmail().isBlank())
                .ifPresent(channels::add));
        if (channels.isEmpty()) {
            channels.add(Channel.LOG);
        }
        return channels;
    }

    static void validate(NoticeRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.getIdempotencyKey().isBlank()) {
            errors.add(new Problem.FieldError("idempotency_key", "is required"));
        } else if (request.getIdempotencyKey().length() > MAX_KEY) {
            errors.add(new Problem.FieldError("idempotency_key", "must be at most " + MAX_KEY + " characters"));
        }
        if (request.getKind() == NoticeKind.NOTICE_KIND_UNSPECIFIED || request.getKind() == NoticeKind.UNRECOGNIZED) {
            errors.add(new Problem.FieldError("kind", "is required"));
        }
        if (!request.hasRecipient()) {
            errors.add(new Problem.FieldError("recipient", "is required"));
        } else {
            Recipient recipient = request.getRecipient();
            if (recipient.getKind() == RecipientKind.RECIPIENT_KIND_UNSPECIFIED
                    || recipient.getKind() == RecipientKind.UNRECOGNIZED) {
                errors.add(new Problem.FieldError("recipient.kind", "is required"));
            }
            if (recipient.getId().isBlank()) {
                errors.add(new Problem.FieldError("recipient.id", "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private String toJson(NoticeRequest request) {
        try {
            return json.writeValueAsString(request.getFieldsMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fields cannot be written as JSON", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
