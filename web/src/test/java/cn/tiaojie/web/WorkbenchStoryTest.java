package cn.tiaojie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole loop in the browser against the real services: staff registers a wage-arrears dispute through the form
 * (first with a bad phone number and no summary, fixed on the same form), files it, sees the team form as the
 * mediators accept, sees the hearing and the notices served, records the outcome and closes the case; the
 * supervisor then finds it in the cockpit's figures. Every screen is screenshotted and checked with axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class WorkbenchStoryTest extends BrowserTest {

    @Test
    void staffTakesAWageArrearsDisputeFromRegistrationToClosure() {
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/cases", "县中心 陈敏");
        assertThat(page.locator("h1")).hasText("案件列表");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "01-board");

        page.getByText("受理登记").first().click();
        assertThat(page.locator("h1")).hasText("受理登记");
        Browser.assertAccessible(page);
        page.getByLabel("查找纠纷类别").fill("拖欠");
        page.locator("#subcategory").selectOption("LABOUR.WAGE_ARREARS");
        page.getByLabel("发生地（行政区划代码）").fill("330999102003");
        page.getByLabel("争议金额（元）").fill("18600");
        page.locator("#p0-name").fill("张三");
        page.locator("#p0-phone").fill("1381234");
        page.locator("#p1-role").selectOption("RESPONDENT");
        page.locator("#p1-kind").selectOption("ORGANIZATION");
        page.locator("#p1-name").fill("青溪建工有限公司");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登记").setExact(true)).click();

        // the service's errors, in Chinese, beside their fields; what was typed is still there
        assertThat(page.locator("#summary-error")).hasText("请填写此项");
        assertThat(page.locator("#p0-phone-error")).hasText("手机号码或固定电话号码不正确");
        assertThat(page.locator("#p0-name")).hasValue("张三");
        assertThat(page.locator("#p1-name")).hasValue("青溪建工有限公司");
        assertThat(page.locator("#subcategory")).hasValue("LABOUR.WAGE_ARREARS");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "02-register-errors");

        page.locator("#p0-phone").fill("13812345678");
        page.getByLabel("纠纷摘要").fill("拖欠三个月工资共 18600 元");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        assertThat(page.locator("#page-message")).hasText("已受理登记。");
        assertThat(page.locator("h1 .status")).hasText("受理");
        String caseId = page.url().replaceAll(".*/cases/([0-9a-f-]+).*", "$1");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "03-case-received");

        page.getByText("立案（派遣调解员）").click();
        assertThat(page.locator("#page-message")).containsText("已立案");
        List<String> accepted = ServiceCalls.everyOfferedMediatorAccepts(caseId);
        assertFalse(accepted.isEmpty());
        ServiceCalls.poll(() -> {
            page.reload();
            return page.locator("h1 .status").textContent();
        }, "排期"::equals);
        for (String mediator : accepted) {
            assertThat(page.locator("#team")).containsText(mediator);
        }
        assertThat(page.locator("#team")).containsText("排名第 1");
        assertThat(page.locator("#hearing")).containsText("下载 .ics");
        ServiceCalls.poll(() -> {
            page.reload();
            return page.locator("#notices tbody tr").count();
        }, n -> n > 0);
        assertThat(page.locator("#notices")).containsText("调解通知书");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "04-case-hearing-scheduled");

        page.getByText("开始调解").click();
        assertThat(page.locator("h1 .status")).hasText("调解中");
        page.getByText("记录调解结果").click();
        page.getByLabel("协议内容（调解成功时填写）").fill("被申请人于 2027 年 1 月 15 日前一次性支付拖欠工资 18600 元。");
        page.getByLabel("协议金额（元）").fill("18600");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("记录结果")).click();
        assertThat(page.locator("h1 .status")).hasText("调解成功");
        assertThat(page.locator("#outcome")).containsText("18,600 元");
        Browser.screenshot(page, "05-case-resolved");

        ServiceCalls.applicantRates(caseId, 4, "调解员很耐心");
        page.reload();
        assertThat(page.locator("#ratings")).containsText("申请人");
        assertThat(page.locator("#ratings")).containsText("4 分");
        assertThat(page.locator("#ratings")).containsText("调解员很耐心");

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("结案")).click();
        assertThat(page.locator("h1 .status")).hasText("结案");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "06-case-closed");
        assertEquals(caseId, page.url().replaceAll(".*/cases/([0-9a-f-]+).*", "$1"));
        page.context().close();

        // the county supervisor finds the case among the jurisdiction's figures and can open it from the board
        Page supervisor = browser.newPage(web.toString());
        Browser.signIn(supervisor, "/cockpit", "县督办 王芳");
        long casesOfThePeriod = Long.parseLong(supervisor.locator(".kpis li").first().locator(".n").textContent().strip());
        assertTrue(casesOfThePeriod >= 1);
        assertThat(supervisor.locator("#cases-by-category table")).containsText("劳动争议");
        Browser.screenshot(supervisor, "07-cockpit");
        supervisor.navigate("/cases?status=CLOSED");
        supervisor.locator("#results a[href='/cases/" + caseId + "']").click();
        assertThat(supervisor.locator("h1 .status")).hasText("结案");
        Browser.assertAccessible(supervisor);
        supervisor.context().close();

        // the board on a 10" tablet held upright
        Page tablet = browser.newPage(web.toString(), 800, 1280);
        Browser.signIn(tablet, "/cases", "县中心 陈敏");
        assertThat(tablet.locator("#results")).containsText("拖欠三个月工资");
        Browser.screenshot(tablet, "08-board-tablet");
        tablet.context().close();
    }
}
