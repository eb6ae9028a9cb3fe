package cn.tiaojie.scheduling.service.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Each mediator's secret calendar address. The token is 256 random bits shown once, when it is made; the database
 * keeps its SHA-256 only. Making a new one replaces the old in one statement, whoever renews at the same moment.
 */
@ApplicationScoped
public class CalendarSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A subscription as its owner sees it; the token only in the answer that made it. */
    public record Subscription(String mediatorId, String token, Instant createdAt) {
    }

    private final EntityManager em;

    CalendarSubscriptions(EntityManager em) {
        this.em = em;
    }

    /** A new secret address for the mediator; the previous one, if any, stops working. */
    @Transactional
    public Subscription renew(String mediatorId, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        em.createNativeQuery("""
                insert into calendar_subscription (mediator_id, token_sha256, created_at) values (?1, ?2, ?3)
                on conflict (mediator_id) do update set token_sha256 = excluded.token_sha256,
                                                        created_at = excluded.created_at""")
                .setParameter(1, mediatorId).setParameter(2, sha256(token)).setParameter(3, now).executeUpdate();
        return new Subscription(mediatorId, token, now);
    }

    @Transactional
    public Optional<Subscription> of(String mediatorId) {
        @SuppressWarnings("unchecked")
        List<Object> created = em.createNativeQuery(
                "select created_at from calendar_subscription where mediator_id = ?1", OffsetDateTime.class)
                .setParameter(1, mediatorId).getResultList();
        return created.stream().findFirst()
                .map(at -> new Subscription(mediatorId, null, ((OffsetDateTime) at).toInstant()));
    }

    @Transactional
    public void revoke(String mediatorId) {
        em.createNativeQuery("delete from calendar_subscription where mediator_id = ?1").setParameter(1, mediatorId)
                .executeUpdate();
    }

    /** The mediator a calendar address belongs to, if it is a live one. */
    @Transactional
    public Optional<String> mediatorOf(String token) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select mediator_id from calendar_subscription where token_sha256 = ?1")
                .setParameter(1, sha256(token)).getResultList();
        return ids.stream().findFirst().map(String::valueOf);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
