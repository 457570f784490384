package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mnistlab.Application;
import org.mnistlab.TestRuns;
import org.mnistlab.base.FirstPageWarmUp;
import org.mnistlab.e2e.pages.RunDetailPage;
import org.mnistlab.e2e.pages.TrainPage;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who may do what, through the real login and the real pages. */
class SecurityIT extends BrowserTest {

    private static final String PASSWORD = "e2e-trainer-secret";

    @Autowired
    UserService users;

    @Autowired
    RunQueue queue;

    @Autowired
    RunStore store;

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page_and_comes_back_after_logging_in() {
        BrowserContext anonymous = newAnonymousContext();
        try {
            Page visitor = anonymous.newPage();
            visitor.navigate(url("/runs"));
            visitor.waitForURL("**/login");
            assertThat(visitor.locator("#login-form")).isVisible();
            assertThat(visitor.locator("#runs-grid")).hasCount(0);

            visitor.locator("#password").fill("wrong");
            visitor.locator("#username").fill("admin");
            visitor.locator("#login-form button").click();
            assertThat(visitor.locator("#login-error")).isVisible();

            visitor.locator("#username").fill("admin");
            visitor.locator("#password").fill(ADMIN_PASSWORD);
            visitor.locator("#login-form button").click();
            assertThat(visitor.locator("#runs-grid")).isVisible();
        } finally {
            anonymous.close();
        }
    }

    /** The start-up warm-up's header opens nothing once the warm-up is over, whatever it carries. */
    @Test
    void a_request_with_a_warm_up_header_after_the_start_is_sent_to_the_login_page() throws Exception {
        for (String value : new String[] {"made-up", ""}) {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base() + "/runs")).header(FirstPageWarmUp.HEADER, value).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(value).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(value).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void a_trainer_gets_no_delete_button_on_another_users_run_but_does_on_their_own() {
        String owner = user("owner");
        String other = user("other");
        long run = as(owner, () -> queue.submit(TestRuns.quick(Architecture.LOGISTIC, 500, 1)).id());
        new TestRuns(queue, store).awaitEnd(run);

        BrowserContext otherBrowser = newAnonymousContext();
        BrowserContext ownerBrowser = newAnonymousContext();
        try {
            logIn(otherBrowser, other, PASSWORD);
            Page otherPage = otherBrowser.newPage();
            new RunDetailPage(otherPage).open(base(), run);
            assertThat(otherPage.locator("#clone")).isVisible();
            assertThat(otherPage.locator("#delete")).isHidden();
            assertThat(otherPage.locator("#rename")).isHidden();

            logIn(ownerBrowser, owner, PASSWORD);
            Page ownerPage = ownerBrowser.newPage();
            new RunDetailPage(ownerPage).open(base(), run);
            assertThat(ownerPage.locator("#delete")).isVisible();
        } finally {
            otherBrowser.close();
            ownerBrowser.close();
        }
    }

    @Test
    void a_trainer_at_the_per_user_limit_is_told_so_where_they_start_the_run() {
        String trainer = user("busy");
        List<Long> mine = new ArrayList<>();
        BrowserContext browser = newAnonymousContext();
        try {
            // three long runs fill the trainer's share (the limit is 3); they are cancelled at the end
            for (int i = 0; i < 3; i++) {
                mine.add(as(trainer, () -> queue.submit(TestRuns.quick(Architecture.MLP, 20_000, 50)).id()));
            }
            logIn(browser, trainer, PASSWORD);
            Page page = browser.newPage();
            TrainPage train = new TrainPage(page, base()).open();
            train.startButton().click();

            assertThat(page.locator("vaadin-notification-card").first())
                    .containsText("You already have 3 runs queued or running, the most one user may have");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/train.*"));
        } finally {
            browser.close();
            for (long id : mine) {
                queue.cancel(id);
            }
            TestRuns runs = new TestRuns(queue, store);
            mine.forEach(runs::awaitEnd);
        }
    }

    @Test
    void the_user_name_in_the_title_bar_opens_the_account_page_where_a_token_is_made_once() {
        page.navigate(url("/runs"));
        page.locator("#user-name").click();
        page.waitForURL("**/account");
        page.locator("#token-label input").fill("notebook");
        page.locator("#create-token").click();
        assertThat(page.locator("#new-token input")).not().hasValue("");
        assertThat(page.locator("#tokens-grid")).containsText("notebook");
    }

