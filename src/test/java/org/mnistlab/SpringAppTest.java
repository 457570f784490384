package org.mnistlab;

import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The one base of the tests that need the real app: a single Spring context shared by all of them (real
 * engine, H2 under target/test-data, real MNIST, DL4J) and a Karibu-mocked browser for views. Each test
 * starts on an idle queue; runs other test classes left stay unless a test calls {@code runs.deleteAll()}.
 * Push commands queue up while the test holds the Vaadin session: {@link #awaitUi} runs them.
 */
@SpringBootTest
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
        }
    }

    @BeforeEach
    void setUpAppAndUi() {
        runs = new TestRuns(queue, store);
        runs.stopActiveRuns();
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownUi() {
        MockVaadin.tearDown();
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
