package cn.tiaojie.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.local.DevTokens;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DevKeyGuardTest {

    @Test
    void theDevOnlyKeysAreRefused() {
        for (String pem : new String[] {DevTokens.publicKeyPem(), DevTokens.privateKeyPem()}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DevKeyGuard.refuseDevKey("mp.jwt.verify.publickey.location", pem));
            assertTrue(refused.getMessage().contains("DEV-ONLY"));
        }
    }

    @Test
    void anotherKeyIsAccepted() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertDoesNotThrow(() -> DevKeyGuard.refuseDevKey("mp.jwt.verify.publickey.location", pem));
    }
}
