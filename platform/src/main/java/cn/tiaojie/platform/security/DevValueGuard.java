package cn.tiaojie.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start the prod profile while any configuration value is marked DEV-ONLY (the keys, secrets and
 * passwords that ship in the repository for tests and the local run): the message names every such property, never
 * its value. Runs before the other start-up work.
 */
@ApplicationScoped
public class DevValueGuard {

    static final String MARK = "DEV-ONLY";

    void onStart(@Observes @Priority(1) StartupEvent event, @ConfigProperty(name = "quarkus.profile") String profile) {
        if ("prod".equals(profile)) {
            refuseDevValues(ConfigProvider.getConfig());
        }
    }

    static void refuseDevValues(Config config) {
        List<String> refused = devValued(config);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses " + MARK + " values, found in " + String.join(", ", refused)
                    + ": supply this deployment's own values (k8s/secrets)");
        }
    }

    /** The properties (without profile prefixes) whose value, as the active profile sees it, carries the mark. */
    static List<String> devValued(Config config) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%")) {
                continue;
            }
            String value;
            try {
                value = config.getConfigValue(name).getValue();
            } catch (NoSuchElementException | IllegalArgumentException e) {
                continue; // an expression that does not expand: the property's own check reports it
            }
            if (value != null && value.toUpperCase(Locale.ROOT).contains(MARK)) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }
}