    private String user(String prefix) {
        String name = prefix + "-" + Long.toString(Instant.now().toEpochMilli(), 36);
        users.create(name, PASSWORD, Role.TRAINER);
        return name;
    }

    /** Does what {@code action} does as the trainer {@code username} (as their page would). */
    private static <T> T as(String username, Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_VIEWER"),
                        new SimpleGrantedAuthority("ROLE_TRAINER"))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void with_the_anonymous_viewer_setting_a_visitor_reads_and_draws_without_logging_in_and_logs_in_to_train()
            throws Exception {
        // A second app with the public-demo setting on (its own store and session cookie: cookies ignore the port)
        Path dataDir = Files.createTempDirectory(Path.of("target"), "security-it-guest-");
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--mnistlab.data-dir=" + dataDir.toAbsolutePath(),
                        "--mnistlab.security.anonymous-viewer=true",
                        "--server.servlet.session.cookie.name=GUEST_DEMO_SESSION")) {
            String demoBase = "http://localhost:" + demo.getEnvironment().getProperty("local.server.port");
            BrowserContext anonymous = newAnonymousContext();
            try {
                Page visitor = anonymous.newPage();
                visitor.navigate(demoBase + "/explore");
                assertThat(visitor.locator("#sample-grid .sample mnist-digit[drawn]").first()).isVisible();
                assertThat(visitor).hasURL(demoBase + "/explore");
                assertThat(visitor.getByText("Log in")).isVisible();

                visitor.navigate(demoBase + "/runs");
                assertThat(visitor).hasURL(demoBase + "/runs");
                assertThat(visitor.locator("#new-run-link")).isHidden();

                visitor.navigate(demoBase + "/draw");
                assertThat(visitor).hasURL(demoBase + "/draw");
                assertThat(visitor.locator("#login-form")).hasCount(0);

                visitor.navigate(demoBase + "/no-such-page");
                assertThat(visitor.locator("#error-message")).hasText("There is no page at /no-such-page.");

                String tabSession = sessionCookie(anonymous);
                APIResponse list = anonymous.request().get(demoBase + "/api/runs");
                assertThat(list.status()).isEqualTo(200);
                APIResponse submit = anonymous.request().post(demoBase + "/api/runs", RequestOptions.create()
                        .setHeader("Content-Type", "application/json").setData("{}"));
                assertThat(submit.status()).isIn(401, 403);
                // the API leaves the open tab's session alone (it used to change its id on every call)
                assertThat(sessionCookie(anonymous)).isEqualTo(tabSession);
                // a request with a session id that a login has replaced gets no new (guest) session, whose cookie
                // would overwrite the logged-in one
                HttpResponse<Void> stale = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(demoBase + "/images/explorer.png"))
                                .header("Cookie", "GUEST_DEMO_SESSION=replaced-by-a-login").build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(stale.statusCode()).isEqualTo(200);
                assertThat(stale.headers().allValues("Set-Cookie")).isEmpty();

                // a trainer's page: the guest logs in there, as any visitor who has not logged in would
                String trainer = "demo-trainer";
                demo.getBean(UserService.class).create(trainer, PASSWORD, Role.TRAINER);
                visitor.navigate(demoBase + "/train");
                visitor.waitForURL("**/login");
                assertThat(visitor.locator("#run-config-form")).hasCount(0);
                screenshot(visitor, "guest-train");
                visitor.locator("#username").fill(trainer);
                visitor.locator("#password").fill(PASSWORD);
                visitor.locator("#login-form button").click();
                visitor.waitForURL("**/train");
                // a cold second app opens its first trainer's page (under the suite's load, several seconds)
                try {
                    assertThat(visitor.locator("#run-config-form"))
                            .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
                } catch (AssertionError e) {
                    screenshot(visitor, "guest-logged-in");
                    throw new AssertionError("No configurator at " + visitor.url() + "; the page says: "
                            + visitor.locator("body").innerText(), e);
                }
                visitor.navigate("about:blank"); // leave before the demo app stops
            } finally {
                anonymous.close();
            }
        }
    }

    private static String sessionCookie(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("GUEST_DEMO_SESSION"))
                .map(c -> c.value).findFirst().orElseThrow();
    }
}
