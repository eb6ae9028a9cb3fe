package cn.tiaojie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.local.SmsGatewaySimulator;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * 网上申请调解 on a phone (360×640): a resident applies from the center's QR code with the code the SMS gateway
 * received, gets the case number on the page and by SMS; staff find the online case on the board and file it; the
 * resident is told by SMS. Wrong codes and too many codes are refused in plain Chinese and register nothing; the form
 * works with script off. Every page is checked with axe-core and screenshotted.
 */
@QuarkusTest
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class OnlineApplicationTest extends BrowserTest {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final Pattern CODE = Pattern.compile("验证码 (\\d{6})");

    private static String phone() {
        return "137%08d".formatted(PHONES.incrementAndGet() * 7907 % 100_000_000);
    }

    private Page phonePage() {
        return fromOwnAddress(browser.newPage(web.toString(), 360, 640));
    }

    /** Each resident's phone has its own address (as the proxy in front reports it), so codes count per resident. */
    private static Page fromOwnAddress(Page page) {
        page.context().setExtraHTTPHeaders(java.util.Map.of("X-Forwarded-For",
                "203.0.113." + (PHONES.incrementAndGet() % 250 + 1)));
        return page;
    }

    /** The texts the SMS gateway delivered to this number, newest last. */
    private static List<String> smsTo(String phone) {
        return RunningSuite.suite().channels().sms().delivered().stream().filter(s -> s.to().endsWith(phone))
                .map(SmsGatewaySimulator.Sms::body).toList();
    }

    private static String waitForSms(String phone, String containing, int count) {
        return ServiceCalls.poll(() -> smsTo(phone).stream().filter(b -> b.contains(containing)).toList(),
                list -> list.size() >= count).get(count - 1);
    }

    private static String codeIn(String sms) {
        Matcher m = CODE.matcher(sms);
        assertTrue(m.find(), sms);
        return m.group(1);
    }

    private static void fillForm(Page page, String phone) {
        page.getByText("和邻居闹矛盾").click();
        page.getByLabel("发生了什么事？").fill("楼上邻居家天天半夜装修打电钻，说了好几次都不听，老人睡不着觉。");
        page.getByLabel("在哪里？").fill("城关镇人民路 12 号 3 单元");
        page.getByLabel("对方的名字（或单位名称）").fill("李强");
        page.getByLabel("您的名字").fill("王秀英");
        page.getByLabel("您的手机号").fill(phone);
    }

    @Test
    void aResidentAppliesOnlineFromTheQrCodeAndStaffFileIt() throws Exception {
        // the poster's QR code opens the form with the center chosen
        APIResponse png = browser.newPage(web.toString()).request().get("/apply/qr/QX-COUNTY.png");
        assertEquals(200, png.status());
        assertEquals("image/png", png.headers().get("content-type"));
        String target = decode(png.body());
        assertTrue(target.endsWith("/apply?center=QX-COUNTY"), target);
        APIResponse svg = browser.newPage(web.toString()).request().get("/apply/qr/QX-COUNTY.svg");
        assertEquals(200, svg.status());
        assertTrue(svg.text().startsWith("<svg") && svg.text().contains("扫码申请调解：青溪县矛盾纠纷调处化解中心"));

        Page page = phonePage();
        page.navigate(target.substring(target.indexOf("/apply")));
        assertThat(page.locator("h1")).hasText("网上申请调解");
        assertThat(page.locator(".r-center")).hasText("青溪县矛盾纠纷调处化解中心");
        assertThat(page.locator(".r-phone")).hasText("0571-88886666");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("读给我听"))).isVisible();
        Browser.assertAccessible(page);
        Browser.screenshot(page, "resident-01-apply");

        // sent with nothing filled in: each missing answer says what to write, in plain words
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("#whatHappened-error")).hasText("请用几句话说说发生了什么（2000 字以内）。");
        assertThat(page.locator("#code-error")).containsText("获取验证码");
        Browser.assertAccessible(page);

        String phone = phone();
        fillForm(page, phone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
        assertThat(page.locator(".r-sent")).containsText(phone.substring(0, 3) + "****" + phone.substring(7));
        String code = codeIn(waitForSms(phone, "验证码", 1));
        assertTrue(waitForSms(phone, "验证码", 1).startsWith("【青溪县矛盾纠纷调处化解中心】"));
        Browser.screenshot(page, "resident-02-code-sent");

        // a wrong code first: told how many tries are left; everything typed is still there
        page.getByLabel("短信验证码（6 位数字）").fill(code.equals("000000") ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("#code-error")).hasText("验证码不对，请再看一下短信。还可以试 4 次。");
        assertThat(page.getByLabel("对方的名字（或单位名称）")).hasValue("李强");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "resident-03-wrong-code");

        page.getByLabel("短信验证码（6 位数字）").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("h1")).hasText("申请已收到");
        String caseNo = page.locator(".case-no").textContent();
        assertTrue(caseNo.matches("TJ\\d{10}"), caseNo);
        Browser.assertAccessible(page);
        Browser.screenshot(page, "resident-04-applied");
        assertTrue(waitForSms(phone, caseNo, 1).contains("网上申请已收到"));

        // staff find it on the board as an online application and file it
        Page staff = browser.newPage(web.toString());
        Browser.signIn(staff, "/cases?text=" + caseNo, "县中心 陈敏");
        staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseNo)).click();
        assertThat(staff.locator("h1 .status")).hasText("受理");
        assertThat(staff.locator("main")).containsText("网上申请");
        assertThat(staff.locator("main")).containsText("王秀英");
        Browser.screenshot(staff, "resident-05-staff-case");
        staff.getByText("立案（派遣调解员）").click();
        assertThat(staff.locator("#page-message")).containsText("已立案");
        assertTrue(waitForSms(phone, "调解申请已立案", 1).contains(caseNo));
    }

    @Test
    void tooManyCodesAndSpentCodesAreRefusedInPlainWordsAndRegisterNothing() {
        Page page = phonePage();
        page.navigate("/apply?center=QX-COUNTY");
        String phone = phone();
        fillForm(page, phone);
        for (int i = 1; i <= 3; i++) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
            assertThat(page.locator(".r-sent")).isVisible();
            waitForSms(phone, "验证码", i);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
        assertThat(page.locator("#phone-error")).hasText(
                "这个手机号一小时内已经获取过 3 次验证码，请过一小时再试，或打电话给调解中心。");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "resident-06-too-many-codes");
        assertEquals(3, smsTo(phone).size(), "no fourth code was sent");

        String code = codeIn(waitForSms(phone, "验证码", 3));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            page.getByLabel("短信验证码（6 位数字）").fill(wrong);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
            assertThat(page.locator("#code-error")).isVisible();
        }
        assertThat(page.locator("#code-error")).hasText("验证码输错太多次，已经作废。请点“获取验证码”重新获取。");
        page.getByLabel("短信验证码（6 位数字）").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("#code-error")).hasText("验证码输错太多次，已经作废。请点“获取验证码”重新获取。");
        Browser.screenshot(page, "resident-07-code-spent");
        assertTrue(smsTo(phone).stream().noneMatch(b -> b.contains("网上申请已收到")), "no case was registered");
    }

    @Test
    void theFormWorksWithScriptOff() {
        Page page = fromOwnAddress(browser.newPageWithoutScript(web.toString(), 360, 640));
        page.navigate("/apply?center=QX-BAIXI");
        assertThat(page.locator(".r-center")).hasText("白溪镇矛盾纠纷调处化解中心");
        // the speech and text-size buttons need script: without it they stay hidden
        assertThat(page.locator("[data-read-aloud]")).isHidden();
        String phone = phone();
        fillForm(page, phone);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码")).click();
        String code = codeIn(waitForSms(phone, "验证码", 1));
        page.getByLabel("短信验证码（6 位数字）").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click();
        assertThat(page.locator("h1")).hasText("申请已收到");
        Browser.screenshot(page, "resident-08-applied-without-script");
        page.navigate("/apply?center=NOWHERE");
        assertThat(page.locator("main")).containsText("没有找到");
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
}
