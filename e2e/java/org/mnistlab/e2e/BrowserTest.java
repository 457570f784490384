package org.mnistlab.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the real app (production bundle, real H2 and MNIST) on a random port, driven
 * by Playwright in Debian's Chromium. All subclasses share one Spring context, so the app starts once.
 * Screenshots go to {@code target/e2e-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mnistlab.security.admin-password=" + BrowserTest.ADMIN_PASSWORD)
public abstract class BrowserTest {

    /** The test server's admin password; every context logs in as the admin unless a test asks otherwise. */
    protected static final String ADMIN_PASSWORD = "e2e-admin-secret";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    static final Path SCREENSHOTS = Paths.get("target", "e2e-screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("mnistlab.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closePage(TestInfo info) {
        screenshot(info.getTestMethod().map(m -> m.getName()).orElse("test") + "-end");
        context.close();
    }

    /** A fresh browser context (its own cookies and Vaadin session) logged in as the admin. */
    protected BrowserContext newContext() {
        BrowserContext fresh = newAnonymousContext();
        logIn(fresh, "admin", ADMIN_PASSWORD);
        return fresh;
    }

    /** A fresh browser context that has not logged in. */
    protected BrowserContext newAnonymousContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
    }

    /**
     * Logs the context in through Spring's form login without drawing the page (the session cookie lands in
     * the context); fails the test when the server refuses.
     */
    protected void logIn(BrowserContext target, String username, String password) {
        logIn(target, base(), username, password);
    }

    /** Logs the context in to the app at {@code appBase} (another instance than the shared one). */
    protected void logIn(BrowserContext target, String appBase, String username, String password) {
        APIResponse loginPage = target.request().get(appBase + "/login");
        Matcher csrf = CSRF_META.matcher(loginPage.text());
        if (!csrf.find()) {
            throw new IllegalStateException("The login page carries no CSRF token");
        }
        APIResponse response = target.request().post(appBase + "/login", RequestOptions.create()
                .setForm(FormData.create().set("username", username).set("password", password)
                        .set("_csrf", csrf.group(1)))
                .setMaxRedirects(0));
        String location = response.headers().getOrDefault("location", "");
        if (response.status() != 302 || location.contains("error")) {
            throw new IllegalStateException("Log-in as " + username + " failed: " + response.status() + " " + location);
        }
    }

    /** The app's root without a trailing slash ({@code http://localhost:port}); page objects append paths. */
    protected String base() {
        return "http://localhost:" + port;
    }

    protected String url(String path) {
        return "http://localhost:" + port + (path.startsWith("/") ? path : "/" + path);
    }

    /** Saves a screenshot of the current page under target/e2e-screenshots/. */
    protected void screenshot(String name) {
        screenshot(page, name);
    }

    protected void screenshot(Page target, String name) {
        target.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png"))
                .setFullPage(true));
    }
}
