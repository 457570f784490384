package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.beans.factory.annotation.Autowired;

/** The throwaway training that compiles the training code: it ends when asked and leaves nothing behind. */
class TrainingWarmUpTest extends SpringAppTest {

    @Autowired
    Trainer trainer;

    @Test
    void trains_the_epochs_it_is_given_and_says_so() {
        TrainingWarmUp.Outcome outcome = new TrainingWarmUp(trainer).run(2, () -> false);

        assertThat(outcome.epochs()).isEqualTo(2);
        assertThat(outcome.stopped()).isFalse();
        assertThat(outcome.took()).isPositive();
    }

    @Test
    void stops_at_the_next_batch_once_asked() {
        AtomicInteger polls = new AtomicInteger();
        TrainingWarmUp.Outcome outcome = new TrainingWarmUp(trainer).run(() -> polls.incrementAndGet() >= 3);

        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.epochs()).isZero();
        assertThat(polls).hasValue(3); // two batches trained, nothing after the third poll
    }

    @Test
    void a_run_after_it_repeats_the_same_run_before_it_to_the_last_digit() {
        RunConfig config = TestRuns.quick(Architecture.MLP, 2_000, 2);
        Trainer.Result before = train(config);

        new TrainingWarmUp(trainer).run(1, () -> false);
        Trainer.Result after = train(config);

        assertThat(metrics(after.epochs())).isEqualTo(metrics(before.epochs()));
        INDArray params = after.network().params();
        assertThat(params.equalsWithEps(before.network().params(), 0)).isTrue();
    }

    private Trainer.Result train(RunConfig config) {
        return trainer.train(0, config, datasets.samples(DatasetKind.MNIST, Split.TRAIN),
                datasets.samples(DatasetKind.MNIST, Split.TEST), new Trainer.Listener() { });
    }

    private static List<List<Double>> metrics(List<EpochMetrics> epochs) {
        return epochs.stream().map(m -> List.of(m.trainLoss(), m.trainAccuracy(), m.validationLoss(),
                m.validationAccuracy())).toList();
    }
}
