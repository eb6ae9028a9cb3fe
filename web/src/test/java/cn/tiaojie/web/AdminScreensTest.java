package cn.tiaojie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The administrators' screens in the browser against the real services: the pool is searched, a member registered,
 * refused with Chinese reasons, suspended and reinstated; a CSV with two bad rows is checked (nothing imported) and
 * then imported (the good rows only); a team rule is edited and the preview follows it; a category's earlier
 * involvement is made a hard exclusion and taken back; the fairness page draws its Gini charts.
 */
@QuarkusTest
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class AdminScreensTest extends BrowserTest {

    private static final String ADMIN = DevTokens.forRole("admin").subject("admin").sign();

    @Test
    void theAdministratorKeepsThePool() {
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/admin/mediators", "管理员 赵磊");
        assertThat(page.locator("h1")).hasText("调解员库");
        assertThat(page.locator("table.pool")).containsText("王建国");
        page.locator("#f-role").selectOption("LAWYER");
        page.locator(".filters button[type=submit]").click();
        assertThat(page.locator("table.pool tbody tr").first()).containsText("律师");
        assertThat(page.locator("table.pool")).not().containsText("人民调解员");
        Browser.screenshot(page, "admin-pool");
        Browser.assertAccessible(page);

        String id = "M" + ThreadLocalRandom.current().nextInt(100_000, 900_000);
        page.locator("a", new Page.LocatorOptions().setHasText("新增调解员")).click();
        page.locator("#m-id").fill(id);
        page.locator("#m-name").fill("周雅");
        page.locator("#m-role").selectOption("SOCIAL_WORKER");
        page.locator("#m-area").fill("3309");
        page.locator("#m-capacity").fill("4");
        page.locator("button", new Page.LocatorOptions().setHasText("登记")).click();
        // a bad area code is refused by name, in Chinese, and what was typed stays
        assertThat(page.locator("#m-area-error")).hasText("行政区划代码应为 6、9、12 或 15 位数字");
        assertThat(page.locator("#m-name")).hasValue("周雅");
        Browser.assertAccessible(page);
        page.locator("#m-area").fill("330999101");
        page.locator("label", new Page.LocatorOptions().setHasText("劳动争议纠纷")).locator("input").check();
        page.locator("button", new Page.LocatorOptions().setHasText("登记")).click();
        assertThat(page.locator("#page-message")).hasText("已登记新调解员。");
        assertThat(page.locator("h1")).containsText("周雅");
        assertThat(page.locator("#profile")).containsText("劳动争议纠纷");
        assertThat(page.locator("#workload .load")).containsText("0 / 4");
        assertThat(page.locator("#latest-offers")).containsText("还没有收到过指派");
        Browser.screenshot(page, "admin-mediator-profile");
        Browser.assertAccessible(page);

        page.locator("button", new Page.LocatorOptions().setHasText("暂停指派")).click();
        assertThat(page.locator("#page-message")).containsText("已暂停");
        assertThat(page.locator("#profile")).containsText("已暂停");
        assertEquals("SUSPENDED", ServiceCalls.get(SuiteService.MEDIATOR, "/api/mediators/" + id, ADMIN)
                .path("status").asText());
        page.locator("button", new Page.LocatorOptions().setHasText("恢复指派")).click();
        assertThat(page.locator("#profile")).containsText("在册可指派");

        page.locator("#edit #m-capacity").fill("6");
        page.locator("#edit button[type=submit]").click();
        assertThat(page.locator("#page-message")).hasText("已保存调解员信息。");
        assertThat(page.locator("#workload .load")).containsText("0 / 6");
        page.context().close();
    }

    @Test
    void aCsvWithTwoBadRowsIsCheckedThenItsGoodRowsImported() throws IOException {
        int base = ThreadLocalRandom.current().nextInt(100_000, 899_000);
        String first = "M" + base;
        String second = "M" + (base + 1);
        String third = "M" + (base + 2);
        Path csv = Files.createTempFile("pool", ".csv");
        Files.writeString(csv, "\uFEFFid,name,role,areaCode,capacity,languages,expertise\r\n"
                + first + ",钱多多,LAWYER,330999,5,zh-CN,LABOUR\r\n"
                + "M" + (base + 10) + ",孙悟,ASTRONAUT,330999,5,zh-CN,\r\n"
                + second + ",李晓,SOCIAL_WORKER,330999101,3,zh-CN;yue,\r\n"
                + "M" + (base + 11) + ",周八,COUNSELOR,12,4,zh-CN,\r\n"
                + third + ",吴九,COUNSELOR,330999,2,zh-CN,MARRIAGE_FAMILY\r\n", StandardCharsets.UTF_8);

        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/admin/mediators/import", "管理员 赵磊");
        assertThat(page.locator("h1")).hasText("批量导入调解员");
        Browser.assertAccessible(page);
        page.locator("#csv-file").setInputFiles(csv);
        page.locator("button", new Page.LocatorOptions().setHasText("检查")).click();
        assertThat(page.locator(".import-summary")).containsText("共 5 行：3 行可以导入，2 行有问题。");
        Locator refused = page.locator("table.refused-rows tbody tr");
        assertThat(refused).hasCount(2);
        assertThat(refused.nth(0)).containsText("第 3 行");
        assertThat(refused.nth(0)).containsText("角色：请从列表中选择");
        assertThat(refused.nth(1)).containsText("第 5 行");
        assertThat(refused.nth(1)).containsText("所在地区：行政区划代码应为 6、9、12 或 15 位数字");
        Browser.screenshot(page, "admin-import-dry-run");
        Browser.assertAccessible(page);
        // the check imported nothing
        assertEquals(0, ServiceCalls.get(SuiteService.MEDIATOR, "/api/mediators?q=" + encoded("钱多多"), ADMIN).size());

        page.locator("button", new Page.LocatorOptions().setHasText("导入可以导入的 3 行")).click();
        assertThat(page.locator(".import-summary")).containsText("已导入 3 位调解员，2 行未导入");
        assertThat(page.locator("#import-report")).containsText(first);
        assertEquals(1, ServiceCalls.get(SuiteService.MEDIATOR, "/api/mediators?q=" + encoded("钱多多"), ADMIN).size());
        assertEquals("SOCIAL_WORKER", ServiceCalls.get(SuiteService.MEDIATOR, "/api/mediators/" + second, ADMIN)
                .path("role").asText());
        assertEquals(0, ServiceCalls.get(SuiteService.MEDIATOR, "/api/mediators?q=" + encoded("孙悟"), ADMIN).size());
        page.locator("#import-report a", new Page.LocatorOptions().setHasText(third)).click();
        assertThat(page.locator("h1")).containsText("吴九");
        page.context().close();
    }

    @Test
    void aTeamRuleIsEditedAndThePreviewFollowsIt() {
        String code = "CONSUMER.ONLINE_SHOPPING";
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/admin/team-rules", "管理员 赵磊");
        assertThat(page.locator("h1")).hasText("组庭规则");
        Browser.assertAccessible(page);
        page.locator("a", new Page.LocatorOptions().setHasText("网络购物纠纷")).click();
        assertThat(page.locator("h1")).containsText("网络购物纠纷");
        assertThat(page.locator("#in-force")).containsText("人民调解员");
        assertThat(page.locator("#in-force")).containsText("默认规则");

        page.locator("#p-area").fill("330999");
        page.locator("#preview button[type=submit]").click();
        // the taxonomy's rule: a people's mediator, a lawyer where one fits
        assertThat(page.locator("#preview-result")).containsText("此案件需要：人民调解员；可选：律师。");
        assertThat(page.locator("#preview-result h3").first()).containsText("人民调解员：符合条件");
        Browser.assertAccessible(page);

        page.locator("#edit-rule fieldset").first().locator("label", new Locator.LocatorOptions().setHasText("律师"))
                .locator("input").check();
        page.locator("#edit-rule button[type=submit]").click();
        assertThat(page.locator("#page-message")).containsText("已保存组庭规则");
        assertThat(page.locator("#in-force")).containsText("人民调解员、律师");
        assertThat(page.locator("#in-force")).containsText("按子类别设定");
        page.locator("#p-area").fill("330999");
        page.locator("#preview button[type=submit]").click();
        assertThat(page.locator("#preview-result")).containsText("此案件需要：人民调解员、律师。");
        assertThat(page.locator("#rank-LAWYER")).containsText("律师：符合条件");
        Browser.screenshot(page, "admin-team-rule");
        Browser.assertAccessible(page);

        page.locator("button", new Page.LocatorOptions().setHasText("恢复默认规则")).click();
        assertThat(page.locator("#page-message")).hasText("已恢复为默认规则。");
        assertThat(page.locator("#in-force")).containsText("默认规则");
        assertEquals("[\"PEOPLE_MEDIATOR\"]", ServiceCalls.get(SuiteService.MEDIATOR, "/api/team-rules/" + code, ADMIN)
                .path("requiredRoles").toString());
        page.context().close();
    }

    @Test
    void earlierInvolvementExcludesOnlyWhereTheAdministratorSaysSo() {
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/admin/conflict-rules", "管理员 赵磊");
        assertThat(page.locator("h1")).hasText("回避规则");
        assertThat(page.locator("#elsewhere-effect")).containsText("评分降低 15");
        page.locator("summary", new Page.LocatorOptions().setHasText("为某类纠纷设定回避")).click();
        page.locator("#c-code").selectOption("MEDICAL");
        page.locator("#c-days").fill("0");
        page.locator("#earlier-involvement button.primary").click();
        assertThat(page.locator("#page-message")).hasText("回溯天数须为 1 到 3650 之间的整数。");
        page.locator("#c-days").fill("180");
        page.locator("#earlier-involvement button.primary").click();
        assertThat(page.locator("#page-message")).containsText("已保存回避规则");
        Locator row = page.locator("#earlier-involvement tbody tr").filter(new Locator.FilterOptions().setHasText("医疗纠纷"));
        assertThat(row).containsText("近 180 天内办理过同一当事人案件的调解员不被邀请");
        Browser.screenshot(page, "admin-conflict-rules");
        Browser.assertAccessible(page);
        row.locator("button").click();
        assertThat(page.locator("#page-message")).containsText("已取消该类别的回避");
        assertThat(page.locator("#earlier-involvement")).not().containsText("近 180 天内");
        page.context().close();
    }

    @Test
    void theFairnessPageExplainsItsGiniCharts() {
        Page page = browser.newPage(web.toString(), 1366, 900);
        Browser.signIn(page, "/admin/fairness", "管理员 赵磊");
        assertThat(page.locator("h1")).hasText("分配公平");
        assertThat(page.locator("#gini-explained")).containsText("0 表示人人收到的邀约一样多");
        for (String chart : new String[] {"fairness-by-role", "fairness-by-role-area"}) {
            assertThat(page.locator("#" + chart + " .chart canvas").first()).isVisible();
            assertThat(page.locator("#" + chart + " table thead")).containsText("基尼系数");
        }
        assertThat(page.locator("#fairness-by-role table tbody")).containsText("人民调解员");
        assertThat(page.locator("#fairness-by-role-area table tbody")).containsText("人民调解员 · 330999");
        Browser.screenshot(page, "admin-fairness");
        Browser.assertAccessible(page);
        page.locator("#p-area").fill("33");
        page.locator(".filters button[type=submit]").click();
        assertThat(page.locator("#period-problem")).hasText("地区代码应为 6、9、12 或 15 位数字。");
        page.context().close();
    }

    @Test
    void anEveningVenueIsAddedChangedAndClosed() {
        String name = "白溪村文化礼堂" + ThreadLocalRandom.current().nextInt(1000, 9999);
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/admin/venues", "管理员 赵磊");
        assertThat(page.locator("h1")).hasText("调解场所");
        assertThat(page.locator("main")).containsText("第一调解室");
        page.locator("summary", new Page.LocatorOptions().setHasText("新增调解场所")).click();
        page.locator("#v-center").fill("QX-BAIXI");
        page.locator("#v-name").fill(name);
        page.locator("#v-address").fill("白溪镇白溪村村委会旁");
        page.locator("#v-kind").selectOption("ON_SITE");
        page.locator("#v-opens").fill("21:00");
        page.locator("#v-closes").fill("18:30");
        page.locator("#new-venue button[type=submit]").click();
        assertThat(page.locator("#v-closes-error")).hasText("关闭时间须晚于开放时间");
        assertThat(page.locator("#v-name")).hasValue(name);
        Browser.assertAccessible(page);
        page.locator("#v-opens").fill("18:30");
        page.locator("#v-closes").fill("21:30");
        page.locator("#new-venue button[type=submit]").click();
        assertThat(page.locator("#page-message")).hasText("已新增调解场所。");
        Locator row = page.locator("table.venues tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("驻点场所（屋场夜话）");
        assertThat(row).containsText("18:30–21:30");
        Browser.screenshot(page, "admin-venues");
        Browser.assertAccessible(page);

        row.locator("a").click();
        page.locator("#v-capacity").fill("40");
        page.locator("#edit-venue button[type=submit]").click();
        assertThat(page.locator("#page-message")).hasText("已保存调解场所。");
        assertThat(page.locator("#v-capacity")).hasValue("40");
        page.locator("#close-reason").fill("礼堂翻修");
        page.locator("#close-venue button").click();
        assertThat(page.locator("#closure")).containsText("改到其他场所 0 场");
        assertThat(page.locator("h1")).containsText("已关闭");
        Browser.assertAccessible(page);
        page.context().close();
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void staffCannotOpenTheAdministratorsScreens() {
        Page page = browser.newPage(web.toString());
        Browser.signIn(page, "/admin/mediators", "县中心 陈敏");
        assertThat(page.locator("h1")).hasText("没有权限");
        assertThat(page.locator(".mainnav")).not().containsText("调解员库");
        page.context().close();
    }
}
