package cn.tiaojie.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Debian's Chromium driven by Playwright, headless, as a person would use the pages: never a downloaded browser,
 * no traffic beyond the machine. Screenshots go to target/screenshots; every page can be checked with axe-core.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("tiaojie.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int PATIENCE_MILLIS = 30_000;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        // a page that a busy machine renders slowly is waited for, not failed
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MILLIS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
                        "--disable-gpu", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
    }

    /** A fresh browser profile (no cookies), the size of an office screen, in Chinese and Beijing time. */
    public Page newPage(String baseUrl) {
        return newPage(baseUrl, 1366, 768);
    }

    public Page newPage(String baseUrl, int width, int height) {
        return newPage(baseUrl, width, height, true);
    }

    /** A page of a browser with script turned off, as on a phone that blocks it: the pages must still work. */
    public Page newPageWithoutScript(String baseUrl, int width, int height) {
        return newPage(baseUrl, width, height, false);
    }

    private Page newPage(String baseUrl, int width, int height, boolean script) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl).setViewportSize(width, height).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setJavaScriptEnabled(script));
        context.setDefaultTimeout(PATIENCE_MILLIS);
        return context.newPage();
    }

    /** Signs in through the DEV-ONLY sign-in page as the demo user with that name on its card. */
    public static void signIn(Page page, String next, String demoUserName) {
        page.navigate(next);
        page.locator(".user-card", new Page.LocatorOptions().setHasText(demoUserName)).click();
        page.waitForLoadState();
    }

    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** WCAG 2.1 A and AA as axe-core checks them: no serious or critical violation on the page as it is now. */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<Rule> severe = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertTrue(severe.isEmpty(), () -> page.url() + " has accessibility violations:\n" + severe.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n")));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
