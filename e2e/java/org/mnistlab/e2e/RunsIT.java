package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.mnistlab.TestRuns;
import org.junit.jupiter.api.TestMethodOrder;
import org.mnistlab.Application;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.e2e.pages.ComparePage;
import org.mnistlab.e2e.pages.RunDetailPage;
import org.mnistlab.e2e.pages.RunsPage;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunQueue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs store end to end: two tiny real runs (1,000 training images, 1 epoch, different settings) are
 * found in the grid, inspected, compared, exported and one is deleted, which must survive a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunsIT extends BrowserTest {

    private static final String NONCE = UUID.randomUUID().toString().substring(0, 6);
    private static final String NAME_A = "RunsIT A " + NONCE;
    private static final String NAME_B = "RunsIT B " + NONCE;
    private static RunRecord runA;
    private static RunRecord runB;

    @Autowired
    RunQueue queue;
    @Autowired
    RunStore store;
    @Autowired
    DatasetService datasets;
    @Autowired
    DataSource dataSource;

    /** Trains the two runs once, for all tests of this class. */
    @BeforeEach
    void logBrowserErrors() {
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                StringBuilder details = new StringBuilder();
                for (var arg : m.args()) {
                    try {
                        details.append(" | ").append(arg.evaluate("e => (e && typeof e === 'object') ? JSON.stringify({s: e.status, t: e.statusText, d: String(e.data), m: e.message, st: e.stack && e.stack.slice(0, 300)}) : String(e)"));
                    } catch (RuntimeException ignored) {
                        // a detached handle
                    }
                }
                System.out.println("RunsIT browser console: " + m.text() + details + " @ " + page.url());
            }
        });
        page.onPageError(e -> System.out.println("RunsIT page error: " + e));
    }

    @BeforeEach
    void trainTwoRuns() throws InterruptedException {
        if (runA != null) {
            return;
        }
        RunConfig a = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name(NAME_A).epochs(1)
                .trainSubset(1000).build();
        RunConfig b = a.toBuilder().name(NAME_B).hiddenLayers(List.of(64)).learningRate(0.01).batchSize(64).build();
        long start = System.nanoTime();
        long idA = queue.submit(a).id();
        long idB = queue.submit(b).id();
        runA = awaitFinished(idA);
        runB = awaitFinished(idB);
        System.out.printf("RunsIT: two 1-epoch runs on 1,000 images trained in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    private RunRecord awaitFinished(long id) {
        RunRecord r = new TestRuns(queue, store).awaitEnd(id);
        assertThat(r.status()).as("run %d ended with %s", id, r.errorMessage()).isEqualTo(RunStatus.FINISHED);
        return r;
    }

    @Test
    @Order(1)
    void finds_both_runs_in_the_grid() {
        RunsPage runs = new RunsPage(page).open(base());
        runs.search(NONCE);
        runs.waitForRun(NAME_A).waitForRun(NAME_B);
        assertThat(runs.runLinks()).hasCount(2);
        runs.search(NAME_B);
        assertThat(runs.runLinks()).hasCount(1);
        assertThat(runs.runLink(NAME_B)).isVisible();
    }

    @Test
    @Order(2)
    void confusion_cell_shows_the_images_of_that_true_and_predicted_pair() {
        RunsPage runs = new RunsPage(page).open(base());
        runs.search(NAME_A).waitForRun(NAME_A).openRun(NAME_A);
        RunDetailPage detail = new RunDetailPage(page);
        assertThat(detail.name()).hasText(NAME_A);
        assertThat(page).hasURL(url("/runs/" + runA.id()));
        screenshot("detail-top");

        RunDetailPage.Cell cell = detail.largestErrorCell();
        assertThat(cell.count()).as("a 1-epoch MLP on 1,000 images makes mistakes").isPositive();
        detail.clickCell(cell.actual(), cell.predicted());
        assertThat(detail.cellTiles()).hasCount(Math.min(cell.count(), 100));
        LabeledImages test = datasets.samples(DatasetKind.MNIST, Split.TEST);
        for (var tile : detail.cellTiles().all()) {
            assertThat(tile.getAttribute("data-true")).isEqualTo(String.valueOf(cell.actual()));
            assertThat(tile.getAttribute("data-predicted")).isEqualTo(String.valueOf(cell.predicted()));
            int index = Integer.parseInt(tile.getAttribute("data-test-index"));
            assertThat(test.label(index)).as("true label of test image %d", index).isEqualTo(cell.actual());
        }
        assertThat(detail.misclassifiedTiles()).hasCount(100);
        screenshot("detail-cell");

        detail.chooseCellByKeyboard(cell.actual(), cell.actual());
        assertThat(detail.selectedCell()).hasCount(1);
        assertThat(detail.selectedCell()).hasAttribute("id", "cm-" + cell.actual() + "-" + cell.actual());
        assertThat(detail.selectedCell()).isFocused();
    }

    /**
     * On a page load the run's first screen (summary, curves, matrix) is in the page before its second part (the
     * misclassified images) is even asked for: the second request must not hold up the first screen. It did:
     * sent before the router had put the view into the page, it made the client's connect request wait behind it.
     */
    @Test
    @Order(3)
    void a_loaded_run_page_shows_its_matrix_before_asking_for_the_images_below() {
        page.addInitScript("""
                new MutationObserver((changes, observer) => {
                  if (document.querySelectorAll('#confusion-matrix .cm-cell').length >= 100) {
                    window.misclassifiedWhenMatrixShown = document.querySelectorAll('#misclassified .digit-tile').length;
                    observer.disconnect();
                  }
                }).observe(document, { subtree: true, childList: true });""");
        page.navigate(url("/runs/" + runA.id()));
        RunDetailPage detail = new RunDetailPage(page);
        assertThat(detail.misclassifiedTiles()).hasCount(100);
        Object tilesAtFirstScreen = page.evaluate("() => window.misclassifiedWhenMatrixShown ?? -1");
        assertThat(((Number) tilesAtFirstScreen).intValue())
                .as("misclassified images already there when the matrix first appeared (-1: never seen)").isZero();
    }

    @Test
    @Order(3)
    void compare_overlays_both_curves_and_shows_the_differing_settings() {
        RunsPage runs = new RunsPage(page).open(base());
        runs.search(NONCE).waitForRun(NAME_A).waitForRun(NAME_B);
        runs.select(NAME_A).select(NAME_B).compare();
        assertThat(page).hasURL(url("/compare?runs=" + runA.id() + "," + runB.id()));

        ComparePage compare = new ComparePage(page);
        String labelA = "#" + runA.id() + " " + NAME_A;
        String labelB = "#" + runB.id() + " " + NAME_B;
        assertThat(compare.datasetLabels("compare-loss-chart")).containsExactly(labelA + " · train",
                labelA + " · validation", labelB + " · train", labelB + " · validation");
        assertThat(compare.datasetLabels("compare-accuracy-chart")).hasSize(4);
        assertThat(compare.pointsDrawn("compare-loss-chart", labelB + " · validation")).isEqualTo(1);
        assertThat(compare.settingRows()).containsExactly("Hidden layers", "Learning rate", "Batch size");
        compare.showAllSettings(true);
        assertThat(page.locator("#config-diff span[data-key]").first()).hasText("Dataset");
        assertThat(compare.settingRows()).hasSizeGreaterThan(20).contains("Seed", "Learning rate");
        screenshot("compare");
    }

    @Test
    @Order(4)
    void exports_the_metrics_as_csv_and_downloads_the_model() throws Exception {
        RunDetailPage detail = new RunDetailPage(page).open(base(), runA.id());
        Download download = detail.exportCsv();
        assertThat(download.suggestedFilename()).startsWith("run-" + runA.id()).endsWith("-metrics.csv");
        List<String> lines = Files.readAllLines(download.path());
        assertThat(lines.get(0)).startsWith("run_id,epoch,train_loss,train_accuracy,validation_loss");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(runA.id() + ",1,");

        Download model = detail.downloadModel();
        assertThat(model.suggestedFilename()).isEqualTo("run-" + runA.id() + "-runsit-a-" + NONCE + "-model.zip");
        byte[] zip = Files.readAllBytes(model.path());
        assertThat(zip.length).isEqualTo(Files.size(store.modelFile(runA.id()).orElseThrow()));
        assertThat(new String(zip, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
    }

    @Test
    @Order(5)
    void a_deleted_run_is_gone_from_h2_after_a_restart() throws Exception {
        Optional<Path> modelB = store.modelFile(runB.id());
        new RunDetailPage(page).open(base(), runB.id()).delete();
        RunsPage runs = new RunsPage(page);
        runs.search(NONCE).waitForRun(NAME_A);
        assertThat(runs.runLinks()).hasCount(1);
        assertThat(runs.runLink(NAME_B)).hasCount(0);
        modelB.ifPresent(path -> assertThat(path).doesNotExist());

        // "Restart": a second app instance opens a consistent copy of this app's H2 database from disk
        // (H2's BACKUP), since the shared test app itself cannot be stopped mid-suite.
        Path dataDir = Files.createTempDirectory(Path.of("target"), "runs-it-restart-");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + dataDir.resolve("backup.zip").toAbsolutePath() + "'");
        }
        unzip(dataDir.resolve("backup.zip"), dataDir);
        // Leave the shared app's page first, and give the second app its own session cookie: cookies ignore the
        // port, so a late request of the old page would otherwise replace the second app's log-in cookie.
        page.navigate("about:blank");
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--mnistlab.data-dir=" + dataDir.toAbsolutePath(),
                        "--server.servlet.session.cookie.name=RESTARTED_SESSION")) {
            String restartedBase = "http://localhost:" + restarted.getEnvironment().getProperty("local.server.port");
            logIn(page.context(), restartedBase, "admin", ADMIN_PASSWORD); // sessions do not survive a restart
            RunsPage after = new RunsPage(page).open(restartedBase);
            after.search(NONCE).waitForRun(NAME_A);
            assertThat(after.runLinks()).hasCount(1);
            assertThat(after.runLink(NAME_B)).hasCount(0);
            screenshot("after-restart");

            RunStore restartedHistory = restarted.getBean(RunStore.class);
            assertThat(restartedHistory.findById(runB.id())).isEmpty();
            assertThat(restartedHistory.findById(runA.id())).isPresent();
            String jdbcUrl = restarted.getEnvironment().getProperty("spring.datasource.url");
            assertThat(jdbcUrl).contains(dataDir.getFileName().toString());
            try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "")) {
                for (String table : List.of("runs WHERE id", "epoch_metrics WHERE run_id",
                        "evaluation WHERE run_id", "class_metrics WHERE run_id", "misclassified WHERE run_id")) {
                    assertThat(count(c, "SELECT COUNT(*) FROM " + table + " = ?", runB.id())).as(table).isZero();
                }
                assertThat(count(c, "SELECT COUNT(*) FROM epoch_metrics WHERE run_id = ?", runA.id())).isEqualTo(1);
            }
            page.navigate("about:blank"); // leave before the second app stops
        }
    }

    private static void unzip(Path zip, Path into) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Files.copy(in, into.resolve(Path.of(e.getName()).getFileName()));
            }
        }
    }

    private static int count(Connection c, String sql, long id) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
