package org.mnistlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.Trainer;

class RunChannelTest {

    private final List<String> calls = new ArrayList<>();
    private final RunChannel channel = new RunChannel(new Trainer.Listener() {
        @Override
        public void started(int batchesPerEpoch, int trainImages, int validationImages) {
            calls.add("started " + batchesPerEpoch);
        }

        @Override
        public void batch(BatchProgress progress) {
            calls.add("batch " + progress.epoch() + "/" + progress.batch());
        }

        @Override
        public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
            calls.add("epoch " + metrics.epoch() + " best " + bestEpoch);
        }
    });

    @Test
    void delivers_start_epochs_and_new_batches_once_and_in_order_however_often_a_snapshot_repeats() {
        ProgressAccumulator progress = new ProgressAccumulator();
        channel.deliver(progress.value());
        progress.add(ProgressAccumulator.Message.of(new ProgressAccumulator.Start(63, 2000, 40)));
        progress.add(ProgressAccumulator.Message.of(batch(1, 10)));
        channel.deliver(progress.value());
        channel.deliver(progress.value());
        progress.add(ProgressAccumulator.Message.of(new ProgressAccumulator.Epoch(epoch(1), 1, 0.9)));
        progress.add(ProgressAccumulator.Message.of(new ProgressAccumulator.Epoch(epoch(2), 1, 0.9)));
        channel.deliver(progress.value());
        progress.add(ProgressAccumulator.Message.of(batch(3, 5)));
        channel.deliver(progress.value());

        assertThat(calls).containsExactly("started 63", "batch 1/10", "epoch 1 best 1", "epoch 2 best 1", "batch 3/5");
    }

    @Test
    void a_copy_sent_with_a_heartbeat_is_a_snapshot_that_later_progress_leaves_alone() {
        ProgressAccumulator progress = new ProgressAccumulator();
        progress.add(ProgressAccumulator.Message.of(new ProgressAccumulator.Start(63, 2000, 40)));
        ProgressAccumulator.Snapshot sent = progress.value();
        progress.add(ProgressAccumulator.Message.of(new ProgressAccumulator.Epoch(epoch(1), 1, null)));

        assertThat(sent.epochs()).isEmpty();
        ProgressAccumulator driver = new ProgressAccumulator();
        driver.merge(progress);
        assertThat(driver.value().epoch(0).metrics()).isEqualTo(epoch(1));
        assertThat(driver.value().epoch(0).bestValidationAccuracy()).isNull();
    }

    private static BatchProgress batch(int epoch, int batch) {
        return new BatchProgress(1, BatchProgress.Phase.TRAINING, epoch, 3, batch, 63, 0.5, 1000, 5000, 0.3);
    }

    private static EpochMetrics epoch(int epoch) {
        return new EpochMetrics(epoch, 0.4, 0.9, Double.NaN, Double.NaN, 0.001, 1200, 1700);
    }
}
