package cn.tiaojie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.launcher.SuiteService;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The case page's actions: offered by role and state, a stale page warned and redrawn, errors beside their field. */
@QuarkusTest
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class CaseActionsPageTest extends BrowserTest {

    @Test
    void eachRoleIsOfferedOnlyTheActionsItMayTake() {
        String caseId = registeredCase();
        Page staff = browser.newPage(web.toString());
        Browser.signIn(staff, "/cases/" + caseId, "县中心 陈敏");
        assertThat(staff.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立案（派遣调解员）"))).isVisible();
        assertThat(staff.locator("#action-reject")).isVisible();

        Page supervisor = browser.newPage(web.toString());
        Browser.signIn(supervisor, "/cases/" + caseId, "县督办 王芳");
        assertThat(supervisor.locator("h1")).containsText("案件");
        assertThat(supervisor.locator("#action-escalate")).isVisible();
        assertThat(supervisor.locator("#action-summons")).isVisible();
        assertThat(supervisor.getByText("立案（派遣调解员）")).hasCount(0);
        assertThat(supervisor.locator("#action-reject")).hasCount(0);
        Browser.assertAccessible(supervisor);
        Browser.screenshot(supervisor, "case-supervisor");

        Page otherCenter = browser.newPage(web.toString());
        Browser.signIn(otherCenter, "/cases/" + caseId, "白溪镇 李强");
        assertThat(otherCenter.locator("h1")).hasText("没有找到");
        staff.context().close();
        supervisor.context().close();
        otherCenter.context().close();
    }

    @Test
    void aPageChangedMeanwhileByAnotherUserIsRedrawnWithAWarning() {
        String caseId = registeredCase();
        Page first = browser.newPage(web.toString());
        Browser.signIn(first, "/cases/" + caseId, "县中心 陈敏");
        Page second = browser.newPage(web.toString());
        Browser.signIn(second, "/cases/" + caseId, "县中心 陈敏");

        first.locator("#action-reject summary").click();
        first.getByLabel("不予受理的理由（将告知当事人）").fill("不属于人民调解受理范围");
        first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("不予受理").setExact(true)).click();
        assertThat(first.locator("h1 .status")).hasText("不予受理");

        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("立案（派遣调解员）")).click();
        assertThat(second.locator("#page-message")).containsText("案件已被他人更新");
        assertThat(second.locator("h1 .status")).hasText("不予受理");
        assertThat(second.getByText("立案（派遣调解员）")).hasCount(0);
        Browser.screenshot(second, "case-stale");
        assertEquals("REJECTED", ServiceCalls.get(SuiteService.CASE, "/api/cases/" + caseId, ServiceCalls.staffToken())
                .path("status").asText());
        first.context().close();
        second.context().close();
    }

    @Test
    void anActionFormRefusedByTheServiceKeepsWhatWasTypedAndShowsWhy() {
        String caseId = registeredCase();
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cases/" + caseId, "县中心 陈敏");
        page.locator("#action-reject summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("不予受理").setExact(true)).click();
        assertThat(page.locator("#reject-reason-error")).hasText("请填写此项");
        assertThat(page.locator("#action-reject")).hasAttribute("open", "");
        assertThat(page.locator("h1 .status")).hasText("受理");
        Browser.assertAccessible(page);
        page.context().close();
    }

    @Test
    void aFormPostedWithoutTheBrowsersCsrfTokenChangesNothing() {
        String caseId = registeredCase();
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("version", "1").post(web + "cases/" + caseId + "/actions/file")
                .then().statusCode(403).body(containsString("页面已过期或来源不明"));
        assertEquals("RECEIVED", ServiceCalls.get(SuiteService.CASE, "/api/cases/" + caseId, ServiceCalls.staffToken())
                .path("status").asText());
    }

    @Test
    void aVisitorWithoutASessionIsSentToSignInAndBackAfterwards() {
        given().redirects().follow(false).get(web + "cases?status=RECEIVED")
                .then().statusCode(303).header("Location", containsString("/sign-in?next=%2Fcases%3Fstatus%3DRECEIVED"));
        given().get(web + "cases").then().header("Content-Security-Policy", startsWith("default-src 'none'; script-src 'self'"));
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cases?status=RECEIVED", "县中心 陈敏");
        assertThat(page.locator("#f-status")).hasValue("RECEIVED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")).click();
        assertThat(page.locator("#signed-out")).hasText("您已退出登录。");
        page.navigate("/cases");
        assertThat(page.locator("h1")).hasText("登录调解工作台");
        page.context().close();
    }

    @Test
    void theBoardFiltersWithoutReloadingThePage() {
        String caseId = registeredCase();
        String caseNo = ServiceCalls.get(SuiteService.CASE, "/api/cases/" + caseId, ServiceCalls.staffToken())
                .path("caseNo").asText();
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cases", "县中心 陈敏");
        page.getByLabel("搜索").fill(caseNo);
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertThat(page.locator("#results tbody tr th a")).hasText(caseNo);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*text=" + caseNo + ".*"));
        page.locator("#f-status").selectOption("CLOSED");
        assertThat(page.locator("#results .empty")).isVisible();
        page.context().close();
    }

    /** A new RECEIVED case of QX-COUNTY, registered through case-service's API. */
    static String registeredCase() {
        return ServiceCalls.registerCase(CaseRegistrationTest.uniquePhone());
    }
}
