package cn.tiaojie.bench.web;

import cn.tiaojie.bench.KeepAliveHttp;
import cn.tiaojie.bench.Latencies;
import cn.tiaojie.bench.ProcessCpu;
import cn.tiaojie.local.FreePorts;
import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mediator's offer pages on a phone as the pool grows to a province's: the suite and the workbench on free
 * loopback ports, 10,000 mediators and 100,000 offers written into mediator-service's database with plain SQL (as
 * years of matching would have left them), then the demo lawyer M016, with a few offers awaiting his answer among
 * his past ones, opens his offers and each offer page one after another (request sent → body read, keep-alive: the
 * server's time), p50 / p99 against the goal p99 ≤ 100 ms; then the first load on a phone as a browser downloads it
 * (compressed), against ≤ 200 KB.
 *
 * <pre>./mvnw -q -pl bench exec:java -Dexec.mainClass=cn.tiaojie.bench.web.MediatorPagesBench
 *     [-Dbench.mediators=10000 -Dbench.offers=100000 -Dbench.requests=300 -Dbench.warmup=150]</pre>
 * Needs the four services and web packaged (./mvnw -DskipTests package). Loopback only, bounded loops.
 */
public final class MediatorPagesBench {

    static final int MEDIATORS = Integer.getInteger("bench.mediators", 10_000);
    static final int OFFERS = Integer.getInteger("bench.offers", 100_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 300);
    static final int WARMUP = Integer.getInteger("bench.warmup", 150);
    static final double GOAL_P99_MILLIS = 100;
    static final long GOAL_FIRST_LOAD_BYTES = 200 * 1024;
    /** the demo lawyer the sign-in page offers, and how many offers await his answer */
    static final String MEDIATOR = "M016";
    static final int OPEN_OFFERS = 5;
    static final int PAST_OFFERS = 60;
    private static final String[] ROLES = {"POLICE_OFFICER", "JUDGE", "PROSECUTOR", "LAWYER", "SOCIAL_WORKER",
        "COUNSELOR", "PEOPLE_MEDIATOR"};
    private static final Pattern OFFER_LINK = Pattern.compile("action=\"/offers/([0-9a-f-]{36})/accept\"");
    private static final String EXPLANATION = "{\"chosenBy\":\"matching\",\"rank\":1,\"candidates\":42,\"score\":81.5,"
            + "\"factors\":{\"expertise\":30.0,\"proximity\":20.0,\"load\":-4.0,\"language\":10.0,\"rating\":8.5,"
            + "\"rotation\":17.0}}";

    private MediatorPagesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("tiaojie.root", ".")).toAbsolutePath().normalize();
        Path state = Files.createTempDirectory("tiaojie-mediator-pages-bench");
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService s : SuiteService.values()) {
            ports.put(s, FreePorts.next());
        }
        int webPort = FreePorts.next();
        System.out.printf("mediator pages bench: %,d mediators, %,d offers, %d requests per page after %d warm-up,"
                + " %d cores; load %s%n", MEDIATORS, OFFERS, REQUESTS, WARMUP,
                Runtime.getRuntime().availableProcessors(), WorkbenchPagesBench.loadAverage());
        try (Suite suite = WorkbenchPagesBench.startWithWorkbench(root, state, ports, webPort)) {
            String jdbc = "jdbc:postgresql://localhost:" + suite.postgresPort() + "/" + SuiteService.MEDIATOR.database();
            long began = System.nanoTime();
            try (Connection db = DriverManager.getConnection(jdbc, SuiteService.MEDIATOR.owner(),
                    SuiteService.MEDIATOR.ownerDevPassword())) {
                generate(db);
                try (Statement s = db.createStatement();
                        ResultSet counts = s.executeQuery("select (select count(*) from mediator),"
                                + " (select count(*) from offer), (select count(*) from offer where mediator_id = '"
                                + MEDIATOR + "' and status = 'OFFERED')")) {
                    counts.next();
                    System.out.printf("generated in %.1f s: %,d mediators, %,d offers, %d awaiting %s's answer%n",
                            (System.nanoTime() - began) / 1e9, counts.getLong(1), counts.getLong(2), counts.getLong(3),
                            MEDIATOR);
                }
            }
            long webPid = suite.workbenchStarted().orElseThrow().pid();
            long mediatorPid = suite.started().stream().filter(s -> s.service() == SuiteService.MEDIATOR)
                    .findFirst().orElseThrow().pid();
            try (WorkbenchUser phone = WorkbenchUser.signIn(webPort, MEDIATOR)) {
                String list = phone.page("/offers").body();
                List<String> open = new ArrayList<>();
                Matcher link = OFFER_LINK.matcher(list);
                while (link.find()) {
                    if (!open.contains(link.group(1))) {
                        open.add(link.group(1));
                    }
                }
                if (open.size() != OPEN_OFFERS) {
                    throw new IllegalStateException("the offers page lists " + open.size() + " offers, not "
                            + OPEN_OFFERS + ":\n" + list);
                }
                Random random = new Random(16);
                measure(phone, "GET /offers (his open offers)", () -> "/offers", webPid, mediatorPid);
                measure(phone, "GET /offers/{id} (one offer)", () -> "/offers/" + open.get(random.nextInt(open.size())),
                        webPid, mediatorPid);
                System.out.println("\nfirst load on a phone (bytes received: status line, headers and body as sent, "
                        + WorkbenchPagesBench.BROWSER_ENCODINGS + ")");
                long firstLoad = WorkbenchPagesBench.firstLoad(phone, "/offers/" + open.get(0));
                System.out.printf("  first load of an offer from its SMS link: %,d bytes (%.1f KB); goal <= 200 KB: %s%n",
                        firstLoad, firstLoad / 1024.0, firstLoad <= GOAL_FIRST_LOAD_BYTES ? "met" : "missed");
            }
        }
    }

    private static void measure(WorkbenchUser phone, String label, java.util.function.Supplier<String> next,
            long webPid, long mediatorPid) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            phone.page(next.get());
        }
        System.out.printf("%n%s (load %s)%n", label, WorkbenchPagesBench.loadAverage());
        long webCpu = ProcessCpu.millis(webPid);
        long mediatorCpu = ProcessCpu.millis(mediatorPid);
        Latencies latencies = new Latencies(REQUESTS);
        long began = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            String path = next.get();
            long start = System.nanoTime();
            KeepAliveHttp.Response page = phone.page(path);
            latencies.record(System.nanoTime() - start);
            if (page.body().isEmpty()) {
                throw new IllegalStateException("GET " + path + " answered an empty page");
            }
        }
        System.out.println(latencies.summary("  one mediator", (System.nanoTime() - began) / 1e9));
        System.out.printf("  CPU per page: web %.1f ms, mediator-service %.1f ms; goal p99 <= %.0f ms: %s%n",
                (ProcessCpu.millis(webPid) - webCpu) / (double) latencies.count(),
                (ProcessCpu.millis(mediatorPid) - mediatorCpu) / (double) latencies.count(), GOAL_P99_MILLIS,
                latencies.percentileMillis(99) <= GOAL_P99_MILLIS ? "met" : "missed");
    }

    /**
     * The pool and its history: mediators of every role over ten counties, teams of two offers each (most accepted,
     * some declined or expired, over the last year), and M016's own: a few awaiting his answer and many answered.
     */
    private static void generate(Connection db) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement mediator = db.prepareStatement("""
                insert into mediator (id, name, role, area_code, organization, phone, languages, expertise, capacity,
                                      rating, status, active, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'zh-CN', 'LABOUR', 20, 4.5, 'ACTIVE', true, now(), now())""")) {
            for (int i = 0; i < MEDIATORS; i++) {
                mediator.setString(1, String.format("B%07d", i));
                mediator.setString(2, "调解员" + i);
                mediator.setString(3, ROLES[i % ROLES.length]);
                mediator.setString(4, "33" + String.format("%04d", 1000 + i % 10) + "101");
                mediator.setString(5, "机构" + i % 500);
                mediator.setString(6, "139" + (10_000_000 + i));
                mediator.addBatch();
                if (i % 2_000 == 1_999) {
                    mediator.executeBatch();
                }
            }
            mediator.executeBatch();
        }
        int teams = OFFERS / 2;
        try (Statement s = db.createStatement()) {
            s.execute("""
                    insert into team (id, case_id, case_no, subcategory, area_code, level, center_code, deadline, status,
                                      created_at, updated_at, required_roles)
                    select md5('team' || g)::uuid, md5('case' || g)::uuid, 'TJB' || lpad(g::text, 8, '0'),
                           'LABOUR.WAGE_ARREARS', '33' || (1000 + g %% 10) || '101', 'TOWNSHIP', 'QX-COUNTY',
                           now() - (g %% 365) * interval '1 day' + interval '30 days', 'FORMED',
                           now() - (g %% 365) * interval '1 day', now(), '{LAWYER,SOCIAL_WORKER}'
                      from generate_series(1, %d) g""".formatted(teams));
            // a lawyer and a social worker per team, each of their role (ids 7k+3 and 7k+4)
            for (String[] role : new String[][] {{"LAWYER", "3", "7"}, {"SOCIAL_WORKER", "4", "13"}}) {
                s.execute("""
                        insert into offer (id, team_id, role, mediator_id, status, score, explanation, offered_by,
                                           offered_at, expires_at, responded_at, decline_reason)
                        select md5('offer' || '%1$s' || g)::uuid, md5('team' || g)::uuid, '%1$s',
                               'B' || lpad((7 * ((g * %3$s) %% %4$d) + %2$s)::text, 7, '0'),
                               case when g %% 20 = 0 then 'DECLINED' when g %% 31 = 0 then 'EXPIRED' else 'ACCEPTED' end,
                               81.5, '%5$s', 'matching', now() - (g %% 365) * interval '1 day',
                               now() - (g %% 365) * interval '1 day' + interval '24 hours',
                               now() - (g %% 365) * interval '1 day' + interval '2 hours',
                               case when g %% 20 = 0 then '时间冲突' end
                          from generate_series(1, %6$d) g""".formatted(role[0], role[1], role[2],
                        MEDIATORS / ROLES.length, EXPLANATION, teams));
            }
            // M016's own: answered ones over the year, and a few new teams whose lawyer offer awaits him
            s.execute("""
                    insert into team (id, case_id, case_no, subcategory, area_code, level, center_code, deadline, status,
                                      created_at, updated_at, required_roles)
                    select md5('own' || g)::uuid, md5('own-case' || g)::uuid, 'TJM' || lpad(g::text, 8, '0'),
                           'LABOUR.WAGE_ARREARS', '330999101', 'TOWNSHIP', 'QX-COUNTY', now() + interval '20 days',
                           case when g <= %1$d then 'FORMING' else 'FORMED' end, now() - (g * interval '5 days'), now(),
                           '{LAWYER,SOCIAL_WORKER}'
                      from generate_series(1, %2$d) g""".formatted(OPEN_OFFERS, OPEN_OFFERS + PAST_OFFERS));
            s.execute("""
                    insert into offer (id, team_id, role, mediator_id, status, score, explanation, offered_by,
                                       offered_at, expires_at, responded_at)
                    select md5('own-offer' || g)::uuid, md5('own' || g)::uuid, 'LAWYER', '%1$s',
                           case when g <= %2$d then 'OFFERED' else 'ACCEPTED' end, 81.5, '%3$s', 'matching',
                           now() - case when g <= %2$d then interval '1 hour' else g * interval '5 days' end,
                           now() + case when g <= %2$d then interval '23 hours' else -g * interval '5 days' + interval '1 day' end,
                           case when g > %2$d then now() - g * interval '5 days' + interval '2 hours' end
                      from generate_series(1, %4$d) g""".formatted(MEDIATOR, OPEN_OFFERS, EXPLANATION,
                    OPEN_OFFERS + PAST_OFFERS));
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze");
        }
    }
}
