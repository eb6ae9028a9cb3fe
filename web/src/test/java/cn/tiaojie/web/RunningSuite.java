package cn.tiaojie.web;

import cn.tiaojie.local.FreePorts;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The four packaged services on one embedded PostgreSQL, started once for the module's tests (GLOBAL scope), with
 * the pages under test pointed at them and the DEV-ONLY sign-in on.
 */
public class RunningSuite implements QuarkusTestResourceLifecycleManager {

    private static Suite suite;

    @Override
    public synchronized Map<String, String> start() {
        if (suite == null) {
            Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
            for (SuiteService s : SuiteService.values()) {
                ports.put(s, FreePorts.next());
            }
            Path state = root().resolve("web/target/suite");
            suite = Suite.start(new Suite.Options(root(), state, null, 0, ports), Duration.ofMinutes(3));
        }
        Map<String, String> config = new HashMap<>();
        for (SuiteService s : SuiteService.values()) {
            config.put("quarkus.rest-client." + s.module + ".url", suite.url(s).toString());
        }
        config.put("tiaojie.web.dev-sign-in.signing-key-location",
                root().resolve("web/target/suite/DEV-ONLY-jwt-private.pem").toUri().toString());
        return config;
    }

    @Override
    public synchronized void stop() {
        if (suite != null) {
            suite.close();
            suite = null;
        }
    }

    /** The running suite, for tests that call a service's API directly (a mediator accepting an offer). */
    public static Suite suite() {
        return suite;
    }

    static Path root() {
        return Path.of(System.getProperty("tiaojie.root", "..")).toAbsolutePath().normalize();
    }
}
