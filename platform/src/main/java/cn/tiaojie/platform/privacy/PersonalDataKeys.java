package cn.tiaojie.platform.privacy;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The service's personal-data cipher, from {@code tiaojie.privacy.*}. There are no keys by default, so production
 * must supply them, and the prod profile refuses the DEV-ONLY ones. Made on first use: a service that seals nothing
 * needs no keys.
 */
@Singleton
public class PersonalDataKeys {

    @Produces
    @Singleton
    @Unremovable
    static PersonalDataCipher cipher(Config config) {
        return PersonalDataCipher.fromConfig(config, "tiaojie.privacy", ConfigUtils.isProfileActive("prod"));
    }
}
