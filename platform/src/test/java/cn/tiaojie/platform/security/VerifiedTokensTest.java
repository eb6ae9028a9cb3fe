package cn.tiaojie.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.local.DevTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verified-token cache in front of the real smallrye-jwt verifier, with the DEV-ONLY key. */
class VerifiedTokensTest {

    /** the real verifier, counting how often it is asked */
    static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();

        CountingVerifier(JWTAuthContextInfo context) {
            super(context);
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }

    CountingVerifier verifier;
    final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        JWTAuthContextInfo context = new JWTAuthContextInfo(KeyUtils.decodePublicKey(DevTokens.publicKeyPem()),
                DevTokens.ISSUER);
        context.setExpectedAudience(java.util.Set.of(DevTokens.AUDIENCE));
        verifier = new CountingVerifier(context);
        tokens = new VerifiedTokens(verifier, now::get);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWhileItIsValid() throws Exception {
        String token = DevTokens.forRole("staff").subject("s1").claim("center", "C1").sign();
        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);
        assertSame(first, second);
        assertEquals("s1", second.getSubject());
        assertEquals(1, verifier.verifications.get());
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasExpired() throws Exception {
        String token = DevTokens.token("staff", "s1", Map.of(), Duration.ofMinutes(2));
        tokens.parse(token);
        now.addAndGet(Duration.ofMinutes(2).plusSeconds(1).toMillis());
        // the verifier's own clock says the token is still valid for a second or two: it is verified afresh
        JsonWebToken again = tokens.parse(token);
        assertEquals(2, verifier.verifications.get());
        assertEquals("s1", again.getSubject());
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheAgeCap() throws Exception {
        String token = DevTokens.token("service", "case-service", Map.of(), Duration.ofHours(12));
        JsonWebToken first = tokens.parse(token);
        now.addAndGet(VerifiedTokens.MAX_AGE_MILLIS - 1);
        assertSame(first, tokens.parse(token));
        now.addAndGet(1);
        assertNotSame(first, tokens.parse(token));
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void defectiveTokensAreRefusedEveryTimeAndNeverRemembered() {
        for (DevTokens.Defect defect : DevTokens.Defect.values()) {
            String token = DevTokens.defective(defect, "admin", "intruder", Map.of());
            assertThrows(ParseException.class, () -> tokens.parse(token), defect.name());
            assertThrows(ParseException.class, () -> tokens.parse(token), defect.name());
        }
        assertEquals(2 * DevTokens.Defect.values().length, verifier.verifications.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenChangedAfterSigningIsNotTheRememberedOne() throws Exception {
        String token = DevTokens.forRole("staff").subject("s1").sign();
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String changedSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A')
                + parts[2].substring(1);
        assertThrows(ParseException.class, () -> tokens.parse(changedSignature));
    }

    @Test
    void theCacheStaysWithinItsCapacity() throws Exception {
        for (int i = 0; i < VerifiedTokens.CAPACITY + 50; i++) {
            tokens.parse(DevTokens.forRole("resident").subject("r" + i).sign());
        }
        assertTrue(tokens.size() <= VerifiedTokens.CAPACITY, "size " + tokens.size());
    }
}
