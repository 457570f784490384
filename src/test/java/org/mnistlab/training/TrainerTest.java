package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.beans.factory.annotation.Autowired;

class TrainerTest extends SpringAppTest {

    @RegisterExtension
    final RecordedEvents events = new RecordedEvents();

    @Autowired
    Trainer trainer;

    private LabeledImages train() {
        return datasets.samples(DatasetKind.MNIST, Split.TRAIN);
    }

    private LabeledImages test() {
        return datasets.samples(DatasetKind.MNIST, Split.TEST);
    }

    @Test
    void the_same_config_and_seed_give_the_same_epoch_metrics() {
        RunConfig d = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST);
        RunConfig config = d.toBuilder().hiddenLayers(List.of(64)).learningRate(0.002).batchSize(64).epochs(2)
                .seed(11).denseDropout(0.3).augmentation(new Augmentation(10, 2, 0.1)).validationFraction(0.02)
                .trainSubset(2_000).build();
        List<EpochMetrics> first = trainer.train(0, config, train(), test(), new Trainer.Listener() { }).epochs();
        List<EpochMetrics> second = trainer.train(0, config, train(), test(), new Trainer.Listener() { }).epochs();
        assertThat(first).hasSize(2);
        assertThat(withoutTimings(second)).isEqualTo(withoutTimings(first));
        RunConfig otherSeed = config.toBuilder().seed(12).build();
        assertThat(withoutTimings(trainer.train(0, otherSeed, train(), test(), new Trainer.Listener() { }).epochs()))
                .isNotEqualTo(withoutTimings(first));
        assertThat(d.hiddenLayers()).containsExactly(128);
    }

    @Test
    void label_smoothing_softens_the_training_targets_while_measured_losses_stay_plain_cross_entropy() {
        RunConfig plain = TestRuns.quick(Architecture.MLP, 4_000, 4);
        RunConfig smoothed = plain.toBuilder().labelSmoothing(0.1).build();
        List<Double> plainLosses = new ArrayList<>();
        List<Double> smoothedLosses = new ArrayList<>();
        Trainer.Result plainRun = trainer.train(0, plain, train(), test(), trainingLosses(plainLosses));
        Trainer.Result smoothedRun = trainer.train(0, smoothed, train(), test(), trainingLosses(smoothedLosses));
        System.out.printf("Label smoothing: per-batch loss plain %s, smoothed %s; epoch train loss %s / %s%n",
                plainLosses, smoothedLosses, plainRun.epochs().get(3).trainLoss(),
                smoothedRun.epochs().get(3).trainLoss());

        // Cross-entropy against targets 0.91 / 0.01 can't go below their entropy, 0.50; against one-hot ones it can.
        double targetEntropy = -(0.91 * Math.log(0.91) + 9 * 0.01 * Math.log(0.01));
        assertThat(smoothedLosses).isNotEmpty()
                .allSatisfy(loss -> assertThat(loss).isGreaterThan(targetEntropy - 1e-3));
        assertThat(plainLosses.get(plainLosses.size() - 1)).isLessThan(targetEntropy - 0.1);
        // The epochs' losses are measured against the true class either way, so both runs go below it.
        EpochMetrics last = smoothedRun.epochs().get(3);
        assertThat(last.trainLoss()).isLessThan(targetEntropy - 0.1);
        assertThat(last.trainAccuracy()).isGreaterThan(0.9);
        assertThat(smoothedRun.evaluation().accuracy()).isGreaterThan(0.85);
    }

    private static Trainer.Listener trainingLosses(List<Double> losses) {
        return new Trainer.Listener() {
            @Override
            public void batch(BatchProgress progress) {
                if (progress.phase() == BatchProgress.Phase.TRAINING) {
                    losses.add(progress.loss());
                }
            }
        };
    }

    @Test
    void cancel_is_checked_before_every_batch() {
        AtomicInteger polls = new AtomicInteger();
        RunConfig config = TestRuns.quick(Architecture.MLP, 5_000, 3);
        assertThatThrownBy(() -> trainer.train(0, config, train(), test(), new Trainer.Listener() {
            @Override
            public boolean cancelled() {
                return polls.incrementAndGet() == 5;
            }
        })).isInstanceOf(RunCancelledException.class);
        // Four batches trained, the fifth poll stopped it: nothing ran after the request.
        assertThat(polls).hasValue(5);
    }

    @Test
    void a_network_without_batch_norm_runs_its_ops_on_one_thread_and_gives_the_threads_back() {
        int before = Nd4j.getEnvironment().maxMasterThreads();
        List<Integer> during = new ArrayList<>();
        trainer.train(0, TestRuns.quick(Architecture.MLP, 2_000, 1), train(), test(), new Trainer.Listener() {
            @Override
            public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
                during.add(Nd4j.getEnvironment().maxMasterThreads());
            }
        });
        assertThat(during).containsExactly(1);
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(before);
    }

    @Test
    void early_stopping_ends_patience_epochs_after_the_best_and_restores_its_weights() {
        RunConfig config = TestRuns.overfitsFast(2);
        List<Integer> bestEpochs = new ArrayList<>();
        Trainer.Result result = trainer.train(0, config, train(), test(), new Trainer.Listener() {
            @Override
            public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
                bestEpochs.add(bestEpoch);
            }
        });
        List<EpochMetrics> epochs = result.epochs();
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(epochs.size()).isLessThan(30);
        assertThat(result.bestEpoch()).isEqualTo(epochs.size() - 2);
        assertThat(bestEpochs).hasSize(epochs.size()).endsWith(result.bestEpoch(), result.bestEpoch());
        double bestLoss = epochs.stream().mapToDouble(EpochMetrics::validationLoss).min().orElseThrow();
        assertThat(epochs.get(result.bestEpoch() - 1).validationLoss()).isEqualTo(bestLoss);
        assertThat(result.bestValidationAccuracy()).isEqualTo(epochs.get(result.bestEpoch() - 1).validationAccuracy());
        assertThat(result.restoredBestWeights()).isTrue();
        assertThat(epochs.get(0).learningRate()).isEqualTo(0.5);
        if (epochs.size() > 10) {
            assertThat(epochs.get(10).learningRate()).isEqualTo(0.25);
        }
    }

    @Test
    void an_early_stopped_run_is_stored_and_published_with_why_it_stopped_and_whose_weights_it_kept() {
        RunRecord run = queue.submit(TestRuns.overfitsFast(1));
        RunEvent end = events.awaitEnd(run.id());

        assertThat(end).isInstanceOf(RunEvent.Finished.class);
        TrainingEnd published = ((RunEvent.Finished) end).end();
        assertThat(published.stoppedEarly()).isTrue();
        assertThat(published.restoredBestWeights()).isTrue();
        assertThat(published.epochsDone()).isEqualTo(published.bestEpoch() + 1).isLessThan(30);
        RunRecord stored = store.findById(run.id()).orElseThrow();
        assertThat(stored.trainingEnd()).contains(published);
        assertThat(published.stopReason()).isEqualTo("Stopped early after epoch " + published.epochsDone()
                + " of 30: validation loss did not improve for 1 epoch after epoch " + published.bestEpoch()
                + " (patience 1).");
        assertThat(published.weightsSource()).startsWith("Test evaluation and model file: weights of epoch "
                + published.bestEpoch() + ", the best epoch (restored");
    }

    @Test
    void validation_and_the_test_evaluation_publish_their_own_progress_counted_in_the_eta() {
        // 500 training images, 18,000 validation images: most of each epoch is validation.
        RunConfig config = TestRuns.quick(Architecture.SIMPLE_CNN, 500, 2).toBuilder().validationFraction(0.3).build();
        RunRecord run = queue.submit(config);
        events.awaitEnd(run.id());

        List<RunEvent> all = events.of(run.id());
        List<BatchProgress> progress = all.stream().filter(RunEvent.BatchProgressed.class::isInstance)
                .map(e -> ((RunEvent.BatchProgressed) e).progress()).toList();
        List<BatchProgress> validating = progress.stream()
                .filter(p -> p.phase() == BatchProgress.Phase.VALIDATING).toList();
        assertThat(validating).isNotEmpty().allSatisfy(p -> {
            assertThat(p.batches()).isEqualTo(3 + 90); // 500 training-sample and 18,000 validation images by 200
            assertThat(p.batch()).isBetween(1, p.batches());
            assertThat(p.loss()).isNaN();
        });
        // Validation progress of epoch 1 comes before epoch 1's result, and the ETA still counts epoch 2.
        int firstValidating = all.indexOf(all.stream().filter(e -> e instanceof RunEvent.BatchProgressed b
                && b.progress().phase() == BatchProgress.Phase.VALIDATING && b.progress().epoch() == 1)
                .findFirst().orElseThrow());
        int firstEpoch = all.indexOf(all.stream().filter(RunEvent.EpochFinished.class::isInstance).findFirst()
                .orElseThrow());
        assertThat(firstValidating).isLessThan(firstEpoch);
        BatchProgress lastOfEpoch1 = progress.stream().filter(p -> p.epoch() == 1).reduce((a, b) -> b).orElseThrow();
        assertThat(lastOfEpoch1.etaMillis()).isPositive();
        assertThat(lastOfEpoch1.fraction()).isBetween(0.2, 0.8);
        // Training progress of epoch 1 already expects both validations: well over half of the run is left.
        BatchProgress training = progress.stream().filter(p -> p.phase() == BatchProgress.Phase.TRAINING)
                .findFirst().orElseThrow();
        assertThat(training.fraction()).isLessThan(0.3);
    }

    @Test
    void a_cnn_trained_one_epoch_on_3000_real_images_is_far_above_chance() throws Exception {
        RunConfig config = TestRuns.quick(Architecture.SIMPLE_CNN, 3_000, 1);
        RunRecord run = queue.submit(config);
        assertThat(events.awaitEnd(run.id())).isInstanceOf(RunEvent.Finished.class);
        RunRecord done = store.findById(run.id()).orElseThrow();
        assertThat(done.testAccuracy()).isGreaterThan(0.85);
        assertThat(done.parameterCount()).isEqualTo(225_034);
        EpochMetrics epoch = store.epochs(run.id()).get(0);
        assertThat(epoch.trainAccuracy()).isGreaterThan(0.8);
        assertThat(epoch.imagesPerSecond()).isPositive();
        System.out.printf("Simple CNN, 1 epoch on 3,000 images: test accuracy %.4f, %.0f images/s, epoch %d ms%n",
                done.testAccuracy(), epoch.imagesPerSecond(), epoch.durationMillis());

        // The saved model is a plain DL4J zip that predicts what the evaluation says.
        var model = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(
                store.modelFile(run.id()).orElseThrow().toFile(), false);
        Misclassified wrong = store.evaluation(run.id()).orElseThrow().misclassified().get(0);
        float[] pixels = new float[784];
        for (int p = 0; p < 784; p++) {
            pixels[p] = (test().pixels()[wrong.testIndex() * 784 + p] & 0xff) / 255f;
        }
        var output = model.output(org.nd4j.linalg.factory.Nd4j.create(pixels, 1, 784));
        assertThat(output.argMax(1).getInt(0)).isEqualTo(wrong.predictedLabel());
        assertThat(output.getDouble(0, wrong.predictedLabel())).isCloseTo(wrong.confidence(),
                org.assertj.core.data.Offset.offset(1e-4));
    }

    /** The epochs' figures that a seed decides (everything but durations and speed), for exact comparisons. */
    static List<List<Double>> withoutTimings(List<EpochMetrics> epochs) {
        return epochs.stream().map(m -> List.of(m.trainLoss(), m.trainAccuracy(), m.validationLoss(),
                m.validationAccuracy(), m.learningRate())).toList();
    }
}
