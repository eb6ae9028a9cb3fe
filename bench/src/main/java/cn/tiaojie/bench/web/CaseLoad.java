package cn.tiaojie.bench.web;

import cn.tiaojie.bench.KeepAliveHttp;
import cn.tiaojie.bench.ParallelRequests;
import cn.tiaojie.local.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers many disputes through case-service's REST API as the staff of the two demo centers, half each, spread
 * over the whole taxonomy, the eight channels and the villages of each center; every dispute has parties of its own
 * (so none is a duplicate) and a summary made of everyday words a search can find. A few are filed (which asks
 * mediator-service for a team) or rejected, so the board shows more than one status.
 */
final class CaseLoad {

    static final String COUNTY = "QX-COUNTY";
    static final String BAIXI = "QX-BAIXI";
    /** one in FILE_EVERY is filed: each filing makes mediator-service form a team, which this bench does not measure */
    static final int FILE_EVERY = 50;
    static final int REJECT_EVERY = 100;
    private static final int PROGRESS_EVERY = 10_000;

    private static final String[] CHANNELS = {"WALK_IN", "GRID_WORKER", "HOTLINE_12345", "MINI_PROGRAM",
        "COURT_REFERRAL", "POLICE_REFERRAL", "PETITION_OFFICE", "DEPARTMENT_REFERRAL"};
    /** QX-BAIXI is the township 330999102; the county center takes the county's other townships */
    private static final String BAIXI_TOWNSHIP = "102";
    private static final String[] COUNTY_TOWNSHIPS = {"101", "103", "104", "105", "106", "107"};
    private static final String[] PLACES = {"东村", "西岭", "南塘", "北坡", "溪口", "石桥", "柳湾", "桃源", "新庄", "竹林"};
    private static final String[] MATTERS = {"漏水", "噪音", "宅基地边界", "拖欠工资", "彩礼返还", "赡养费", "停车位",
        "树木遮光", "装修损坏", "租金", "借款", "货款", "工伤赔偿", "物业费", "排水沟", "养殖污染", "山林权属"};
    private static final String[] PEOPLE = {"邻居", "房东", "包工头", "物业公司", "亲属", "商户", "村民小组"};

    private final int port;
    private final List<String> subcategories;
    private final String countyToken = staffToken(COUNTY);
    private final String baixiToken = staffToken(BAIXI);
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile long started;
    /** the ids of QX-COUNTY's new cases: the case pages its staff may open */
    final Queue<String> countyCaseIds = new ConcurrentLinkedQueue<>();

    private CaseLoad(int port, List<String> subcategories) {
        this.port = port;
        this.subcategories = subcategories;
    }

    /** The subcategories of case-service's taxonomy, as GET /api/taxonomy lists them. */
    static CaseLoad against(int casePort) throws IOException {
        try (KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", casePort)) {
            KeepAliveHttp.Response answer = http.get("/api/taxonomy", "Authorization: Bearer " + staffToken(COUNTY));
            if (answer.status() != 200) {
                throw new IllegalStateException("GET /api/taxonomy: HTTP " + answer.status());
            }
            List<String> codes = new ArrayList<>();
            for (JsonNode category : new ObjectMapper().readTree(answer.content()).path("categories")) {
                category.path("subcategories").forEach(s -> codes.add(s.path("code").asText()));
            }
            return new CaseLoad(casePort, codes);
        }
    }

    /** A DEV-ONLY token of a center's staff, as the workbench's sign-in makes for staff-qx and staff-bx. */
    static String staffToken(String center) {
        return DevTokens.forRole("staff").subject(center.equals(COUNTY) ? "staff-qx" : "staff-bx")
                .claim("center", center).sign();
    }

    /** Registers {@code count} disputes on {@code connections} keep-alive connections at once. */
    ParallelRequests.Result register(int count, int connections) throws InterruptedException {
        started = System.nanoTime();
        return ParallelRequests.run("POST /api/cases (+ file / reject)", connections, count, this::onNewConnection);
    }

    private ParallelRequests.Request onNewConnection() {
        KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port);
        return () -> {
            int n = sequence.incrementAndGet();
            boolean county = n % 2 == 0;
            String auth = "Authorization: Bearer " + (county ? countyToken : baixiToken);
            KeepAliveHttp.Response created = http.postJson("/api/cases", body(n, county), auth,
                    "Idempotency-Key: " + UUID.randomUUID());
            if (created.status() != 201) {
                throw new IllegalStateException("HTTP " + created.status() + ": " + created.body());
            }
            String id = idOf(created.body());
            if (county) {
                countyCaseIds.add(id);
            }
            KeepAliveHttp.Response changed = null;
            if (n % FILE_EVERY == 0) {
                changed = http.postJson("/api/cases/" + id + "/file", "", auth);
            } else if (n % REJECT_EVERY == 1) {
                changed = http.postJson("/api/cases/" + id + "/reject", "{\"reason\":\"不属于人民调解受理范围\"}", auth);
            }
            if (changed != null && changed.status() / 100 != 2) {
                throw new IllegalStateException("HTTP " + changed.status() + ": " + changed.body());
            }
            if (n % PROGRESS_EVERY == 0) {
                System.out.printf("  %,d registered after %.0f s (load %s)%n", n, (System.nanoTime() - started) / 1e9,
                        WorkbenchPagesBench.loadAverage());
            }
        };
    }

    private String body(int n, boolean county) {
        // spread by a multiplier prime to their counts, so neighbouring cases differ in everything
        String subcategory = subcategories.get((int) ((n * 7919L) % subcategories.size()));
        String channel = CHANNELS[(n / 2) % CHANNELS.length];
        String referral = channel.endsWith("REFERRAL") || channel.equals("PETITION_OFFICE")
                ? "\"referral\":{\"source\":\"青溪县转办\",\"reference\":\"ZB-%d\"},".formatted(n) : "";
        String township = county ? COUNTY_TOWNSHIPS[(n / 2) % COUNTY_TOWNSHIPS.length] : BAIXI_TOWNSHIP;
        String area = "330999" + township + "%03d".formatted(1 + n % 23);
        String summary = PLACES[(n / 2) % PLACES.length] + PEOPLE[(n / 3) % PEOPLE.length] + "之间"
                + MATTERS[(n / 7) % MATTERS.length] + "纠纷，第" + n + "号";
        return """
                {"channel":"%s","subcategory":"%s","areaCode":"%s","summary":"%s","description":"当事人来访反映%s",
                 %s"amountInDispute":%d,
                 "parties":[
                   {"role":"APPLICANT","kind":"PERSON","name":"申请人%d","phone":"139%08d","preferredChannels":["SMS"]},
                   {"role":"RESPONDENT","kind":"PERSON","name":"被申请人%d","phone":"137%08d"}]}
                """.formatted(channel, subcategory, area, summary, summary, referral, 500 + n % 50_000, n, n, n, n);
    }

    private static String idOf(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }
}
