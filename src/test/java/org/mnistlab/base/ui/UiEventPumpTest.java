package org.mnistlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pump between a service's publishing thread and a mocked UI: subscribes only while attached, keeps
 * order, thins progress, and never holds other events back. Events are strings; "progress" ones are
 * latest-only.
 */
class UiEventPumpTest {

    private final UiPushScheduler scheduler = new UiPushScheduler();
    /** Stands in for a service: its listeners. */
    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();
    private final List<String> applied = new ArrayList<>();
    private Div owner;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        owner = new Div();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        scheduler.destroy();
    }

    private UiEventPump<String> pump(long minIntervalMillis) {
        return new UiEventPump<String>(owner, scheduler, listener -> {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }, applied::addAll).latestOnly(e -> e.startsWith("progress")).minInterval(TimeUnit.MILLISECONDS.toNanos(minIntervalMillis));
    }

    private void publish(String event) {
        listeners.forEach(l -> l.accept(event));
    }

    /** Runs pushed UI commands until the condition holds or 5 s pass. */
    private static boolean awaitUi(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            MockVaadin.runUIQueue();
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    @Test
    void listens_only_while_the_component_is_attached() {
        UiEventPump<String> pump = pump(250);
        assertThat(listeners).isEmpty();

        UI.getCurrent().add(owner);
        assertThat(listeners).hasSize(1);
        assertThat(pump.isListening()).isTrue();

        UI.getCurrent().remove(owner);
        assertThat(listeners).isEmpty();
        assertThat(pump.isListening()).isFalse();
    }

    @Test
    void events_arrive_all_and_in_order() throws InterruptedException {
        pump(250);
        UI.getCurrent().add(owner);
        List<String> sent = List.of("queued", "started", "epoch 1", "epoch 2", "epoch 3", "finished");
        sent.forEach(this::publish);

        assertThat(awaitUi(() -> applied.size() == sent.size())).isTrue();
        assertThat(applied).containsExactlyElementsOf(sent);
    }

    @Test
    void a_flood_of_progress_is_thinned_to_a_few_updates_a_second_and_the_latest_is_kept()
            throws InterruptedException {
        pump(250);
        UI.getCurrent().add(owner);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(1000);
        int sent = 0;
        while (System.nanoTime() < end) {
            publish("progress " + ++sent);
            MockVaadin.runUIQueue();
            Thread.sleep(0, 200_000);
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String last = "progress " + sent;
        assertThat(awaitUi(() -> applied.contains(last))).as("the latest progress arrives").isTrue();

        assertThat(sent).isGreaterThan(100);
        // one update per 250 ms: the first at once, then one per interval, plus the last one afterwards
        assertThat(applied.size()).isBetween(2, (int) (elapsedMs / 250) + 2);
    }

    @Test
    void other_events_are_not_held_back_by_the_progress_throttle() throws InterruptedException {
        pump(10_000);
        UI.getCurrent().add(owner);
        publish("progress 1");
        assertThat(awaitUi(() -> applied.size() == 1)).isTrue();
        publish("progress 2"); // throttled for 10 s
        publish("epoch 1");

        assertThat(awaitUi(() -> applied.size() == 2)).isTrue();
        assertThat(applied).containsExactly("progress 1", "epoch 1");
    }

    @Test
    void what_is_offered_before_attaching_arrives_on_attach() throws InterruptedException {
        pump(250).offer("loaded");
        Thread.sleep(50);
        MockVaadin.runUIQueue();
        assertThat(applied).isEmpty();

        UI.getCurrent().add(owner);

        assertThat(awaitUi(() -> applied.equals(List.of("loaded")))).isTrue();
    }

    @Test
    void a_stopped_pump_delivers_nothing_more_and_reads_the_state_again_when_reattached()
            throws InterruptedException {
        List<String> reads = new ArrayList<>();
        UiEventPump<String> pump = pump(250).onSubscribed(() -> reads.add("read"));
        UI.getCurrent().add(owner);
        pump.stop();
        publish("epoch 1");
        Thread.sleep(100);
        MockVaadin.runUIQueue();
        assertThat(applied).isEmpty();
        assertThat(listeners).isEmpty();

        UI.getCurrent().remove(owner);
        UI.getCurrent().add(owner);
        publish("epoch 2");

        assertThat(awaitUi(() -> applied.equals(List.of("epoch 2")))).isTrue();
        assertThat(reads).hasSize(2);
    }

    @Test
    void stops_listening_when_the_session_goes_away() {
        pump(250);
        UI.getCurrent().add(owner);
        assertThat(listeners).hasSize(1);

        MockVaadin.tearDown();

        assertThat(listeners).isEmpty();
        MockVaadin.setup(); // for tearDown
    }
}
