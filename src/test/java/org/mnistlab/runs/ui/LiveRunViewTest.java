package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.ImageCounts;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** The live dashboard against the real engine: live updates, store on reload, no leaked listeners. */
class LiveRunViewTest extends SpringAppTest {

    @Autowired
    RunStore store;

    private RunRecord blocker;

    @AfterEach
    void cancelLeftovers() {
        queue.activeRuns().forEach(r -> queue.cancel(r.id()));
    }

    private static RunConfig tinyMlp(String name, int epochs) {
        return RunPreset.BASELINE_MLP.config(DatasetKind.MNIST).toBuilder().trainSubset(1000).epochs(epochs).name(name).build();
    }

    /** A slow run occupying the single training slot, so the next one waits in the queue. */
    private void occupyTheQueue() {
        blocker = queue.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).toBuilder().trainSubset(20_000)
                .epochs(20).name("blocker").build());
    }

    private LiveRunView open(long runId) {
        UI.getCurrent().navigate("runs/" + runId + "/live");
        return _get(LiveRunView.class);
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private String status() {
        return _get(Span.class, spec -> spec.withId("run-status")).getText();
    }

    @Test
    void closing_the_dashboard_leaves_no_listener_behind() throws InterruptedException {
        occupyTheQueue();
        RunRecord waiting = queue.submit(tinyMlp("waits", 1));
        int before = queue.listenerCount();

        open(waiting.id());
        assertThat(queue.listenerCount()).isEqualTo(before + 1);
        assertThat(status()).isEqualTo("Queued");

        UI.getCurrent().navigate("train");
        assertThat(queue.listenerCount()).isEqualTo(before);

        open(waiting.id());
        assertThat(queue.listenerCount()).isEqualTo(before + 1);
        MockVaadin.tearDown(); // the tab closes: its session goes away
        assertThat(queue.listenerCount()).isEqualTo(before);
    }

    @Test
    void follows_a_run_live_and_reports_its_result() throws InterruptedException {
        RunRecord run = queue.submit(tinyMlp("live", 2));
        int before = queue.listenerCount();

        open(run.id());
        awaitUi(Duration.ofMinutes(2), () -> status().equals("Finished"));

        assertThat(_get(Span.class, spec -> spec.withId("test-accuracy")).getText()).matches(
                "Finished\\. Test accuracy: \\d+\\.\\d\\d %\\. ");
        assertThat(_get(ProgressBar.class, spec -> spec.withId("run-progress")).getValue()).isEqualTo(1.0);
        assertThat(text("overfitting")).contains("Best epoch so far");
        assertThat(_get(Span.class, spec -> spec.withId("progress-text")).getText()).isEqualTo("Done: 2 of 2 epochs.");
        assertThat(_get(Span.class, spec -> spec.withId("training-end")).getText())
                .contains("Test evaluation and model file: weights of the last epoch, 2.");
        _assertNone(Button.class, spec -> spec.withId("cancel-run"));
        assertThat(queue.listenerCount()).as("a finished run's dashboard stops listening").isEqualTo(before);
        // the split's real sizes: the subset, and the validation part the 0.1 split holds out of all 60,000
        assertThat(_get(Span.class, spec -> spec.withId("run-config")).getText())
                .contains("1,000 training · 6,000 validation images");
        assertThat(store.findById(run.id()).orElseThrow().images())
                .isEqualTo(new ImageCounts(1000, 6000));
    }

    @Test
    void opening_a_finished_run_shows_its_stored_history() throws InterruptedException {
        RunRecord run = queue.submit(tinyMlp("stored", 2));
        runs.awaitEnd(run.id());
        int before = queue.listenerCount();

        open(run.id());

        assertThat(status()).isEqualTo("Finished");
        assertThat(text("run-result")).contains("Test accuracy");
        assertThat(queue.listenerCount()).isEqualTo(before);
    }

    @Test
    void says_that_early_stopping_ended_the_run_why_and_whose_weights_were_kept() {
        RunRecord run = queue.submit(TestRuns.overfitsFast(1));
        open(run.id());
        awaitUi(Duration.ofMinutes(2), () -> status().equals("Finished"));

        String progress = _get(Span.class, spec -> spec.withId("progress-text")).getText();
        assertThat(progress).matches("Done: stopped early at epoch \\d+ of 30\\.");
        assertThat(_get(ProgressBar.class, spec -> spec.withId("run-progress")).getValue()).isEqualTo(1.0);
        Span end = _get(Span.class, spec -> spec.withId("training-end"));
        assertThat(end.getElement().getAttribute("data-stopped-early")).isEqualTo("true");
        assertThat(end.getText()).matches("Stopped early after epoch \\d+ of 30: validation loss did not improve for 1"
                + " epoch after epoch \\d+ \\(patience 1\\)\\. .*").contains("the best epoch (restored");
        assertThat(occurrences(_get(LiveRunView.class), "validation loss did not improve"))
                .as("the stop reason is said once").isEqualTo(1);

        open(run.id()); // reopened from the store: the same words, the same full bar
        assertThat(_get(Span.class, spec -> spec.withId("progress-text")).getText()).isEqualTo(progress);
        assertThat(_get(Span.class, spec -> spec.withId("training-end")).getText()).isEqualTo(end.getText());
        assertThat(_get(ProgressBar.class, spec -> spec.withId("run-progress")).getValue()).isEqualTo(1.0);
        assertThat(occurrences(_get(LiveRunView.class), "validation loss did not improve")).isEqualTo(1);
    }

    /** How many of the page's texts say this (each text of a component counted once). */
    private static long occurrences(com.vaadin.flow.component.Component page, String words) {
        return page.getElement().getTextRecursively().split(java.util.regex.Pattern.quote(words), -1).length - 1L;
    }

    @Test
    void shows_a_validating_state_while_the_epoch_is_measured() {
        // 500 training images, 18,000 validation images: most of each epoch is validation.
        RunRecord run = queue.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).toBuilder().trainSubset(500)
                .validationFraction(0.3).epochs(2).name("validates").build());
        open(run.id());

        awaitUi(Duration.ofMinutes(2), () -> _get(Span.class, spec -> spec.withId("progress-text")).getText()
                .startsWith("Epoch 1/2 · Validating"));
        Span text = _get(Span.class, spec -> spec.withId("progress-text"));
        assertThat(text.getElement().getAttribute("data-phase")).isEqualTo("validating");
        assertThat(text.getText()).matches("Epoch 1/2 · Validating \\(.*\\) · batch \\d+/93 · .* images/s · ETA .*");
        assertThat(_get(LiveRunView.class).batchPointsShown()).as("validation adds no training-loss points")
                .isLessThanOrEqualTo(16);
    }

    @Test
    void cancel_stops_a_queued_run() throws InterruptedException {
        occupyTheQueue();
        RunRecord waiting = queue.submit(tinyMlp("to cancel", 1));
        open(waiting.id());

        _click(_get(Button.class, spec -> spec.withId("cancel-run")));

        awaitUi(Duration.ofSeconds(30), () -> status().equals("Cancelled"));
        assertThat(store.findById(waiting.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }

    private static String missing() {
        return _get(Paragraph.class, spec -> spec.withId("run-missing")).getText();
    }

    @Test
    void an_unknown_run_says_so_as_the_run_detail_does() {
        open(987_654_321L);

        assertThat(missing()).isEqualTo("Run 987654321 does not exist; it may have been deleted.");
    }

    @Test
    void a_url_that_names_no_run_id_gets_the_run_detail_pages_message_and_no_listener() {
        int before = queue.listenerCount();
        for (String notAnId : List.of("99999999999999999999", "abc", "0")) {
            UI.getCurrent().navigate("runs/" + notAnId + "/live");
            assertThat(missing()).as(notAnId).isEqualTo("'" + notAnId + "' is not a run id.");
            assertThat(queue.listenerCount()).as("no run to follow").isEqualTo(before);

            UI.getCurrent().navigate("runs/" + notAnId);
            assertThat(missing()).as(notAnId).isEqualTo("'" + notAnId + "' is not a run id.");
        }
    }
}
