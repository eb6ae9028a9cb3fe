package cn.tiaojie.e2e;

import cn.tiaojie.local.FreePorts;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Starts the packaged suite on free ports, the way ./tiaojie up does, for one test class. */
final class SuiteFixture {

    private SuiteFixture() {
    }

    static Path root() {
        return Path.of(System.getProperty("tiaojie.root", "..")).toAbsolutePath().normalize();
    }

    static Suite start(String name, Path dataDirectory) {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService s : SuiteService.values()) {
            ports.put(s, FreePorts.next());
        }
        Path state = root().resolve("e2e-tests/target/suite-" + name);
        Suite suite = Suite.start(new Suite.Options(root(), state, dataDirectory, 0, ports), Duration.ofMinutes(3));
        suite.started().forEach(s -> System.out.printf("%s ready after %d ms, %d MB RSS%n",
                s.service().module, s.readyMillis(), s.rssKiB() / 1024));
        return suite;
    }
}
