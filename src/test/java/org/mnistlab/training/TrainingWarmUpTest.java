package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;
import org.springframework.beans.factory.annotation.Autowired;

/** The throwaway training that compiles the training code: it ends when asked and leaves nothing behind. */
class TrainingWarmUpTest extends SpringAppTest {

    @Autowired
    Trainer trainer;

    @Test
    void trains_the_epochs_it_is_given_and_says_so() {
        TrainingWarmUp.Outcome outcome = new TrainingWarmUp(trainer).run(2, 1, () -> false);

        assertThat(outcome.mlpEpochs()).isEqualTo(2);
        assertThat(outcome.cnnEpochs()).isEqualTo(1);
        assertThat(outcome.stopped()).isFalse();
        assertThat(outcome.took()).isPositive();
        assertThat(outcome.describe()).startsWith("2 epoch(s) of a throwaway MLP and 1 of a regularized CNN on random"
                + " images in ").doesNotContain("stopped");
    }

    @Test
    void stops_at_the_next_batch_once_asked() {
        AtomicInteger polls = new AtomicInteger();
        TrainingWarmUp.Outcome outcome = new TrainingWarmUp(trainer).run(() -> polls.incrementAndGet() >= 3);

        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.mlpEpochs()).isZero();
        assertThat(outcome.cnnEpochs()).isZero();
        assertThat(polls).hasValue(3); // two batches trained, nothing after the third poll
        assertThat(outcome.describe()).endsWith(", stopped early for a run or a shutdown");
    }

    @Test
    void a_stop_while_the_cnn_trains_ends_it_there() {
        // 116 batches of the MLP's one epoch, then the CNN's batches: stop 84 polls later, in its second epoch
        AtomicInteger polls = new AtomicInteger();
        TrainingWarmUp.Outcome outcome = new TrainingWarmUp(trainer).run(1, 2, () -> polls.incrementAndGet() > 200);

        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.mlpEpochs()).isEqualTo(1);
        assertThat(outcome.cnnEpochs()).isLessThan(2);
        assertThat(polls).hasValue(201);
    }

    @Test
    void a_run_after_it_repeats_the_same_run_before_it_to_the_last_digit() {
        RunConfig mlp = TestRuns.quick(Architecture.MLP, 2_000, 2);
        RunConfig cnn = TestRuns.quick(Architecture.REGULARIZED_CNN, 500, 1);
        Trainer.Result mlpBefore = train(mlp);
        Trainer.Result cnnBefore = train(cnn);

        new TrainingWarmUp(trainer).run(1, 1, () -> false);
        Trainer.Result mlpAfter = train(mlp);
        Trainer.Result cnnAfter = train(cnn);

        assertThat(TrainerTest.withoutTimings(mlpAfter.epochs()))
                .isEqualTo(TrainerTest.withoutTimings(mlpBefore.epochs()));
        assertThat(TrainerTest.withoutTimings(cnnAfter.epochs()))
                .isEqualTo(TrainerTest.withoutTimings(cnnBefore.epochs()));
        assertThat(mlpAfter.network().params().equalsWithEps(mlpBefore.network().params(), 0)).isTrue();
        assertThat(cnnAfter.network().params().equalsWithEps(cnnBefore.network().params(), 0)).isTrue();
    }

    private Trainer.Result train(RunConfig config) {
        return trainer.train(0, config, datasets.samples(DatasetKind.MNIST, Split.TRAIN),
                datasets.samples(DatasetKind.MNIST, Split.TEST), new Trainer.Listener() { });
    }
}
