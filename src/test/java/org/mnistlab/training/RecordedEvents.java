package org.mnistlab.training;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every run event the app's queue publishes during a test, in order, and waiting for one. Register with
 * {@code @RegisterExtension} in a {@code SpringAppTest}: it subscribes before each test and unsubscribes after.
 */
final class RecordedEvents implements BeforeEachCallback, AfterEachCallback {

    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private Runnable unsubscribe = () -> { };

    @Override
    public void beforeEach(ExtensionContext context) {
        events.clear();
        unsubscribe = SpringExtension.getApplicationContext(context).getBean(RunQueue.class).subscribe(events::add);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        unsubscribe.run();
    }

    List<RunEvent> all() {
        return List.copyOf(events);
    }

    List<RunEvent> of(long runId) {
        return events.stream().filter(e -> e.runId() == runId).toList();
    }

    /** The first event of the run that matches, waiting up to {@code timeout} for it. */
    RunEvent await(long runId, Predicate<RunEvent> matching, Duration timeout) {
        return Awaitility.await("an event of run " + runId).atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> of(runId).stream().filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The run's Finished, Failed or Cancelled event. */
    RunEvent awaitEnd(long runId) {
        return await(runId, e -> e instanceof RunEvent.Finished || e instanceof RunEvent.Failed
                || e instanceof RunEvent.Cancelled, Duration.ofMinutes(3));
    }
}
