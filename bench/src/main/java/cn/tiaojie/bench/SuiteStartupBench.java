package cn.tiaojie.bench;

import cn.tiaojie.local.FreePorts;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Start time (process start to /q/health/ready) and resident memory right after, per service, as ./tiaojie up
 * starts them: the packaged applications, the launcher's JVM options, one embedded PostgreSQL, a data directory
 * kept between runs (so the first run also migrates and loads the demo data, the later ones do not).
 */
public final class SuiteStartupBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("tiaojie-startup-bench");
        Map<SuiteService, List<Suite.Started>> byService = new EnumMap<>(SuiteService.class);
        for (int run = 1; run <= runs; run++) {
            Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
            for (SuiteService s : SuiteService.values()) {
                ports.put(s, FreePorts.next());
            }
            try (Suite suite = Suite.start(new Suite.Options(root, state, state.resolve("pgdata"), 0, ports),
                    Duration.ofMinutes(3))) {
                for (Suite.Started s : suite.started()) {
                    byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s);
                    System.out.printf("run %d  %-19s ready after %5d ms  %4d MB RSS%n", run, s.service().module,
                            s.readyMillis(), s.rssKiB() / 1024);
                }
            }
        }
        System.out.println();
        System.out.println("service              first start   later starts (median, min–max)   RSS after start (median)");
        byService.forEach((service, starts) -> {
            List<Long> later = starts.stream().skip(1).map(Suite.Started::readyMillis).sorted().toList();
            List<Long> rss = starts.stream().map(s -> s.rssKiB() / 1024).sorted().toList();
            System.out.printf("%-19s  %8d ms    %6d ms (%d–%d)                  %4d MB%n", service.module,
                    starts.get(0).readyMillis(), later.isEmpty() ? 0 : later.get(later.size() / 2),
                    later.isEmpty() ? 0 : later.get(0), later.isEmpty() ? 0 : later.get(later.size() - 1),
                    rss.get(rss.size() / 2));
        });
    }
}
