package org.mnistlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunReport;

/** The determinism verdict on runs with the same settings: identical, or the largest difference and where. */
class DeterminismTest {

    private static final RunConfig CONFIG = RunFixtures.mlp();

    private static RunReport report(long id, List<EpochMetrics> epochs, Double testAccuracy) {
        return report(id, epochs, testAccuracy, RunFixtures.finished(id, "run " + id, CONFIG).softwareVersions());
    }

    private static RunReport report(long id, List<EpochMetrics> epochs, Double testAccuracy,
                                    Map<String, String> softwareVersions) {
        RunRecord finished = RunFixtures.finished(id, "run " + id, CONFIG);
        RunRecord run = new RunRecord(finished.id(), finished.name(), finished.config(), finished.status(),
                finished.createdAt(), finished.startedAt(), finished.finishedAt(), finished.parameterCount(),
                epochs.size(), finished.bestEpoch(), finished.bestValidationAccuracy(), testAccuracy,
                finished.testLoss(), null, softwareVersions, finished.datasetChecksums(),
                finished.modelFile(), finished.images(), finished.stoppedEarly(), finished.restoredBestWeights());
        return new RunReport(run, epochs, null);
    }

    /** The fixture's epochs with other timings: measured wall time never counts as a difference. */
    private static List<EpochMetrics> retimed(List<EpochMetrics> epochs) {
        return epochs.stream().map(e -> new EpochMetrics(e.epoch(), e.trainLoss(), e.trainAccuracy(),
                e.validationLoss(), e.validationAccuracy(), e.learningRate(), e.durationMillis() * 2,
                e.imagesPerSecond() / 2)).toList();
    }

    @Test
    void a_run_and_a_rerun_that_measured_the_same_are_identical() {
        Determinism d = Determinism.of(List.of(report(1, RunFixtures.epochs(), 0.9731),
                report(2, retimed(RunFixtures.epochs()), 0.9731))).orElseThrow();

        assertThat(d.identical()).isTrue();
        assertThat(d.maxDifference()).isZero();
        assertThat(d.verdict()).isEqualTo("Identical metrics: with the same settings and seed, every loss and "
                + "accuracy is exactly the same over all 3 epochs and the test accuracy, so this training is deterministic.");
    }

    @Test
    void reports_the_largest_difference_over_epoch_metrics_and_where_it_is() {
        List<EpochMetrics> other = new ArrayList<>(RunFixtures.epochs());
        EpochMetrics e2 = other.get(1);
        other.set(1, new EpochMetrics(2, e2.trainLoss() + 0.0001, e2.trainAccuracy(), e2.validationLoss() - 0.003,
                e2.validationAccuracy(), e2.learningRate(), e2.durationMillis(), e2.imagesPerSecond()));

        Determinism d = Determinism.of(List.of(report(1, RunFixtures.epochs(), 0.9731),
                report(2, other, 0.9732))).orElseThrow();

        assertThat(d.identical()).isFalse();
        assertThat(d.maxDifference()).isCloseTo(0.003, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.where()).isEqualTo("validation loss at epoch 2");
        assertThat(d.verdict()).startsWith("The metrics differ by at most 0.0030 (validation loss at epoch 2) over "
                + "all 3 epochs and the test accuracy: the seed fixes");
    }

    @Test
    void a_difference_between_runs_on_different_software_names_the_software() {
        Map<String, String> before = RunFixtures.finished(1, "run 1", CONFIG).softwareVersions();
        Map<String, String> after = new java.util.HashMap<>(before);
        after.put("batchNormTraining", "java-channels-1");
        after.put("dl4j", "1.0.0-M3");

        Determinism d = Determinism.of(List.of(report(1, RunFixtures.epochs(), 0.9731, before),
                report(2, RunFixtures.epochs(), 0.9741, after))).orElseThrow();

        assertThat(d.software()).isEqualTo("batchNormTraining — / java-channels-1, dl4j 1.0.0-M2.1 / 1.0.0-M3");
        assertThat(d.verdict()).isEqualTo("The metrics differ by at most 0.0010 (test accuracy) over all 3 epochs "
                + "and the test accuracy: the runs ran on different software (batchNormTraining — / java-channels-1, "
                + "dl4j 1.0.0-M2.1 / 1.0.0-M3), which may round sums differently, so the difference says nothing "
                + "about the training itself.");
        assertThat(Determinism.of(List.of(report(1, RunFixtures.epochs(), 0.9731, before),
                report(2, RunFixtures.epochs(), 0.9741, before))).orElseThrow().verdict()).contains("the seed fixes");
    }

    @Test
    void the_test_accuracy_counts_too() {
        Determinism d = Determinism.of(List.of(report(1, RunFixtures.epochs(), 0.9731),
                report(2, RunFixtures.epochs(), 0.9781))).orElseThrow();

        assertThat(d.where()).isEqualTo("test accuracy");
        assertThat(d.maxDifference()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void runs_that_stopped_after_different_epochs_cannot_be_compared_and_it_says_why() {
        Determinism d = Determinism.of(List.of(report(1, RunFixtures.epochs(), 0.9731),
                report(2, RunFixtures.epochs().subList(0, 2), null))).orElseThrow();

        assertThat(d.comparable()).isFalse();
        assertThat(d.identical()).isFalse();
        assertThat(d.verdict()).isEqualTo("Same settings, but the metrics cannot be compared: they stopped after "
                + "different numbers of epochs (3, 2).");
    }

    @Test
    void an_unfinished_run_is_compared_on_its_epochs_and_says_the_test_accuracy_was_not() {
        Determinism d = Determinism.of(List.of(report(1, RunFixtures.epochs(), 0.9731),
                report(2, RunFixtures.epochs(), null))).orElseThrow();

        assertThat(d.identical()).isTrue();
        assertThat(d.verdict()).contains("(test accuracy not compared: not every run finished)");
    }

    @Test
    void a_comparison_gives_a_verdict_only_for_runs_with_the_same_settings() {
        RunReport a = report(1, RunFixtures.epochs(), 0.9731);
        RunReport b = report(2, RunFixtures.epochs(), 0.9731);
        RunComparison same = new RunComparison(List.of(a, b), List.of(), ConfigDiff.of(List.of(CONFIG, CONFIG)));
        RunComparison different = new RunComparison(List.of(a, b), List.of(),
                ConfigDiff.of(List.of(CONFIG, CONFIG.toBuilder().learningRate(0.5).build())));
        RunComparison one = new RunComparison(List.of(a), List.of(), ConfigDiff.of(List.of(CONFIG)));

        assertThat(same.determinism()).get().extracting(Determinism::identical).isEqualTo(true);
        assertThat(different.determinism()).isEmpty();
        assertThat(one.determinism()).isEmpty();
    }
}
