package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.runs.RunSeeder;

class TimeToAccuracyStoreTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();

    private long insertRun(DatasetKind dataset) {
        return store.insertQueued(RunConfig.defaults(Architecture.MLP, dataset).toBuilder().name("tta").build(), 1,
                Instant.now());
    }

    private void epoch(long run, int n, double validationAccuracy, long millis) {
        store.insertEpoch(run, new EpochMetrics(n, 0.1, 0.99, 0.1, validationAccuracy, 0.001, millis, 1000), n,
                validationAccuracy);
    }

    @Test
    void each_stored_epoch_updates_the_time_to_accuracy_kept_on_the_run() {
        long run = insertRun(DatasetKind.MNIST);
        epoch(run, 1, 0.991, 20_000);
        assertThat(store.timesToAccuracy(List.of(run)).get(run).reached()).containsExactly(
                new TimeToAccuracy.Reached(0.990, 1, 20.0), new TimeToAccuracy.Reached(0.993, null, null),
                new TimeToAccuracy.Reached(0.995, null, null));
        epoch(run, 2, 0.9935, 21_500);
        assertThat(store.timesToAccuracy(List.of(run)).get(run).get(1))
                .isEqualTo(new TimeToAccuracy.Reached(0.993, 2, 41.5));
        assertThat(store.timesToAccuracy(List.of(run)).get(run)).isEqualTo(
                TimeToAccuracy.of(DatasetKind.MNIST, store.epochs(run)));
    }

    @Test
    void the_runs_list_sorts_by_time_to_a_target_with_runs_that_never_reached_it_last() {
        long slow = insertRun(DatasetKind.MNIST);
        epoch(slow, 1, 0.992, 90_000);
        long fast = insertRun(DatasetKind.MNIST);
        epoch(fast, 1, 0.995, 40_000);
        long never = insertRun(DatasetKind.MNIST);
        epoch(never, 1, 0.97, 10_000);
        List<Long> order = store.find(RunFilter.ALL, new RunSort(RunSort.Column.TIME_TO_TARGET_1, true), 0, 10)
                .stream().map(RunRecord::id).toList();
        assertThat(order).containsExactly(fast, slow, never);
        Map<Long, TimeToAccuracy> times = store.timesToAccuracy(order);
        assertThat(times.get(never).get(0).isReached()).isFalse();
        assertThat(times.get(fast).get(2).seconds()).isEqualTo(40.0);
    }
}
