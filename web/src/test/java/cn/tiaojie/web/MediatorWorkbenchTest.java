package cn.tiaojie.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.local.SmsGatewaySimulator;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.web.session.DemoUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The mediators' side of a wage-arrears dispute on a 360×640 phone: the offered lawyer opens the offer's link, signs
 * in, and declines with a reason (the role goes to the next lawyer); his stale second tab then shows what became of
 * the offer; the social worker accepts in one tap; once the team is formed the hearing is in her list and week, and
 * its .ics downloads. Her time and her messages are on their pages. Every page passes axe-core and is screenshotted.
 */
@QuarkusTest
@QuarkusTestResource(value = RunningSuite.class, restrictToAnnotatedClass = false)
class MediatorWorkbenchTest extends BrowserTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The path of the offer's link in the SMS the local gateway delivered to the mediator's phone. */
    private static String smsLink(JsonNode offer) {
        String path = "/offers/" + offer.path("id").asText();
        String body = ServiceCalls.poll(() -> RunningSuite.suite().channels().sms().delivered().stream()
                .map(SmsGatewaySimulator.Sms::body).filter(text -> text.contains(path)).findFirst().orElse(null),
                text -> text != null);
        Matcher url = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + ")(\\s|$)").matcher(body);
        assertTrue(url.find(), body);
        return url.group(1);
    }

    /** A calendar app: a plain GET of the address, no cookie, no header. */
    private static HttpResponse<String> calendarApp(String address) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mediatorsAnswerTheirOffersAndFindTheirHearingOnAPhone() throws IOException {
        String caseId = ServiceCalls.registerCase("LABOUR.WAGE_ARREARS", "拖欠三个月工资共 18600 元", "13812345670");
        ServiceCalls.fileCase(caseId);
        JsonNode team = ServiceCalls.teamWhen(caseId, t -> offerOf(t, "LAWYER") != null
                && offerOf(t, "SOCIAL_WORKER") != null);
        JsonNode lawyerOffer = offerOf(team, "LAWYER");
        JsonNode socialWorkerOffer = offerOf(team, "SOCIAL_WORKER");

        // the lawyer taps the link of the SMS the gateway delivered to his phone, signs in and is back on the offer
        String link = smsLink(lawyerOffer);
        Page lawyer = browser.newPage(web.toString(), 360, 640);
        Browser.signIn(lawyer, link, demoName(lawyerOffer));
        assertTrue(lawyer.url().endsWith(link), lawyer.url());
        assertThat(lawyer.locator(".offer-card h2")).containsText("拖欠工资");
        assertThat(lawyer.locator(".offer-card")).containsText("律师");
        assertThat(lawyer.locator(".offer-card")).containsText("排名第");
        assertThat(lawyer.locator("time[data-countdown]")).hasText(Pattern.compile("还剩 .*\\d\\d:\\d\\d:\\d\\d"));
        String shownFirst = lawyer.locator("time[data-countdown]").textContent();
        lawyer.waitForTimeout(1500);
        assertNotEquals(shownFirst, lawyer.locator("time[data-countdown]").textContent(), "the countdown runs");
        lawyer.locator("details.decline summary").click();
        Browser.assertAccessible(lawyer);
        Browser.screenshot(lawyer, "m01-offer-from-link");

        // the same offer in a second tab, left open while he declines in the first
        Page staleTab = lawyer.context().newPage();
        staleTab.navigate("/offers/" + lawyerOffer.path("id").asText());
        lawyer.getByLabel("时间冲突").check();
        lawyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("谢绝指派")).click();
        assertThat(lawyer.locator("#page-message")).containsText("已谢绝");
        Browser.assertAccessible(lawyer);
        Browser.screenshot(lawyer, "m02-offer-declined");

        JsonNode afterDecline = ServiceCalls.teamWhen(caseId, t -> StreamSupport.stream(t.path("offers").spliterator(),
                false).anyMatch(o -> "LAWYER".equals(o.path("role").asText()) && "OFFERED".equals(o.path("status").asText())));
        JsonNode nextLawyer = offerOf(afterDecline, "LAWYER");
        assertNotEquals(lawyerOffer.path("mediatorId").asText(), nextLawyer.path("mediatorId").asText());
        assertEquals("时间冲突", StreamSupport.stream(afterDecline.path("offers").spliterator(), false)
                .filter(o -> o.path("id").equals(lawyerOffer.path("id"))).findFirst().orElseThrow()
                .path("declineReason").asText());

        // the stale tab still offers 接受; the tap finds the offer declined and says so in Chinese
        staleTab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接受指派")).click();
        assertThat(staleTab.locator("#page-message")).hasText("未能接受：您已谢绝此指派，案件已转给其他调解员。");
        Browser.assertAccessible(staleTab);
        Browser.screenshot(staleTab, "m03-offer-meanwhile-declined");

        // his messages hold the offer's notice, whose links are exactly this workbench's offer page
        lawyer.navigate("/inbox");
        assertThat(lawyer.locator("h1")).hasText("消息");
        ServiceCalls.poll(() -> {
            lawyer.reload();
            return lawyer.locator(".inbox").textContent();
        }, text -> text.contains("/offers/" + lawyerOffer.path("id").asText() + "?respond=accept"));
        Browser.assertAccessible(lawyer);
        lawyer.locator(".inbox summary").first().click();
        Browser.screenshot(lawyer, "m04-inbox");
        lawyer.context().close();

        // the social worker starts at the workbench: her open offers, accepted in one tap
        Page socialWorker = browser.newPage(web.toString(), 360, 640);
        Browser.signIn(socialWorker, "/", demoName(socialWorkerOffer));
        assertThat(socialWorker.locator("h1")).hasText("待接受的指派");
        Page.LocatorOptions ofThisCase = new Page.LocatorOptions().setHasText(socialWorkerOffer.path("caseNo").asText());
        assertThat(socialWorker.locator(".offer-card", ofThisCase)).containsText("社工师");
        Browser.assertAccessible(socialWorker);
        Browser.screenshot(socialWorker, "m05-offers");
        socialWorker.locator(".offer-card", ofThisCase).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("接受指派")).click();
        assertThat(socialWorker.locator("#page-message")).containsText("您已接受指派");
        assertThat(socialWorker.locator(".offer-card")).containsText("已接受");

        // her messages are open while the next lawyer accepts on his own phone: the team forms, the hearing is
        // booked, and its notice appears on her open page without a reload
        socialWorker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("消息").setExact(true)).click();
        assertThat(socialWorker.locator("h1")).hasText("消息");
        Locator hearingNotices = socialWorker.locator(".inbox .message", new Page.LocatorOptions()
                .setHasText("调解通知书"));
        assertThat(hearingNotices).hasCount(0);
        socialWorker.waitForTimeout(500);
        Page secondLawyer = browser.newPage(web.toString(), 360, 640);
        Browser.signIn(secondLawyer, smsLink(nextLawyer), demoName(nextLawyer));
        secondLawyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接受指派")).click();
        assertThat(secondLawyer.locator("#page-message")).containsText("您已接受指派");
        String me = socialWorkerOffer.path("mediatorId").asText();
        JsonNode hearings = ServiceCalls.poll(() -> ServiceCalls.get(SuiteService.SCHEDULING,
                "/api/hearings?caseId=" + caseId, ServiceCalls.mediatorToken(me)), h -> h != null && h.size() > 0);
        assertThat(hearingNotices).hasCount(1);
        assertThat(socialWorker.locator("#inbox-announce")).hasText("收到一条新消息。");
        assertThat(hearingNotices.locator(".badge")).hasText("未读");
        // opening it marks it read, here and for good
        hearingNotices.locator("summary").click();
        assertThat(hearingNotices.locator(".badge")).hasCount(0);
        assertThat(socialWorker.locator(".result-count")).containsText("1 条未读");
        Browser.screenshot(socialWorker, "m05b-inbox-live");
        Browser.assertAccessible(socialWorker);
        ServiceCalls.poll(() -> {
            socialWorker.reload();
            return hearingNotices.first().getAttribute("class");
        }, cls -> cls != null && !cls.contains("unread"));
        String hearingId = hearings.get(0).path("id").asText();
        LocalDate day = Instant.parse(hearings.get(0).path("startsAt").asText()).atZone(CHINA).toLocalDate();

        socialWorker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("调解会").setExact(true)).click();
        assertThat(socialWorker.locator("h1")).hasText("我的调解会");
        assertThat(socialWorker.locator("#hearing-" + hearingId)).containsText(socialWorkerOffer.path("caseNo").asText());
        assertThat(socialWorker.locator("#my-cases")).containsText(socialWorkerOffer.path("caseNo").asText());
        assertThat(socialWorker.locator(".week-view > li")).hasCount(7);
        assertThat(socialWorker.locator(".week-view > li").first()).containsText("周一");
        Browser.assertAccessible(socialWorker);
        Browser.screenshot(socialWorker, "m06-my-hearings");
        secondLawyer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("调解会").setExact(true)).click();
        assertThat(secondLawyer.locator("#hearing-" + hearingId)).containsText(socialWorkerOffer.path("caseNo").asText());
        Browser.assertAccessible(secondLawyer);
        secondLawyer.context().close();

        // the week of the hearing, Monday first, with the hearing in its day's column
        socialWorker.navigate("/my/hearings?week=" + day);
        int column = day.getDayOfWeek().getValue() - 1;
        assertThat(socialWorker.locator(".week-view > li").nth(column).locator("a[href='#hearing-" + hearingId + "']"))
                .hasCount(1);
        socialWorker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下一周 ›")).click();
        assertThat(socialWorker.locator("#h-week")).containsText(Integer.toString(day.plusWeeks(1)
                .with(java.time.DayOfWeek.MONDAY).getDayOfMonth()));
        socialWorker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("‹ 上一周")).click();
        assertThat(socialWorker.locator(".week-view a[href='#hearing-" + hearingId + "']")).hasCount(1);
        Browser.screenshot(socialWorker, "m07-week-of-hearing");

        Download ics = socialWorker.waitForDownload(() -> socialWorker.locator("#hearing-" + hearingId)
                .getByText("下载到手机日历").click());
        String calendar = Files.readString(ics.path());
        assertTrue(calendar.startsWith("BEGIN:VCALENDAR"), calendar);
        assertTrue(calendar.contains("BEGIN:VEVENT"), calendar);

        // her calendar app subscribes to a secret address, without any header; renewing it revokes the old one
        socialWorker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开通日历订阅")).click();
        String address = socialWorker.locator("#feed-address").inputValue();
        assertTrue(address.startsWith(web.toString() + "calendar/") && address.endsWith(".ics"), address);
        assertTrue(socialWorker.locator("#new-address a").getAttribute("href").startsWith("webcal://"));
        Browser.assertAccessible(socialWorker);
        Browser.screenshot(socialWorker, "m07b-calendar-subscription");
        HttpResponse<String> feed = calendarApp(address);
        assertEquals(200, feed.statusCode());
        assertTrue(feed.body().contains("hearing-" + hearingId + "@tiaojie"), feed.body());
        socialWorker.navigate("/my/hearings");
        assertThat(socialWorker.locator("#subscription")).containsText("已开通");
        assertThat(socialWorker.locator("#feed-address")).hasCount(0);
        socialWorker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重新生成订阅地址")).click();
        String renewed = socialWorker.locator("#feed-address").inputValue();
        assertNotEquals(address, renewed);
        assertEquals(404, calendarApp(address).statusCode());
        assertEquals(200, calendarApp(renewed).statusCode());

        // her time: the weekly hours as the pool keeps them, a day off added and removed
        socialWorker.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我的时间").setExact(true)).click();
        assertThat(socialWorker.locator("h1")).hasText("我的时间");
        Browser.assertAccessible(socialWorker);
        socialWorker.locator("#SATURDAY-0-starts").fill("09:00");
        socialWorker.locator("#SATURDAY-0-ends").fill("08:00");
        socialWorker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存每周时间")).click();
        assertThat(socialWorker.locator("#SATURDAY-0-error")).hasText("开始时间须早于结束时间");
        assertThat(socialWorker.locator("#SATURDAY-0-starts")).hasValue("09:00");
        Browser.assertAccessible(socialWorker);
        Browser.screenshot(socialWorker, "m08-hours-error");
        socialWorker.locator("#SATURDAY-0-ends").fill("12:00");
        socialWorker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存每周时间")).click();
        assertThat(socialWorker.locator("#page-message")).hasText("已保存每周可调解时间。");
        assertThat(socialWorker.locator("#SATURDAY-0-ends")).hasValue("12:00");

        socialWorker.getByText("登记不可安排的时间").click();
        LocalDate leave = LocalDate.now(CHINA).plusMonths(2);
        socialWorker.locator("#away-starts").fill(leave + "T08:00");
        socialWorker.locator("#away-ends").fill(leave + "T18:00");
        socialWorker.locator("#away-kind").selectOption("TRAINING");
        socialWorker.getByLabel("说明（可选）").fill("省社工协会培训");
        socialWorker.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true)).click();
        assertThat(socialWorker.locator("#page-message")).hasText("已登记不可安排的时间。");
        assertThat(socialWorker.locator(".away-list")).containsText("省社工协会培训");
        Browser.assertAccessible(socialWorker);
        Browser.screenshot(socialWorker, "m09-availability");
        socialWorker.locator(".away-list li", new Page.LocatorOptions().setHasText("省社工协会培训"))
                .getByRole(AriaRole.BUTTON).click();
        assertThat(socialWorker.locator("#page-message")).hasText("已删除该时段。");
        assertThat(socialWorker.locator(".away-list")).not().containsText("省社工协会培训");
        socialWorker.context().close();
    }

    /** The open offer of that role, if any. */
    private static JsonNode offerOf(JsonNode team, String role) {
        return StreamSupport.stream(team.path("offers").spliterator(), false)
                .filter(o -> role.equals(o.path("role").asText()) && "OFFERED".equals(o.path("status").asText()))
                .findFirst().orElse(null);
    }

    /** The name on the sign-in page's card of the offered mediator, who must be one of the demo users. */
    private static String demoName(JsonNode offer) {
        String mediatorId = offer.path("mediatorId").asText();
        return DemoUsers.find(mediatorId).orElseThrow(() -> new AssertionError("matching offered " + mediatorId + " "
                + offer.path("mediatorName").asText() + ", who is not a demo user of the sign-in page")).name();
    }
}
