package cn.tiaojie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.tiaojie.launcher.SuiteService;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** 受理登记 as staff use it: a duplicate offers the existing case, a double click registers once, parties come and go. */
@QuarkusTest
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class CaseRegistrationTest extends BrowserTest {

    @Test
    void aDuplicateShowsTheExistingCaseAndCanBeRegisteredLinkedToIt() {
        String phone = uniquePhone();
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cases/new", "县中心 陈敏");
        fillNeighbourDispute(page, phone);
        register(page);
        String first = caseIdOf(page);

        page.navigate("/cases/new");
        fillNeighbourDispute(page, phone);
        register(page);
        assertThat(page.locator("#duplicate")).containsText("疑似重复登记");
        assertThat(page.locator("#duplicate a")).hasAttribute("href", "/cases/" + first);
        assertThat(page.locator("#p0-phone")).hasValue(phone);
        Browser.assertAccessible(page);
        Browser.screenshot(page, "register-duplicate");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("仍要登记，并关联案件")).click();
        assertThat(page.locator("#page-message")).hasText("已受理登记。");
        String second = caseIdOf(page);
        assertNotEquals(first, second);
        JsonNode linked = ServiceCalls.get(SuiteService.CASE, "/api/cases/" + second, ServiceCalls.staffToken());
        assertEquals(first, linked.path("linkedCaseId").asText());
        page.context().close();
    }

    @Test
    void aDoubleClickRegistersOnce() {
        String phone = uniquePhone();
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cases/new", "县中心 陈敏");
        fillNeighbourDispute(page, phone);
        long before = casesCount();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).dblclick();
        assertThat(page.locator("#page-message")).hasText("已受理登记。");
        // the form's idempotency key: even two requests that both reach the service make one case
        page.goBack();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        page.waitForURL("**/cases/*");
        assertEquals(before + 1, casesCount());
        page.context().close();
    }

    @Test
    void partiesCanBeAddedAndRemovedWithoutLosingWhatWasTyped() {
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cases/new", "县中心 陈敏");
        // an online application comes only from the resident's own form, never registered by hand
        assertThat(page.locator("#channel option[value=WALK_IN]")).hasCount(1);
        assertThat(page.locator("#channel option[value=ONLINE]")).hasCount(0);
        page.getByLabel("纠纷摘要").fill("三方宅基地边界争议");
        page.locator("#p0-name").fill("王五");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加当事人")).click();
        assertThat(page.locator("fieldset.party")).hasCount(3);
        assertThat(page.locator("#p2-role")).hasValue("THIRD_PARTY");
        assertThat(page.getByLabel("纠纷摘要")).hasValue("三方宅基地边界争议");
        page.locator("#p2-name").fill("赵六");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("删除当事人 2")).click();
        assertThat(page.locator("fieldset.party")).hasCount(2);
        assertThat(page.locator("#p0-name")).hasValue("王五");
        assertThat(page.locator("#p1-name")).hasValue("赵六");
        page.context().close();
    }

    static void fillNeighbourDispute(Page page, String phone) {
        page.locator("#subcategory").selectOption("NEIGHBOUR.NOISE");
        page.getByLabel("发生地（行政区划代码）").fill("330999102003");
        page.getByLabel("纠纷摘要").fill("楼上装修噪音扰民");
        page.locator("#p0-name").fill("李四");
        page.locator("#p0-phone").fill(phone);
        page.locator("#p1-role").selectOption("RESPONDENT");
        page.locator("#p1-name").fill("周七");
    }

    static void register(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        page.waitForLoadState();
    }

    static String caseIdOf(Page page) {
        return page.url().replaceAll(".*/cases/([0-9a-f-]{36}).*", "$1");
    }

    static String uniquePhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static long casesCount() {
        return ServiceCalls.get(SuiteService.CASE, "/api/cases/counts", ServiceCalls.staffToken()).path("total").asLong();
    }
}
