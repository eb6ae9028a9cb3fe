package cn.tiaojie.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevValueGuardTest {

    private static SmallRyeConfig config(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void everyPropertyWithADevOnlyValueIsNamedAndNoValueIsShown() {
        SmallRyeConfig prod = config("prod", Map.of(
                "tiaojie.mediator.identity-key", "${MISSING_KEY:DEV-ONLY-identity-key-not-for-production}",
                "tiaojie.notify.links.secret", "dev-only-lower-case-too",
                "tiaojie.notify.links.base-url", "https://n.tiaojie.example"));
        assertEquals(List.of("tiaojie.mediator.identity-key", "tiaojie.notify.links.secret"), DevValueGuard.devValued(prod));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DevValueGuard.refuseDevValues(prod));
        assertTrue(refused.getMessage().contains("tiaojie.mediator.identity-key, tiaojie.notify.links.secret"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-for-production"), "the value stays out of the message");
    }

    @Test
    void devOnlyValuesOfOtherProfilesDoNotCount() {
        SmallRyeConfig prod = config("prod", Map.of(
                "%local.tiaojie.notify.links.secret", "DEV-ONLY-local-notice-link-secret",
                "tiaojie.notify.links.secret", "a-real-secret"));
        assertDoesNotThrow(() -> DevValueGuard.refuseDevValues(prod));
    }
}
