package cn.tiaojie.web;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class that drives the pages in Chromium: one browser for the class, the pages' address injected. */
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL web;

    static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
