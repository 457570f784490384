package org.mnistlab.dataset.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mnistlab.SpringAppTest.awaitUi;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetDownloader;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LocalMirror;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * What a user sees while a dataset loads or when it cannot be used: progress, then the content; or the
 * file and the problem, with a retry. Runs on its own datasets folders, without Spring.
 */
class DatasetStatusPanelTest {

    static final Path REAL = Path.of(System.getProperty("mnistlab.datasets-dir", "../shared/datasets"));

    @TempDir
    Path dir;

    private final UiPushScheduler pushScheduler = new UiPushScheduler();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        pushScheduler.destroy();
    }

    private DatasetStatusPanel panel(Path datasetsDir) {
        DatasetService service = new DatasetService(new MnistLabProperties(dir, datasetsDir, false, 1),
                new DatasetDownloader(), new SimpleAsyncTaskExecutor());
        DatasetStatusPanel panel = new DatasetStatusPanel(service, pushScheduler);
        UI.getCurrent().add(panel);
        return panel;
    }

    @Test
    void a_missing_dataset_names_the_file_and_offers_a_retry() throws Exception {
        DatasetStatusPanel panel = panel(dir.resolve("datasets"));
        AtomicInteger ready = new AtomicInteger();
        panel.await(DatasetKind.FASHION_MNIST, ready::incrementAndGet);

        awaitUi(Duration.ofSeconds(30), () -> !_find(Button.class, s -> s.withId("dataset-retry")).isEmpty());
        Button retry = _get(Button.class, s -> s.withId("dataset-retry"));
        String message = _get(Span.class, s -> s.withId("dataset-status-message")).getText();
        assertThat(message).contains("Fashion-MNIST is not available")
                .contains("fashion-mnist/train-images-idx3-ubyte.gz: file is missing")
                .doesNotContain(dir.toString()); // the server's paths are not the browser's business
        assertThat(panel.isVisible()).isTrue();
        assertThat(ready).hasValue(0);

        // The user drops a wrong file in and retries: the new problem is shown.
        Files.createDirectories(dir.resolve("datasets/fashion-mnist"));
        for (String file : DatasetKind.FASHION_MNIST.fileNames()) {
            Files.write(dir.resolve("datasets/fashion-mnist").resolve(file), new byte[] {1, 2, 3});
        }
        _click(retry);
        awaitUi(Duration.ofSeconds(30), () -> retry.isVisible()
                && _get(Span.class, s -> s.withId("dataset-status-message")).getText().contains("not a gzip file"));
        assertThat(ready).hasValue(0);
    }

    @Test
    void shows_progress_while_loading_then_runs_the_content() throws Exception {
        DatasetStatusPanel panel = panel(REAL);
        AtomicInteger ready = new AtomicInteger();
        panel.await(DatasetKind.MNIST, ready::incrementAndGet);

        assertThat(panel.isVisible()).isTrue();
        assertThat(_get(ProgressBar.class).isVisible()).isTrue();
        assertThat(_get(Span.class, s -> s.withId("dataset-status-message")).getText()).contains("MNIST");
        awaitUi(Duration.ofSeconds(30), () -> ready.get() == 1);
        assertThat(panel.isVisible()).isFalse();

        panel.await(DatasetKind.MNIST, ready::incrementAndGet); // in memory now: at once, no round trip
        assertThat(ready).hasValue(2);
    }

    @Test
    void shows_download_progress_from_the_mirror() throws Exception {
        try (LocalMirror mirror = new LocalMirror(REAL.resolve("mnist"), 3)) {
            DatasetService service = new DatasetService(new MnistLabProperties(dir, dir.resolve("datasets"), true, 1),
                    mirror.downloader(), new SimpleAsyncTaskExecutor());
            DatasetStatusPanel panel = new DatasetStatusPanel(service, pushScheduler);
            UI.getCurrent().add(panel);
            AtomicInteger ready = new AtomicInteger();
            panel.await(DatasetKind.MNIST, ready::incrementAndGet);

            ProgressBar bar = (ProgressBar) panel.getChildren().filter(ProgressBar.class::isInstance).findFirst().orElseThrow();
            Span message = (Span) panel.getChildren().filter(Span.class::isInstance).findFirst().orElseThrow();
            awaitUi(Duration.ofSeconds(30), () -> message.getText().contains("Downloading train-images-idx3-ubyte.gz (1 of 4)")
                    && !bar.isIndeterminate() && bar.getValue() > 0.1 && bar.getValue() < 1);
            awaitUi(Duration.ofSeconds(30), () -> ready.get() == 1);
            assertThat(panel.isVisible()).isFalse();
        }
    }

}
