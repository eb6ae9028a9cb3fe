package cn.tiaojie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.web.supervisor.Period;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The county supervisor's cockpit in the browser against the real services: the period's figures count a dispute
 * registered just before, the overdue and due-soon sections are there, every chart is drawn beside its table, a
 * table downloads as CSV with its Chinese header; staff are turned away.
 */
@QuarkusTest
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class CockpitTest extends BrowserTest {

    static final List<String> CHARTS = List.of("cases-by-month", "cases-by-category", "on-time-rate",
            "resolution-rate", "satisfaction", "offers-by-role");

    @Test
    void theSupervisorSeesTheJurisdictionsFiguresChartsAndTables() throws IOException {
        long before = casesThisPeriod();
        com.fasterxml.jackson.databind.JsonNode registered = ServiceCalls.post(SuiteService.CASE, "/api/cases",
                ServiceCalls.staffToken(), """
                {"channel":"WALK_IN","subcategory":"LABOUR.WAGE_ARREARS","areaCode":"330999102003",
                 "summary":"拖欠两个月工资","amountInDispute":9200.00,"riskFlags":[],
                 "parties":[
                   {"role":"APPLICANT","kind":"PERSON","name":"李四","phone":"13912340001","preferredChannels":["SMS"]},
                   {"role":"RESPONDENT","kind":"ORGANIZATION","name":"青溪物流有限公司","phone":"0571-88887777"}]}
                """);
        long after = casesThisPeriod();
        assertEquals(before + 1, after);
        ServiceCalls.post(SuiteService.CASE, "/api/cases/" + registered.path("id").asText() + "/escalate",
                ServiceCalls.staffToken(), "{\"reason\":\"欠薪工人二十余名，群体性风险\"}");
        // two departments summoned, each with its own deadline; the labour bureau's answer came by phone
        String caseId = registered.path("id").asText();
        com.fasterxml.jackson.databind.JsonNode summoned = ServiceCalls.post(SuiteService.CASE,
                "/api/cases/" + caseId + "/summons", ServiceCalls.staffToken(),
                "{\"departments\":[\"POLICE_STATION\",\"LABOUR_BUREAU\"]}");
        String labour = summoned.get(1).path("id").asText();
        ServiceCalls.post(SuiteService.CASE, "/api/cases/" + caseId + "/summons/" + labour + "/response",
                ServiceCalls.staffToken(),
                "{\"response\":\"REPORTED\",\"attendee\":\"劳动监察大队 陈科长\",\"arrivesAt\":\"2030-01-01T01:00:00Z\"}");

        Page page = browser.newPage(web.toString(), 1366, 900);
        Browser.signIn(page, "/cockpit", "县督办 王芳");
        assertThat(page.locator("h1")).hasText("督办");
        assertThat(page.locator(".kpis li").first()).containsText("案件总数");
        assertThat(page.locator(".kpis li").first().locator(".n")).hasText(String.valueOf(after));
        assertThat(page.locator(".kpis")).containsText("按期办结率");
        assertThat(page.locator("#overdue h2")).containsText("超期案件");
        assertThat(page.locator("#overdue-summons h2")).containsText("吹哨部门");
        assertThat(page.locator("#due-soon h2")).containsText("即将到期");
        Locator escalated = page.locator("#escalations tbody tr")
                .filter(new Locator.FilterOptions().setHasText(registered.path("caseNo").asText()));
        assertThat(escalated).containsText("欠薪工人二十余名，群体性风险");
        assertThat(escalated).containsText("staff-qx");
        escalated.locator("a").click();
        assertThat(page.locator("h1")).containsText(registered.path("caseNo").asText());
        assertThat(page.locator("#timeline")).containsText("公安派出所（限 24 小时内报到）");
        assertThat(page.locator("#timeline")).containsText("（电话答复，工作人员登记）：劳动监察大队 陈科长，2030-01-01 09:00 到达");
        page.goBack();
        assertThat(page.locator("#cases-by-category table")).containsText("劳动争议");

        for (String chart : CHARTS) {
            assertThat(page.locator("#" + chart + " .chart canvas").first()).isVisible();
            assertTrue(page.locator("#" + chart + " .chart").getAttribute("aria-label").contains("数据见下表"));
            assertThat(page.locator("#" + chart + " table thead th").first()).isVisible();
        }
        assertThat(page.locator("#offers-by-role table")).containsText("人民调解员");
        Browser.screenshot(page, "cockpit");
        Browser.assertAccessible(page);

        Download download = page.waitForDownload(() -> page.locator("#cases-by-category a[download]").click());
        assertTrue(download.suggestedFilename().endsWith(".csv"), download.suggestedFilename());
        String href = page.locator("#cases-by-category a[download]").getAttribute("href");
        APIResponse response = page.request().get(href);
        assertEquals("text/csv;charset=UTF-8", response.headers().get("content-type").replace(" ", ""));
        assertTrue(response.headers().get("content-disposition").startsWith("attachment;"));
        String text = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF纠纷类别,受理案件,调解成功,调解成功率,按期办结率"), text);
        assertTrue(text.contains("\r\n劳动争议纠纷,"), text);
        page.context().close();
    }

    @Test
    void staffAreTurnedAway() {
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cockpit", "县中心 陈敏");
        assertThat(page.locator("h1")).hasText("没有权限");
        assertThat(page.locator(".mainnav")).not().containsText("督办");
        Browser.assertAccessible(page);
        page.context().close();
    }

    /** What case-service counts for the county supervisor over the cockpit's default period. */
    private static long casesThisPeriod() {
        Period period = Period.lastTwelveMonths();
        String supervisor = DevTokens.forRole("supervisor").subject("supervisor-qx").claim("area", "330999").sign();
        return ServiceCalls.get(SuiteService.CASE, "/api/stats?groupBy=category&from=" + period.from() + "&to="
                + period.to(), supervisor).path("total").path("cases").asLong();
    }
}
