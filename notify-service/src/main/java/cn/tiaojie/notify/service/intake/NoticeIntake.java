package cn.tiaojie.notify.service.intake;

import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.contracts.notify.v1.RecipientKind;
import cn.tiaojie.notify.model.Channel;
import cn.tiaojie.notify.model.Delivery;
import cn.tiaojie.notify.service.channel.ChannelSender;
import cn.tiaojie.notify.service.delivery.DeliveryDispatcher;
import cn.tiaojie.notify.service.intake.NoticeCommand.Recipient;
import cn.tiaojie.notify.service.privacy.SealedContacts;
import cn.tiaojie.notify.service.scope.CaseScope;
import cn.tiaojie.notify.service.scope.CaseScopes;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
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
    public Accepted accept(NoticeCommand request) {
        validate(request);
        // read before the transaction: asking case-service must not hold a database connection
        CaseScope scope = scopes.forCase(request.caseId());
        return QuarkusTransaction.requiringNew().call(() -> record(request, scope));
    }

    private Accepted record(NoticeCommand request, CaseScope scope) {
        Recipient recipient = request.recipient();
        NoticeRenderer.Rendered text = renderer.render(request.kind(), request.caseNo(), recipient.kind(),
                recipient.name(), request.fields(), request.urgent(), recipient.language());
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
                .setParameter("key", request.idempotencyKey())
                .setParameter("kind", request.kind().name())
                .setParameter("caseId", blankToNull(request.caseId()))
                .setParameter("caseNo", blankToNull(request.caseNo()))
                .setParameter("recipientKind", recipient.kind().name())
                .setParameter("recipientId", recipient.id())
                .setParameter("recipientName", blankToNull(recipient.name()))
                .setParameter("phone", SealedContacts.seal(SealedContacts.PHONE, blankToNull(recipient.phone())))
                .setParameter("email", SealedContacts.seal(SealedContacts.EMAIL, blankToNull(recipient.email())))
                .setParameter("language", blankToNull(recipient.language()))
                .setParameter("fields", toJson(request))
                .setParameter("urgent", request.urgent())
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
                    .setParameter("key", request.idempotencyKey()).getSingleResult();
            return new Accepted(first, false);
        }
        channelsFor(recipient).forEach(channel -> Delivery.queued(id, channel, now).persist());
        return new Accepted(id, true);
    }

    /** A party with neither phone nor e-mail: only a grid worker at their door can serve them. */
    private static boolean unreachable(Recipient recipient) {
        return recipient.kind() == RecipientKind.PARTY && recipient.phone().isBlank()
                && recipient.email().isBlank();
    }

    /**
     * The recipient's requested channels that this deployment offers and that the recipient can be reached on (a
     * phone for SMS, an address for e-mail); LOG, the channel of last resort, when none is left.
     */
    Set<Channel> channelsFor(Recipient recipient) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        recipient.channels().stream()
                .filter(offered::contains)
                .filter(channel -> channel != Channel.SMS || !recipient.phone().isBlank())
                .filter(channel -> channel != Channel.EMAIL || !recipient.email().isBlank())
                .forEach(channels::add);
        if (channels.isEmpty()) {
            channels.add(Channel.LOG);
        }
        return channels;
    }

    static void validate(NoticeCommand request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.idempotencyKey().isBlank()) {
            errors.add(new Problem.FieldError("idempotency_key", "is required"));
        } else if (request.idempotencyKey().length() > MAX_KEY) {
            errors.add(new Problem.FieldError("idempotency_key", "must be at most " + MAX_KEY + " characters"));
        }
        if (request.kind() == NoticeKind.NOTICE_KIND_UNSPECIFIED || request.kind() == NoticeKind.UNRECOGNIZED) {
            errors.add(new Problem.FieldError("kind", "is required"));
        }
        if (request.recipient() == null) {
            errors.add(new Problem.FieldError("recipient", "is required"));
        } else {
            Recipient recipient = request.recipient();
            if (recipient.kind() == RecipientKind.RECIPIENT_KIND_UNSPECIFIED
                    || recipient.kind() == RecipientKind.UNRECOGNIZED) {
                errors.add(new Problem.FieldError("recipient.kind", "is required"));
            }
            if (recipient.id().isBlank()) {
                errors.add(new Problem.FieldError("recipient.id", "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private String toJson(NoticeCommand request) {
        try {
            return json.writeValueAsString(request.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fields cannot be written as JSON", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
