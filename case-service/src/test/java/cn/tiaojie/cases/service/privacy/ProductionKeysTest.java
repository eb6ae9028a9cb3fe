package cn.tiaojie.cases.service.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.platform.privacy.PersonalDataCipher;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key configuration as production reads it: no default keys, and the DEV-ONLY ones refused. */
class ProductionKeysTest {

    static final String KEY = "HTv4/TkBwDYIisAOs+MSDLHZBgrVBbU4iYvLGE+2XkM=";

    @Test
    void productionRefusesDevOnlyKeysAndMissingKeys() {
        SmallRyeConfig dev = config(Map.of("tiaojie.privacy.encryption-keys", "DEV-ONLY-1:" + KEY,
                "tiaojie.privacy.active-key-id", "DEV-ONLY-1", "tiaojie.privacy.lookup-key", KEY));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PersonalDataCipher.fromConfig(dev, "tiaojie.privacy", true));
        assertTrue(refused.getMessage().contains("DEV-ONLY"));
        assertEquals("DEV-ONLY-1", PersonalDataCipher.fromConfig(dev, "tiaojie.privacy", false).activeKeyId());

        SmallRyeConfig none = config(Map.of());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PersonalDataCipher.fromConfig(none, "tiaojie.privacy", true));
        assertTrue(missing.getMessage().contains("tiaojie.privacy.encryption-keys"));

        SmallRyeConfig real = config(Map.of("tiaojie.privacy.encryption-keys", "k2025:" + KEY,
                "tiaojie.privacy.active-key-id", "k2025", "tiaojie.privacy.lookup-key", KEY));
        assertEquals("k2025", PersonalDataCipher.fromConfig(real, "tiaojie.privacy", true).activeKeyId());
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
