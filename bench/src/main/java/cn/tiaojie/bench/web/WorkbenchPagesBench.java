package cn.tiaojie.bench.web;

import cn.tiaojie.bench.KeepAliveHttp;
import cn.tiaojie.bench.Latencies;
import cn.tiaojie.bench.ParallelRequests;
import cn.tiaojie.bench.ProcessCpu;
import cn.tiaojie.local.FreePorts;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbench's pages as its users wait for them: the suite and the workbench on free loopback ports with a
 * throw-away database, 100,000 disputes registered through case-service's REST API, then each page requested one
 * after another as one person clicking (request sent → body read to its end, on a keep-alive connection: the
 * server's time), p50 / p99 / max against the goal p99 ≤ 150 ms for the board and the case page. For each page the
 * REST calls it makes are then timed on their own with the same user's claims, so that the page's time splits into
 * the services' and the workbench's own; the CPU each process spent per page says the same from the other side.
 * Then the board with 4 users at once, and the page weight a browser downloads (compressed, as sent).
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=cn.tiaojie.bench.web.WorkbenchPagesBench
 *     [-Dbench.cases=100000 -Dbench.requests=300 -Dbench.warmup=150 -Dbench.seconds-per-loop=120
 *      -Dbench.connections=8]</pre>
 * Needs the four services and web packaged (./mvnw -DskipTests package). Loopback only, bounded loops.
 */
public final class WorkbenchPagesBench {

    static final int CASES = Integer.getInteger("bench.cases", 100_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 300);
    static final int WARMUP = Integer.getInteger("bench.warmup", 150);
    /** a page as slow as a second still leaves time for the others: each loop also stops after this long */
    static final Duration PER_LOOP = Duration.ofSeconds(Long.getLong("bench.seconds-per-loop", 120));
    static final int LOAD_CONNECTIONS = Integer.getInteger("bench.connections", 8);
    static final int USERS_AT_ONCE = 4;
    static final double GOAL_P99_MILLIS = 150;
    static final long GOAL_FIRST_LOAD_BYTES = 300 * 1024;
    static final long GOAL_LATER_PAGE_BYTES = 50 * 1024;
    /** a word in about one summary of seventeen */
    static final String SEARCH_WORD = "漏水";
    static final String BROWSER_ENCODINGS = "Accept-Encoding: gzip, br";

    private static final Pattern STYLESHEET = Pattern.compile("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]*src=\"([^\"]+)\"");

    /** One REST call a page makes, and how the report names it. */
    record ApiCall(String label, SuiteService service, String path) {
    }

    /** One page to request, and the REST calls the workbench makes to draw it, in its order. */
    record Page(String path, List<ApiCall> calls) {
    }

    /** A kind of page: who opens it, whether the 150 ms goal applies, and the next one a user would open. */
    record PageKind(String label, String demoUser, boolean hasGoal, Function<Random, Page> next) {
    }

    private WorkbenchPagesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("tiaojie-workbench-bench");
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService s : SuiteService.values()) {
            ports.put(s, FreePorts.next());
        }
        int webPort = FreePorts.next();
        System.out.printf("workbench pages bench: %,d cases, %d requests per page after %d warm-up, %d cores; load %s%n",
                CASES, REQUESTS, WARMUP, Runtime.getRuntime().availableProcessors(), loadAverage());
        try (Suite suite = startWithWorkbench(root, state, ports, webPort)) {

            CaseLoad load = CaseLoad.against(ports.get(SuiteService.CASE));
            String loadBefore = loadAverage();
            long began = System.nanoTime();
            load.register(CASES, LOAD_CONNECTIONS);
            System.out.printf("loaded %,d cases in %.1f s on %d connections (load %s → %s)%n", CASES,
                    (System.nanoTime() - began) / 1e9, LOAD_CONNECTIONS, loadBefore, loadAverage());
            awaitQuiet(suite);
            System.out.println("  counts as the supervisor sees them: "
                    + new ServiceApi(ports, supervisorToken()).get(SuiteService.CASE, "/api/cases/counts").body());

            List<String> countyCases = new ArrayList<>(load.countyCaseIds);
            measure(suite, ports, webPort, countyCases);
            pageWeight(webPort);
        }
    }

    /** The suite and the workbench as production runs them, the server JIT and a roomier heap, on loopback ports. */
    static Suite startWithWorkbench(Path root, Path state, Map<SuiteService, Integer> ports, int webPort) {
        List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8");
        Suite suite = Suite.start(new Suite.Options(root, state, null, 0, ports, jvmOptions).withWorkbench(webPort),
                Duration.ofMinutes(5));
        suite.started().forEach(s -> System.out.printf("  %s ready in %d ms%n", s.service().module, s.readyMillis()));
        Suite.WorkbenchStarted web = suite.workbenchStarted().orElseThrow();
        System.out.printf("  web ready in %d ms on 127.0.0.1:%d; logs in %s%n", web.readyMillis(), webPort,
                state.resolve("logs"));
        return suite;
    }

    private static void measure(Suite suite, Map<SuiteService, Integer> ports, int webPort, List<String> countyCases)
            throws Exception {
        List<PageKind> kinds = List.of(
                board("board, page 1", Map.of(), 1),
                board("board, status=DISPATCHED", Map.of("status", "DISPATCHED"), 1),
                board("board, text=" + SEARCH_WORD, Map.of("text", SEARCH_WORD), 1),
                board("board, sort=deadline", Map.of("sort", "deadline"), 1),
                board("board, page 500", Map.of(), 500),
                new PageKind("case page (random case)", "staff-qx", true,
                        random -> casePage(countyCases.get(random.nextInt(countyCases.size())))),
                new PageKind("cockpit (supervisor)", "supervisor-qx", false, random -> new Page("/cockpit", List.of())));
        Map<String, ServiceApi> apis = Map.of("staff-qx", new ServiceApi(ports, CaseLoad.staffToken(CaseLoad.COUNTY)),
                "supervisor-qx", new ServiceApi(ports, supervisorToken()));
        long webPid = suite.workbenchStarted().orElseThrow().pid();
        long casePid = suite.started().stream().filter(s -> s.service() == SuiteService.CASE).findFirst()
                .orElseThrow().pid();
        for (PageKind kind : kinds) {
            try (WorkbenchUser user = WorkbenchUser.signIn(webPort, kind.demoUser())) {
                // a page this checkout lacks (404) or that fails is reported, and the other pages still measured
                String first = kind.next().apply(new Random(1)).path();
                int status = user.get(first).status();
                if (status != 200) {
                    System.out.printf("%n%s: %s answers HTTP %d%s, not measured%n", kind.label(), first, status,
                            status == 404 ? " (not in this checkout)" : "");
                    continue;
                }
                Random random = new Random(kind.label().hashCode());
                long warmUntil = System.nanoTime() + PER_LOOP.toNanos();
                for (int i = 0; i < WARMUP && System.nanoTime() < warmUntil; i++) {
                    user.page(kind.next().apply(random).path());
                }
                System.out.printf("%n%s (load %s)%n", kind.label(), loadAverage());
                long webCpu = ProcessCpu.millis(webPid);
                long caseCpu = ProcessCpu.millis(casePid);
                Latencies latencies = new Latencies(REQUESTS);
                long began = System.nanoTime();
                for (int i = 0; i < REQUESTS && System.nanoTime() - began < PER_LOOP.toNanos(); i++) {
                    String path = kind.next().apply(random).path();
                    long start = System.nanoTime();
                    user.page(path);
                    latencies.record(System.nanoTime() - start);
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                System.out.println(latencies.summary("  GET page, one user", seconds));
                System.out.printf("  CPU per page: web %.1f ms, case-service %.1f ms; load %s%n",
                        (ProcessCpu.millis(webPid) - webCpu) / (double) latencies.count(),
                        (ProcessCpu.millis(casePid) - caseCpu) / (double) latencies.count(), loadAverage());
                if (kind.hasGoal()) {
                    System.out.printf("  goal p99 <= %.0f ms: %s%n", GOAL_P99_MILLIS,
                            latencies.percentileMillis(99) <= GOAL_P99_MILLIS ? "met" : "missed");
                }
                timeApiCalls(kind, apis.get(kind.demoUser()), random, latencies);
            }
        }
        usersAtOnce(webPort);
    }

    /** The REST calls behind a page, each timed on its own, against the page's own time. */
    private static void timeApiCalls(PageKind kind, ServiceApi api, Random random, Latencies page) throws IOException {
        Map<String, Latencies> byCall = new LinkedHashMap<>();
        long until = System.nanoTime() + PER_LOOP.toNanos();
        for (int i = 0; i < REQUESTS && System.nanoTime() < until; i++) {
            for (ApiCall call : kind.next().apply(random).calls()) {
                long start = System.nanoTime();
                KeepAliveHttp.Response answer = api.get(call.service(), call.path());
                long elapsed = System.nanoTime() - start;
                if (answer.status() >= 500) {
                    throw new IllegalStateException("GET " + call.path() + ": HTTP " + answer.status());
                }
                byCall.computeIfAbsent(call.label(), label -> new Latencies(REQUESTS)).record(elapsed);
            }
        }
        if (byCall.isEmpty()) {
            return;
        }
        double p50Sum = 0;
        double p99Sum = 0;
        for (Map.Entry<String, Latencies> call : byCall.entrySet()) {
            Latencies l = call.getValue();
            System.out.printf("    %-52s n=%-4d p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", call.getKey(),
                    l.count(), l.percentileMillis(50), l.percentileMillis(99), l.percentileMillis(100));
            p50Sum += l.percentileMillis(50);
            p99Sum += l.percentileMillis(99);
        }
        // the workbench makes these calls one after another, so their times add up inside the page's
        System.out.printf("    the page's REST calls in sequence: p50 %.2f ms (p99s added: %.2f ms); page p50 %.2f ms,"
                + " so the workbench's own part ≈ %.2f ms%n", p50Sum, p99Sum, page.percentileMillis(50),
                page.percentileMillis(50) - p50Sum);
    }

    /** The board with several people reading it at once, each on their own connection and session. */
    private static void usersAtOnce(int webPort) throws InterruptedException {
        System.out.printf("%nboard with %d users at once (load %s)%n", USERS_AT_ONCE, loadAverage());
        ParallelRequests.run("  GET /cases, " + USERS_AT_ONCE + " users", USERS_AT_ONCE, REQUESTS * 2, () -> {
            try {
                WorkbenchUser user = WorkbenchUser.signIn(webPort, "staff-qx");
                return () -> user.page("/cases");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.printf("  load %s%n", loadAverage());
    }

    /**
     * What a browser downloads: the board's HTML and every stylesheet and script it names on a first visit, then a
     * second board page alone (its assets cached), each compressed as the server sends it to a browser.
     */
    private static void pageWeight(int webPort) throws IOException {
        System.out.println("\npage weight (bytes received: status line, headers and body as sent, " + BROWSER_ENCODINGS + ")");
        try (WorkbenchUser browser = WorkbenchUser.signIn(webPort, "staff-qx")) {
            long firstLoad = firstLoad(browser, "/cases");
            System.out.printf("  first load of the board: %,d bytes (%.1f KB); goal <= 300 KB: %s%n", firstLoad,
                    firstLoad / 1024.0, firstLoad <= GOAL_FIRST_LOAD_BYTES ? "met" : "missed");
            long later = printWeight(browser, "/cases?page=2", browser.get("/cases?page=2", BROWSER_ENCODINGS));
            System.out.printf("  a later page (HTML only, assets cached): %,d bytes (%.1f KB); goal <= 50 KB: %s%n",
                    later, later / 1024.0, later <= GOAL_LATER_PAGE_BYTES ? "met" : "missed");
        }
    }

    /** A page and every stylesheet and script it names, as a browser's first visit downloads them. */
    static long firstLoad(WorkbenchUser browser, String path) throws IOException {
        KeepAliveHttp.Response html = browser.get(path, BROWSER_ENCODINGS);
        // the references are read from a plain copy: the JDK cannot read brotli
        String plainHtml = browser.page(path).body();
        long bytes = printWeight(browser, path, html);
        for (String asset : references(plainHtml)) {
            bytes += printWeight(browser, asset, browser.get(asset, BROWSER_ENCODINGS));
        }
        return bytes;
    }

    private static long printWeight(WorkbenchUser browser, String path, KeepAliveHttp.Response compressed)
            throws IOException {
        if (compressed.status() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + compressed.status());
        }
        int plainBytes = browser.get(path).content().length;
        System.out.printf("  %-48s %,8d bytes received (%s; %,d bytes uncompressed), Cache-Control: %s%n", path,
                compressed.wireBytes(), compressed.header("content-encoding") == null ? "not compressed"
                        : compressed.header("content-encoding"), plainBytes, compressed.header("cache-control"));
        return compressed.wireBytes();
    }

    /** The stylesheets and scripts a page names, in its order. */
    static List<String> references(String html) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(STYLESHEET, SCRIPT)) {
            Matcher m = pattern.matcher(html);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static PageKind board(String label, Map<String, String> filters, int page) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> query.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String path = "/cases" + (query.isEmpty() && page == 1 ? "" : "?page=" + page + query);
        // the workbench asks for a 0-based page of 20, then for the counts of the status bar
        List<ApiCall> calls = List.of(
                new ApiCall("GET /api/cases?" + (query.isEmpty() ? "" : query.substring(1) + "&") + "page=" + (page - 1),
                        SuiteService.CASE, "/api/cases?page=" + (page - 1) + "&size=20" + query),
                new ApiCall("GET /api/cases/counts", SuiteService.CASE, "/api/cases/counts"));
        return new PageKind(label, "staff-qx", true, random -> new Page(path, calls));
    }

    /** A case page and the calls CasePage makes for a case without a hearing, in its order. */
    private static Page casePage(String id) {
        return new Page("/cases/" + id, List.of(
                new ApiCall("GET /api/cases/{id}", SuiteService.CASE, "/api/cases/" + id),
                new ApiCall("GET /api/cases/{id}/actions", SuiteService.CASE, "/api/cases/" + id + "/actions"),
                new ApiCall("GET /api/teams/by-case/{id} (mediator)", SuiteService.MEDIATOR, "/api/teams/by-case/" + id),
                new ApiCall("GET /api/hearings?caseId= (scheduling)", SuiteService.SCHEDULING, "/api/hearings?caseId=" + id),
                new ApiCall("GET /api/notices?caseId=&size=100 (notify)", SuiteService.NOTIFY,
                        "/api/notices?caseId=" + id + "&size=100"),
                new ApiCall("GET /api/cases/{id}/audit", SuiteService.CASE, "/api/cases/" + id + "/audit")));
    }

    static String supervisorToken() {
        return DevTokens.forRole("supervisor").subject("supervisor-qx").claim("area", "330999").sign();
    }

    /**
     * Waits (at most three minutes) until the suite's processes use less than a tenth of a core: filing asks
     * mediator-service for teams and notify-service for offers, whose outboxes drain after the load.
     */
    private static void awaitQuiet(Suite suite) throws InterruptedException {
        List<Long> pids = new ArrayList<>(suite.started().stream().map(Suite.Started::pid).toList());
        pids.add(suite.workbenchStarted().orElseThrow().pid());
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long began = System.nanoTime();
        double share;
        do {
            long before = pids.stream().mapToLong(ProcessCpu::millis).sum();
            Thread.sleep(5_000);
            share = (pids.stream().mapToLong(ProcessCpu::millis).sum() - before) / 5_000.0;
        } while (share > 0.10 && System.nanoTime() < deadline);
        System.out.printf("  the suite settled to %.0f %% of a core after %.0f s (load %s)%n", share * 100,
                (System.nanoTime() - began) / 1e9, loadAverage());
    }

    /** The 1-, 5- and 15-minute load averages: how busy the shared machine was around a figure. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The services' REST APIs with one user's token, one keep-alive connection each. */
    private static final class ServiceApi {

        private final Map<SuiteService, KeepAliveHttp> connections = new EnumMap<>(SuiteService.class);
        private final String authorization;

        ServiceApi(Map<SuiteService, Integer> ports, String token) {
            ports.forEach((service, port) -> connections.put(service, new KeepAliveHttp("127.0.0.1", port)));
            this.authorization = "Authorization: Bearer " + token;
        }

        KeepAliveHttp.Response get(SuiteService service, String path) throws IOException {
            return connections.get(service).get(path, authorization);
        }
    }
}
