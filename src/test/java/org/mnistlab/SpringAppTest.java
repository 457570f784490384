package org.mnistlab;

import static org.awaitility.Awaitility.await;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import elemental.json.Json;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import kotlin.Unit;
import kotlin.jvm.functions.Function0;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mnistlab.base.ui.AfterFirstPaint;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.security.GuestAuthentication;
import org.mnistlab.security.Role;
import org.mnistlab.security.UserService;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The one base of the tests that need the real app: a single Spring context shared by all of them (real
 * engine, H2 under target/test-data, real MNIST, DL4J) and a Karibu-mocked browser for views. Each test
 * starts on an idle queue; runs other test classes left stay unless a test calls {@code runs.deleteAll()}.
 * Push commands queue up while the test holds the Vaadin session: {@link #awaitUi} runs them. Each test
 * runs as the logged-in admin; {@link #loginAs}, {@link #logout} and {@link #visitAsGuest} switch user.
 * No warm-up: the training form's would train beside tests that time or call the trainer themselves
 * ({@code RunQueueWarmUpTest} tests it on a queue of its own).
 */
@SpringBootTest(properties = "mnistlab.warm-up=false")
public abstract class SpringAppTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected RunQueue queue;
    @Autowired
    protected RunStore store;
    @Autowired
    protected DatasetService datasets;

    protected TestRuns runs;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("org.mnistlab");
            // the app's own pages for refused and missing pages, not Karibu's, which throw instead
            routes.getErrorRoutes().removeIf(route -> route.getName().startsWith("com.github.mvysny.kaributesting"));
        }
    }

    @BeforeEach
    void setUpAppAndUi() {
        loginAs(UserService.ADMIN, Role.ADMIN);
        runs = new TestRuns(queue, store);
        runs.stopActiveRuns();
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        FakeRequest request = fakeRequest();
        // What Spring's request wrapper does in a real server: the principal and roles of the security context.
        request.setUserInRole((principal, role) -> {
            Authentication a = SecurityContextHolder.getContext().getAuthentication();
            return a != null && !(a instanceof AnonymousAuthenticationToken)
                    && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_" + role)
                    || g.getAuthority().equals(role));
        });
        setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers().add(ANSWER_FIRST_PAINT);
    }

    /**
     * The browser's answer to {@link AfterFirstPaint}: there is no browser to draw, so a page's second part
     * comes at the next client round trip ({@code MockVaadin.clientRoundtrip()}, which {@code _get} and
     * {@code _click} run).
     */
    private static final Function1<PendingJavaScriptInvocation, Unit> ANSWER_FIRST_PAINT = invocation -> {
        if (invocation.getInvocation().getExpression().contains(AfterFirstPaint.SCRIPT)) {
            invocation.complete(Json.createNull());
        }
        return Unit.INSTANCE;
    };

    /** The browser's answers that {@link #holdFirstPaint()} keeps back, while it does. */
    private final List<PendingJavaScriptInvocation> heldFirstPaints = new ArrayList<>();
    private final Function1<PendingJavaScriptInvocation, Unit> holdFirstPaint = invocation -> {
        if (invocation.getInvocation().getExpression().contains(AfterFirstPaint.SCRIPT)) {
            heldFirstPaints.add(invocation);
        }
        return Unit.INSTANCE;
    };

    /**
     * From now on the browser does not answer {@link AfterFirstPaint} until the returned action runs (it answers
     * what it held, then every later one at once): a test sees a page's first screen alone.
     */
    protected Runnable holdFirstPaint() {
        List<Function1<PendingJavaScriptInvocation, Unit>> handlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        handlers.remove(ANSWER_FIRST_PAINT);
        handlers.add(holdFirstPaint);
        return () -> {
            handlers.remove(holdFirstPaint);
            handlers.add(ANSWER_FIRST_PAINT);
            List<PendingJavaScriptInvocation> held = List.copyOf(heldFirstPaints);
            heldFirstPaints.clear();
            held.forEach(invocation -> invocation.complete(Json.createNull()));
        };
    }

    @AfterEach
    void tearDownUi() {
        TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers().remove(holdFirstPaint);
        heldFirstPaints.clear();
        TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers().remove(ANSWER_FIRST_PAINT);
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /**
     * Runs the rest of the test as this user (every test starts as the admin); navigate afterwards, as a
     * page opened before keeps what it showed.
     */
    protected static void loginAs(String username, Role role) {
        setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "", role.authorities()));
    }

    /** Runs the rest of the test as a visitor who has not logged in. */
    protected static void logout() {
        setAuthentication(new AnonymousAuthenticationToken("anonymous", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }

    /** Runs the rest of the test as a public demo's visitor who has not logged in (the viewer "guest"). */
    protected static void visitAsGuest() {
        setAuthentication(new GuestAuthentication());
    }

    private static void setAuthentication(Authentication authentication) {
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
        // Vaadin reads the context of a session from the HTTP session, as Spring saved it at login.
        if (VaadinSession.getCurrent() != null) {
            VaadinSession.getCurrent().getSession().setAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
        }
        syncRequestPrincipal();
    }

    private static FakeRequest fakeRequest() {
        ServletRequest request = VaadinServletRequest.getCurrent();
        while (!(request instanceof FakeRequest) && request instanceof ServletRequestWrapper wrapper) {
            request = wrapper.getRequest();
        }
        return (FakeRequest) request;
    }

    private static void syncRequestPrincipal() {
        if (VaadinServletRequest.getCurrent() == null) {
            return;
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        fakeRequest().setUserPrincipalInt(a == null || a instanceof AnonymousAuthenticationToken ? null : a);
    }

    /** Navigates like the browser's address bar, query string included. */
    protected static void open(String location) {
        int q = location.indexOf('?');
        if (q < 0) {
            UI.getCurrent().navigate(location);
        } else {
            UI.getCurrent().navigate(location.substring(0, q), QueryParameters.fromString(location.substring(q + 1)));
        }
    }

    /**
     * Runs pushed UI commands until {@code condition} holds; fails the test after {@code timeout}. Polls on
     * the test's own thread, which holds the mocked Vaadin session.
     */
    public static void awaitUi(Duration timeout, BooleanSupplier condition) {
        await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(20)).until(() -> {
            MockVaadin.runUIQueue();
            return condition.getAsBoolean();
        });
    }
}
