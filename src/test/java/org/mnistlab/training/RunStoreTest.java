package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.TaskExecutors;
import org.mnistlab.dataset.DatasetKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class RunStoreTest extends SpringAppTest {

    @RegisterExtension
    final RecordedEvents events = new RecordedEvents();

    @Autowired
    MnistLabProperties properties;
    @Autowired
    Trainer trainer;
    @Autowired
    @Qualifier(TaskExecutors.TRAINING)
    ThreadPoolTaskExecutor trainingExecutor;
    @Autowired
    ModelCatalog catalog;
    @Autowired
    BackendInfo backend;

    @Test
    void a_run_goes_from_queued_through_running_to_finished_and_stores_everything() throws Exception {
        RunConfig config = TestRuns.quick(Architecture.LOGISTIC, 1_000, 2);
        RunRecord queued = queue.submit(config);
        assertThat(queued.status()).isIn(RunStatus.QUEUED, RunStatus.RUNNING);
        assertThat(queued.parameterCount()).isEqualTo(7_850);
        assertThat(queued.name()).isEqualTo("test logistic");

        RunEvent end = events.awaitEnd(queued.id());
        assertThat(end).isInstanceOf(RunEvent.Finished.class);
        List<String> kinds = events.all().stream().filter(e -> e.runId() == queued.id())
                .map(e -> e.getClass().getSimpleName()).distinct().toList();
        assertThat(kinds).startsWith("Queued", "Started").contains("EpochFinished").endsWith("Finished");

        RunRecord done = store.findById(queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.config()).isEqualTo(config);
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.epochsDone()).isEqualTo(2);
        assertThat(done.bestEpoch()).isBetween(1, 2);
        assertThat(done.testAccuracy()).isGreaterThan(0.7);
        assertThat(done.softwareVersions()).containsKeys("java", "dl4j", "nd4j", "backend");
        assertThat(done.softwareVersions().get("dl4j")).isEqualTo("1.0.0-M2.1");
        assertThat(done.datasetChecksums()).containsEntry("train-images-idx3-ubyte.gz",
                "f68b3c2dcbeaaa9fbdd348bbdeb94873");

        List<EpochMetrics> epochs = store.epochs(done.id());
        assertThat(epochs).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(epochs.get(1).validationAccuracy()).isBetween(0.5, 1.0);

        Evaluation evaluation = store.evaluation(done.id()).orElseThrow();
        assertThat(evaluation.accuracy()).isEqualTo(done.testAccuracy());
        int total = 0;
        for (int[] row : evaluation.confusion()) {
            for (int count : row) {
                total += count;
            }
        }
        assertThat(total).isEqualTo(10_000);
        assertThat(evaluation.perClass()).hasSize(10);
        assertThat(evaluation.perClass().stream().mapToInt(ClassMetrics::support).sum()).isEqualTo(10_000);
        assertThat(evaluation.misclassified()).hasSize((int) Math.round((1 - evaluation.accuracy()) * 10_000));
        assertThat(evaluation.misclassified()).isSortedAccordingTo(
                (a, b) -> Double.compare(b.confidence(), a.confidence()));
        Misclassified first = evaluation.misclassified().get(0);
        assertThat(first.predictedLabel()).isNotEqualTo(first.trueLabel());
        assertThat(datasets.samples(DatasetKind.MNIST, org.mnistlab.dataset.Split.TEST).label(first.testIndex()))
                .isEqualTo(first.trueLabel());

        Path model = store.modelFile(done.id()).orElseThrow();
        assertThat(model).isRegularFile().hasFileName("run-" + done.id() + ".zip");
        assertThat(store.finishedWithModel()).extracting(RunRecord::id).contains(done.id());
        try (var files = Files.list(model.getParent())) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
        }
    }

    @Test
    void a_config_stored_before_label_smoothing_existed_reads_back_without_it() throws Exception {
        RunConfig config = TestRuns.quick(Architecture.MLP, 1_000, 2);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(store.toJson(config));
        assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("labelSmoothing")).isNotNull();

        assertThat(store.fromJson(json.toString(), RunConfig.class)).isEqualTo(config);
        assertThat(store.fromJson(store.toJson(config.toBuilder().labelSmoothing(0.1).build()), RunConfig.class)
                .labelSmoothing()).isEqualTo(0.1);
    }

    @Test
    void invalid_configs_are_rejected_with_every_problem_and_nothing_is_stored() {
        int before = store.count(RunFilter.ALL);
        RunConfig bad = TestRuns.quick(Architecture.MLP, 1_000, 0).toBuilder().trainSubset(5).build();
        assertThatThrownBy(() -> queue.submit(bad))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::setting).containsExactlyInAnyOrder(RunSetting.EPOCHS, RunSetting.TRAIN_SUBSET));
        assertThat(store.count(RunFilter.ALL)).isEqualTo(before);
    }

    @Test
    void runs_left_active_by_a_killed_server_are_marked_interrupted_at_startup_keeping_their_epochs()
            throws Exception {
        RunConfig config = TestRuns.quick(Architecture.MLP, 1_000, 5);
        Instant startedBeforeTheCrash = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        long running = store.insertQueued(config, 101_770, startedBeforeTheCrash);
        store.markRunning(running, startedBeforeTheCrash, Map.of("java", "17"), Map.of());
        store.insertEpoch(running, new EpochMetrics(1, 0.5, 0.85, 0.45, 0.87, 0.001, 1200, 900), 1, 0.87);
        store.insertEpoch(running, new EpochMetrics(2, 0.4, 0.88, 0.42, 0.88, 0.001, 1100, 950), 2, 0.88);
        long queued = store.insertQueued(config, 101_770, Instant.now());

        // The "crash": nothing ends these runs, a model save was cut short; a new service instance starts.
        Files.createDirectories(properties.modelsDir());
        Path halfWritten = Files.createFile(properties.modelsDir().resolve("run-" + running + "-77.zip.tmp"));
        new RunQueue(store, trainer, catalog, datasets, backend, properties, trainingExecutor, true);

        RunRecord interrupted = store.findById(running).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
        // It ended with its last finished epoch, not when the server came back two hours later.
        assertThat(interrupted.duration()).isEqualTo(Duration.ofMillis(1200 + 1100));
        assertThat(halfWritten).doesNotExist();
        assertThat(interrupted.errorMessage()).contains("stopped while it was queued or running");
        assertThat(interrupted.epochsDone()).isEqualTo(2);
        assertThat(interrupted.bestValidationAccuracy()).isEqualTo(0.88);
        assertThat(store.epochs(running)).extracting(EpochMetrics::epoch).containsExactly(1, 2);
        assertThat(store.findById(queued).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void model_files_left_half_written_are_deleted_at_startup_and_finished_ones_kept() throws Exception {
        Files.createDirectories(properties.modelsDir());
        Path halfWritten = Files.createFile(properties.modelsDir().resolve("run-424242-8813.zip.tmp"));
        Path finished = Files.write(properties.modelsDir().resolve("run-424242.zip"), new byte[] {1, 2, 3});
        try {
            new RunQueue(store, trainer, catalog, datasets, backend, properties, trainingExecutor, true);

            assertThat(halfWritten).doesNotExist();
            assertThat(finished).exists().hasBinaryContent(new byte[] {1, 2, 3});
        } finally {
            Files.deleteIfExists(finished);
        }
    }

    @Test
    void a_queue_that_does_not_recover_leaves_the_models_folder_alone() throws Exception {
        Files.createDirectories(properties.modelsDir());
        Path temp = Files.createFile(properties.modelsDir().resolve("run-424243-17.zip.tmp"));
        try {
            new RunQueue(store, trainer, catalog, datasets, backend, properties, trainingExecutor, false);

            assertThat(temp).exists();
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Test
    void deleting_a_run_removes_its_rows_and_its_model_file() throws Exception {
        RunRecord run = queue.submit(TestRuns.quick(Architecture.LOGISTIC, 500, 1));
        assertThat(events.awaitEnd(run.id())).isInstanceOf(RunEvent.Finished.class);
        Path model = store.modelFile(run.id()).orElseThrow();
        assertThat(model).exists();

        queue.delete(run.id());

        assertThat(model).doesNotExist();
        assertThat(store.findById(run.id())).isEmpty();
        assertThat(store.epochs(run.id())).isEmpty();
        assertThat(store.evaluation(run.id())).isEmpty();
        assertThat(events.all()).contains(new RunEvent.Changed(run.id()));
    }

    @Test
    void rename_changes_the_name_and_filters_find_it() {
        long id = store.insertQueued(TestRuns.quick(Architecture.LOGISTIC, 500, 1), 7_850, Instant.now());
        store.markEnded(id, RunStatus.CANCELLED, Instant.now(), null);
        queue.rename(id, "Zebra 100% run_" + id);
        assertThat(store.findById(id).orElseThrow().name()).isEqualTo("Zebra 100% run_" + id);
        RunFilter byText = new RunFilter(DatasetKind.MNIST, Architecture.LOGISTIC, RunStatus.CANCELLED,
                "zebra 100% RUN_" + id);
        assertThat(store.find(byText, RunSort.NEWEST_FIRST, 0, 10)).extracting(RunRecord::id).containsExactly(id);
        assertThat(store.count(byText)).isEqualTo(1);
        assertThat(store.count(new RunFilter(null, null, null, "zebra 1000"))).isZero();
        assertThatThrownBy(() -> queue.rename(id, "  ")).hasMessageContaining("1 to 100 characters");
        for (RunSort.Column column : RunSort.Column.values()) {
            assertThat(store.find(RunFilter.ALL, new RunSort(column, true), 0, 5)).isNotEmpty();
        }
    }
}
