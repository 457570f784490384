package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.router.RouterLink;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.ImageCounts;
import org.mnistlab.training.Misclassified;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunStatus;

class RunDetailViewTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();


    private LabeledImages test;
    private Evaluation evaluation;
    private long runId;

    @BeforeEach
    void seedAnEvaluatedRun() {
        test = datasets.samples(DatasetKind.MNIST, Split.TEST);
        evaluation = RunSeeder.evaluation(test, 250, 7);
        RunConfig config = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name("detail run")
                .epochs(4).trainSubset(1000).build();
        runId = seeder.finished(config, RunSeeder.T0, 101_770, RunSeeder.epochs(4, 0.975), evaluation);
    }

    private RunDetailView open(long id) {
        UI.getCurrent().navigate("runs/" + id);
        return _get(RunDetailView.class);
    }

    private static List<DigitTile> tiles(String containerId) {
        return _find(_get(Div.class, spec -> spec.withId(containerId)), DigitTile.class);
    }

    /** Epochs from rows of (train loss, train accuracy, validation loss, validation accuracy). */
    private static List<EpochMetrics> curve(double[][] rows) {
        List<EpochMetrics> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            epochs.add(new EpochMetrics(i + 1, rows[i][0], rows[i][1], rows[i][2], rows[i][3], 0.001, 1000, 1000));
        }
        return epochs;
    }

    private static JsonNode lossDatasets() throws Exception {
        return new ObjectMapper().readTree(_get(ChartJs.class, spec -> spec.withId("loss-chart")).getConfigJson())
                .get("data").get("datasets");
    }

    /** A click (or key) on a cell as Vaadin's client reports it: the event data the matrix asks for. */
    private static void chooseCell(String event, int actual, int predicted) {
        ConfusionMatrix matrix = _get(ConfusionMatrix.class);
        JsonObject data = Json.createObject();
        data.put(ConfusionMatrix.ACTUAL, actual);
        data.put(ConfusionMatrix.PREDICTED, predicted);
        data.put("event.key === 'Enter'", true);
        _fireDomEvent(matrix.getElement(), new DomEvent(matrix.getElement(), event, data));
    }

    private static int attr(DigitTile tile, String name) {
        return Integer.parseInt(tile.getElement().getAttribute(name));
    }

    @Test
    void shows_name_status_summary_and_reproducibility() {
        RunDetailView view = open(runId);

        assertThat(_get(H2.class, spec -> spec.withId("run-name")).getText()).isEqualTo("detail run");
        assertThat(_get(Span.class, spec -> spec.withId("run-status")).getText()).isEqualTo("Finished");
        assertThat(_get(Span.class, spec -> spec.withId("stat-test-accuracy")).getText()).isEqualTo("97.50 %");
        assertThat(_get(Span.class, spec -> spec.withId("stat-epochs")).getText()).isEqualTo("4 / 4");
        String card = Jsoup.parseBodyFragment(_get(ReproducibilityCard.class).getContent()
                .map(c -> ((Html) c).getInnerHtml()).findFirst().orElseThrow()).text();
        assertThat(card).contains("Seed: 42", "Learning rate: 0.001", "Training subset: 1000",
                "dl4j: 1.0.0-M2.1", "backend: CPU (seeded)", "t10k-images-idx3-ubyte.gz: 9fb629c4189551a2d022fa330f9573f3");
        assertThat(view.getPageTitle()).isEqualTo("detail run · MNIST Lab");
    }

    @Test
    void shows_the_images_the_run_really_trained_and_validated_on() {
        open(runId);
        assertThat(_get(Span.class, spec -> spec.withId("stat-images")).getText())
                .as("not recorded: what the settings asked for").isEqualTo("subset of 1,000 training images");

        store.recordImages(runId, new ImageCounts(1000, 6000));
        open(runId);

        assertThat(_get(Span.class, spec -> spec.withId("stat-images")).getText())
                .isEqualTo("1,000 training · 6,000 validation images");
    }

    @Test
    void curves_show_train_and_validation_with_the_best_epoch() throws Exception {
        open(runId);

        JsonNode loss = new ObjectMapper().readTree(_get(ChartJs.class, spec -> spec.withId("loss-chart")).getConfigJson());
        JsonNode sets = loss.get("data").get("datasets");
        assertThat(sets.get(0).get("label").asText()).isEqualTo("Train loss");
        assertThat(sets.get(0).get("borderDash")).isNotNull();
        assertThat(sets.get(1).get("label").asText()).isEqualTo("Validation loss");
        assertThat(sets.get(1).get("data")).hasSize(4);
        assertThat(sets.get(2).get("label").asText()).isEqualTo("Best epoch 4");
        assertThat(sets.get(2).get("data").get(3).isNumber()).isTrue();
        assertThat(sets.get(2).get("data").get(0).isNull()).isTrue();
        assertThat(sets).hasSize(3);
        assertThat(_get(Paragraph.class, spec -> spec.withId("overfitting-summary")).getText())
                .startsWith("No sign of overfitting: validation loss is still falling");
        JsonNode accuracy = new ObjectMapper().readTree(
                _get(ChartJs.class, spec -> spec.withId("accuracy-chart")).getConfigJson());
        assertThat(accuracy.get("data").get("datasets").get(1).get("data").get(3).asDouble()).isEqualTo(97.5);
    }

    @Test
    void marks_where_overfitting_began_and_says_why() throws Exception {
        List<EpochMetrics> overfit = curve(new double[][] {
                {0.60, 0.85, 0.50, 0.86}, {0.30, 0.92, 0.30, 0.91}, {0.20, 0.95, 0.35, 0.905}, {0.10, 0.98, 0.45, 0.90}});
        long id = seeder.finished(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name("overfit")
                .epochs(4).build(), RunSeeder.T0.plusSeconds(5), 101_770, overfit, null);
        open(id);

        JsonNode sets = lossDatasets();
        assertThat(sets.get(2).get("label").asText()).isEqualTo("Best epoch 2");
        assertThat(sets.get(2).get("data").get(1).asDouble()).isEqualTo(0.30);
        // Two epochs without improvement on epoch 2 while training loss falls: called at epoch 4.
        assertThat(sets.get(3).get("label").asText()).isEqualTo("Overfitting called at epoch 4");
        assertThat(sets.get(3).get("data").get(3).asDouble()).isEqualTo(0.45);
        assertThat(_get(Paragraph.class, spec -> spec.withId("overfitting-summary")).getText())
                .isEqualTo("Overfitting since epoch 4: validation loss rose for 2 epochs since its best at epoch 2"
                        + " (0.300 → 0.450) while training loss kept falling (0.300 → 0.100); validation accuracy"
                        + " fell from 91.00 % to 90.00 %.");
    }

    @Test
    void a_run_with_label_smoothing_says_why_its_losses_read_higher_and_one_without_says_nothing() {
        long id = seeder.finished(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name("smoothed")
                .labelSmoothing(0.1).epochs(3).build(), RunSeeder.T0.plusSeconds(5), 101_770, RunSeeder.epochs(3, 0.97),
                null);
        open(id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("label-smoothing-note")).getText())
                .isEqualTo("Label smoothing 0.1: the training targets were 0.91 for the true class and 0.01 for each"
                        + " other, so the network learns to stop near 91 % confidence. The losses above are measured"
                        + " against the true class alone, as for every run, so they stay higher than without"
                        + " smoothing even where accuracy is higher: compare such runs by accuracy.");

        open(runId);
        assertThat(_find(Paragraph.class, spec -> spec.withId("label-smoothing-note"))).isEmpty();
    }

    @Test
    void a_big_accuracy_gap_while_validation_loss_falls_is_shown_as_a_gap_not_as_overfitting() throws Exception {
        // An MLP (hidden 512) on 1,000 images: training accuracy 6 to 12 points ahead, validation loss falling.
        List<EpochMetrics> improving = curve(new double[][] {
                {0.620, 0.860, 0.710, 0.800}, {0.310, 0.920, 0.520, 0.850}, {0.180, 0.960, 0.470, 0.860},
                {0.100, 0.985, 0.450, 0.870}});
        long id = seeder.finished(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name("gap")
                .hiddenLayers(List.of(512)).learningRate(0.01).trainSubset(1000).epochs(4).build(),
                RunSeeder.T0.plusSeconds(5), 407_050, improving, null);
        open(id);

        JsonNode sets = lossDatasets();
        assertThat(sets).as("train, validation, best epoch; no overfitting mark").hasSize(3);
        Paragraph verdict = _get(Paragraph.class, spec -> spec.withId("overfitting-summary"));
        assertThat(verdict.getElement().getAttribute("data-overfitting")).isEqualTo("false");
        assertThat(_get(Paragraph.class, spec -> spec.withId("generalization-gap")).getText())
                .isEqualTo("Generalization gap at epoch 4: training accuracy 11.5 points above validation accuracy,"
                        + " training loss 0.350 below validation loss.");
    }

    @Test
    void says_that_early_stopping_ended_the_run_and_whose_weights_the_test_evaluation_used() {
        List<EpochMetrics> epochs = new java.util.ArrayList<>(RunSeeder.epochs(3, 0.975));
        epochs.add(new EpochMetrics(4, 0.15, 0.985, 0.35, 0.97, 0.001, 2004, 1500)); // worse than epoch 3
        long id = seeder.finished(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name("early")
                .epochs(15).earlyStoppingPatience(1).build(), RunSeeder.T0.plusSeconds(5), 101_770, epochs, null,
                true, true);
        open(id);

        assertThat(_get(Span.class, spec -> spec.withId("stat-epochs")).getText()).isEqualTo("4 / 15 (stopped early)");
        Div message = _get(Div.class, spec -> spec.withId("run-message"));
        assertThat(message.getElement().getAttribute("data-stopped-early")).isEqualTo("true");
        assertThat(message.getElement().getTextRecursively()).startsWith("Stopped early after epoch 4 of 15:"
                + " validation loss did not improve for 1 epoch after epoch 3 (patience 1). Test evaluation and"
                + " model file: weights of epoch 3, the best epoch (restored after training to epoch 4).");
    }

    @Test
    void clicking_an_error_cell_shows_exactly_the_images_of_that_pair() {
        open(runId);
        Misclassified sample = evaluation.misclassified().get(0);
        int actual = sample.trueLabel();
        int predicted = sample.predictedLabel();
        int count = evaluation.confusion()[actual][predicted];

        chooseCell("click", actual, predicted);

        assertThat(_get(Div.class, spec -> spec.withId("cell-images")).getElement().getTextRecursively())
                .contains("True " + actual + ", predicted " + predicted + ": " + count + " images");
        List<DigitTile> shown = tiles("cell-images");
        assertThat(shown).hasSize(count);
        for (DigitTile tile : shown) {
            assertThat(attr(tile, "data-true")).isEqualTo(actual);
            assertThat(attr(tile, "data-predicted")).isEqualTo(predicted);
            assertThat(test.label(attr(tile, "data-test-index"))).isEqualTo(actual);
        }
    }

    @Test
    void clicking_a_diagonal_cell_shows_correctly_classified_images_of_that_class() {
        open(runId);

        chooseCell("click", 3, 3);

        List<DigitTile> shown = tiles("cell-images");
        assertThat(shown).hasSize(EvaluationPanel.PAGE);
        List<Integer> wrong = evaluation.misclassified().stream().map(Misclassified::testIndex).toList();
        for (DigitTile tile : shown) {
            int index = attr(tile, "data-test-index");
            assertThat(test.label(index)).isEqualTo(3);
            assertThat(wrong).doesNotContain(index);
        }
    }

    @Test
    void the_matrix_shows_every_count_and_marks_the_chosen_cell() {
        open(runId);
        Misclassified sample = evaluation.misclassified().get(0);

        chooseCell("click", sample.trueLabel(), sample.predictedLabel());

        Document cells = Jsoup.parseBodyFragment(_get(ConfusionMatrix.class).cellsHtml());
        assertThat(cells.select(".cm-cell")).hasSize(100);
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                org.jsoup.nodes.Element cell = cells.getElementById("cm-" + a + "-" + p);
                assertThat(cell.text()).isEqualTo(String.valueOf(evaluation.confusion()[a][p]));
                assertThat(cell.attr("title")).startsWith("True " + a + ", predicted " + p + ": ");
                assertThat(cell.hasClass("selected"))
                        .isEqualTo(a == sample.trueLabel() && p == sample.predictedLabel());
            }
        }
    }

    @Test
    void enter_on_a_cell_chooses_it_and_a_click_beside_the_cells_does_nothing() {
        open(runId);

        chooseCell("click", -1, -1);
        assertThat(_find(H4.class, spec -> spec.withId("cell-images-title"))).isEmpty();

        chooseCell("keydown", 3, 3);
        assertThat(_get(H4.class, spec -> spec.withId("cell-images-title")).getText())
                .startsWith("True 3, predicted 3: ");
    }

    @Test
    void gallery_shows_the_most_confidently_wrong_first_in_pages_of_100() {
        open(runId);

        List<DigitTile> first = tiles("misclassified");
        assertThat(first).hasSize(100);
        double previous = 2;
        for (DigitTile tile : first) {
            double confidence = Double.parseDouble(tile.getElement().getAttribute("data-confidence"));
            assertThat(confidence).isLessThanOrEqualTo(previous);
            previous = confidence;
        }
        assertThat(attr(first.get(0), "data-test-index")).isEqualTo(evaluation.misclassified().get(0).testIndex());

        Button more = _get(Button.class, spec -> spec.withId("more-misclassified"));
        assertThat(more.getText()).isEqualTo("Show 100 more (150 left)");
        _click(more);
        _click(more);
        assertThat(tiles("misclassified")).hasSize(250);
        assertThat(more.isVisible()).isFalse();
    }

    @Test
    void per_class_table_has_precision_recall_and_f1_of_every_class() {
        open(runId);

        @SuppressWarnings("unchecked")
        Grid<org.mnistlab.training.ClassMetrics> grid = _get(Grid.class, spec -> spec.withId("per-class"));
        assertThat(GridKt._size(grid)).isEqualTo(10);
        var seven = evaluation.perClass().get(7);
        assertThat(GridKt._getFormattedRow(grid, 7)).containsExactly("7",
                String.format(java.util.Locale.ROOT, "%.3f", seven.precision()),
                String.format(java.util.Locale.ROOT, "%.3f", seven.recall()),
                String.format(java.util.Locale.ROOT, "%.3f", seven.f1()), String.valueOf(seven.support()));
    }

    @Test
    void exports_csv_and_json_downloads() throws Exception {
        open(runId);

        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(5).first().asString().startsWith("run_id,epoch,train_loss");
        JsonNode json = new ObjectMapper().readTree(DownloadKt._download(
                _get(Anchor.class, spec -> spec.withId("export-json"))));
        assertThat(json.get("run").get("id").asLong()).isEqualTo(runId);
        assertThat(json.get("evaluation").get("misclassified")).hasSize(250);
    }

    @Test
    void clone_opens_the_configurator_with_this_run() {
        open(runId);

        _click(_get(Button.class, spec -> spec.withId("clone")));

        var location = UI.getCurrent().getInternals().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("train");
        assertThat(location.getQueryParameters().getSingleParameter("from")).contains(String.valueOf(runId));
    }

    @Test
    void renames_the_run_and_rejects_a_blank_name() {
        open(runId);
        _click(_get(Button.class, spec -> spec.withId("rename")));
        RenameDialog dialog = _get(RenameDialog.class);

        _setValue(dialog.name, "   ");
        _click(dialog.save);
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter a name");
        assertThat(store.findById(runId).orElseThrow().name()).isEqualTo("detail run");

        _setValue(dialog.name, "renamed run");
        _click(dialog.save);
        assertThat(store.findById(runId).orElseThrow().name()).isEqualTo("renamed run");
        assertThat(_get(H2.class, spec -> spec.withId("run-name")).getText()).isEqualTo("renamed run");
    }

    @Test
    void deletes_after_confirmation_and_returns_to_the_grid() {
        open(runId);
        _click(_get(Button.class, spec -> spec.withId("delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Delete \"detail run\"?");
        assertThat(store.findById(runId)).isPresent();

        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(store.findById(runId)).isEmpty();
        assertThat(store.epochs(runId)).isEmpty();
        assertThat(store.evaluation(runId)).isEmpty();
        _get(RunsView.class);
    }

    @Test
    void a_failed_run_shows_its_message_and_can_be_deleted_or_rerun() {
        RunConfig config = RunConfig.defaults(Architecture.LOGISTIC, DatasetKind.MNIST).toBuilder().name("broken")
                .epochs(1).trainSubset(100).build();
        long failed = seeder.failed(config, RunSeeder.T0.plusSeconds(60), "Out of memory");
        open(failed);

        assertThat(_get(Div.class, spec -> spec.withId("run-message")).getElement().getTextRecursively())
                .isEqualTo("This run failed: Out of memory");
        assertThat(_get(Button.class, spec -> spec.withId("delete")).isEnabled()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withText("This run has no test-set evaluation."))).isNotNull();

        _click(_get(Button.class, spec -> spec.withId("rerun")));

        var rerun = store.find(new org.mnistlab.training.RunFilter(null, null, null, "broken"),
                org.mnistlab.training.RunSort.NEWEST_FIRST, 0, 10);
        assertThat(rerun).hasSize(2);
        assertThat(rerun.get(0).id()).isNotEqualTo(failed);
        assertThat(rerun.get(0).name()).as("told apart from its source").isEqualTo("broken (re-run of #" + failed + ")");
        assertThat(rerun.get(0).config()).isEqualTo(config.toBuilder().name(rerun.get(0).name()).build());
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .as("re-run opens the live dashboard").isEqualTo("runs/" + rerun.get(0).id() + "/live");
        queue.cancel(rerun.get(0).id());
    }

    @Test
    void a_running_run_links_to_the_live_dashboard_and_cannot_be_deleted() {
        RunConfig config = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name("still going").build();
        long running = seeder.running(config, RunSeeder.T0, RunSeeder.epochs(2, 0.95));
        open(running);

        assertThat(_get(RouterLink.class, spec -> spec.withId("live-link")).getHref()).isEqualTo("runs/" + running + "/live");
        assertThat(_get(Button.class, spec -> spec.withId("delete")).isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("run-status")).getText()).isEqualTo("Running");
        assertThat(store.findById(running).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void unknown_or_malformed_ids_get_a_message() {
        open(987_654);
        assertThat(_get(Paragraph.class, spec -> spec.withId("run-missing")).getText())
                .isEqualTo("Run 987654 does not exist; it may have been deleted.");

        UI.getCurrent().navigate("runs/abc");
        assertThat(_get(Paragraph.class, spec -> spec.withId("run-missing")).getText())
                .isEqualTo("'abc' is not a run id.");
    }

    @Test
    void leaves_no_training_listener_behind_when_closed() {
        int before = queue.listenerCount();
        open(runId);
        assertThat(queue.listenerCount()).isEqualTo(before + 1);

        UI.getCurrent().navigate("compare");

        assertThat(queue.listenerCount()).isEqualTo(before);
    }
}
