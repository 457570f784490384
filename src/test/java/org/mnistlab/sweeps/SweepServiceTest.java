package org.mnistlab.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.runs.RunSeeder;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;
import org.springframework.beans.factory.annotation.Autowired;

class SweepServiceTest extends SpringAppTest {

    @RegisterExtension
    final RunSeeder seeder = new RunSeeder();

    @Autowired
    SweepService service;
    @Autowired
    SweepStore sweepStore;

    private static final RunConfig BASE = TestRuns.quick(Architecture.LOGISTIC, 500, 2);

    private static SweepSpec lrSweep(AshaPolicy asha) {
        return new SweepSpec("lr sweep", BASE, List.of(SweptSetting.parse(RunSetting.LEARNING_RATE, "0.01,0.000001")),
                SweepStrategy.GRID, 0, 1, asha);
    }

    private SweepReport awaitQuiet(long sweepId) {
        return await("sweep " + sweepId + " ends").atMost(TestRuns.RUN_TIMEOUT)
                .until(() -> service.report(sweepId).orElseThrow(), r -> r.state() != SweepReport.State.RUNNING);
    }

    @Test
    void trials_run_as_runs_of_the_sweep_and_asha_stops_the_weak_one() {
        Sweep sweep = service.start(lrSweep(new AshaPolicy(List.of(1), 0.5)));
        SweepReport report = awaitQuiet(sweep.id());

        assertThat(report.state()).isEqualTo(SweepReport.State.FINISHED);
        Trial good = report.trials().get(0);
        Trial weak = report.trials().get(1);
        assertThat(good.finished()).isTrue();
        assertThat(good.values()).containsExactly(0.01);
        assertThat(weak.statusText()).isEqualTo(Trial.STOPPED_BY_ASHA);
        assertThat(weak.stoppedReason()).startsWith("Stopped by ASHA after epoch 1: validation accuracy");
        assertThat(weak.run().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(weak.run().epochsDone()).isEqualTo(1);
        assertThat(report.best()).map(Trial::number).contains(1);
        assertThat(store.find(new RunFilter(null, null, null, null, sweep.id()), RunSort.NEWEST_FIRST, 0, 10))
                .extracting(r -> r.id()).containsExactlyInAnyOrder(good.run().id(), weak.run().id());
    }

    @Test
    void an_invalid_sweep_stores_and_queues_nothing() {
        int before = service.sweeps().size();
        SweepSpec bad = new SweepSpec("", BASE, List.of(SweptSetting.parse(RunSetting.L2, "0..0.001:log")),
                SweepStrategy.GRID, 0, 1, null);
        assertThatThrownBy(() -> service.start(bad)).isInstanceOfSatisfying(InvalidSweepException.class,
                e -> assertThat(e.problems()).extracting(SweepProblem::field).containsExactly("l2"));
        assertThat(service.sweeps()).hasSize(before);
        assertThat(queue.activeRuns()).isEmpty();
    }

    @Test
    void a_sweep_interrupted_by_a_restart_shows_its_finished_trials_and_queues_the_rest() {
        SweepSpec spec = new SweepSpec("restart", BASE.toBuilder().epochs(1).build(),
                List.of(SweptSetting.parse(RunSetting.LEARNING_RATE, "0.01,0.02,0.03")), SweepStrategy.GRID, 0, 1, null);
        List<RunConfig> trials = spec.trialConfigs();
        long sweepId = sweepStore.insert(spec, trials, Instant.now());
        long done = seeder.finished(trials.get(0), RunSeeder.T0, 1000, RunSeeder.epochs(1, 0.8), null);
        long running = seeder.running(trials.get(1), RunSeeder.T0.plusSeconds(60), List.of());
        sweepStore.assignRun(sweepId, 0, done);
        sweepStore.assignRun(sweepId, 1, running);
        // what a restarted server does with the runs the stopped one owned
        store.markActiveInterrupted(Instant.now(), "Interrupted: the process training it stopped");

        SweepReport interrupted = service.report(sweepId).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(SweepReport.State.INTERRUPTED);
        assertThat(interrupted.finished()).extracting(Trial::number).containsExactly(1);
        assertThat(interrupted.remaining()).extracting(Trial::number).containsExactly(2, 3);
        assertThat(interrupted.trials().get(1).statusText()).isEqualTo("Interrupted");
        assertThat(interrupted.trials().get(2).statusText()).isEqualTo("Not queued");

        assertThat(service.queueRemaining(sweepId)).isEqualTo(2);
        SweepReport resumed = awaitQuiet(sweepId);
        assertThat(resumed.state()).isEqualTo(SweepReport.State.FINISHED);
        assertThat(resumed.finished()).extracting(Trial::number).containsExactly(1, 2, 3);
        assertThat(resumed.trials().get(0).run().id()).isEqualTo(done);
        assertThat(store.count(new RunFilter(null, null, null, null, sweepId))).isEqualTo(4);
    }

    @Test
    void cancelling_drops_queued_trials_and_stops_the_running_one() {
        SweepSpec spec = new SweepSpec("cancel me", TestRuns.quick(Architecture.LOGISTIC, 2000, 5),
                List.of(SweptSetting.parse(RunSetting.LEARNING_RATE, "0.01,0.02,0.03")), SweepStrategy.GRID, 0, 1, null);
        Sweep sweep = service.start(spec);
        await().atMost(TestRuns.RUN_TIMEOUT).until(() -> service.report(sweep.id()).orElseThrow().trials().get(0)
                .run().status() == RunStatus.RUNNING);
        service.cancel(sweep.id());
        SweepReport report = awaitQuiet(sweep.id());
        assertThat(report.state()).isEqualTo(SweepReport.State.CANCELLED);
        assertThat(report.trials()).extracting(t -> t.run().status()).containsOnly(RunStatus.CANCELLED);
    }

    @Test
    void a_sweep_larger_than_the_users_share_queues_what_fits_and_the_rest_as_runs_end() {
        loginAs("sweeper", org.mnistlab.security.Role.TRAINER);
        SweepSpec spec = new SweepSpec("five", BASE.toBuilder().epochs(1).build(),
                List.of(SweptSetting.parse(RunSetting.LEARNING_RATE, "0.01,0.02,0.03,0.04,0.05")),
                SweepStrategy.GRID, 0, 1, null);

        Sweep sweep = service.start(spec);

        SweepReport started = service.report(sweep.id()).orElseThrow();
        assertThat(started.trials().stream().filter(t -> t.run() != null)).hasSizeLessThanOrEqualTo(3);
        assertThat(started.state()).isEqualTo(SweepReport.State.RUNNING);
        SweepReport done = awaitQuiet(sweep.id());
        assertThat(done.state()).isEqualTo(SweepReport.State.FINISHED);
        assertThat(done.finished()).hasSize(5);
        assertThat(done.trials()).extracting(t -> t.run().owner()).containsOnly("sweeper");
    }

    @Test
    void budget_uses_the_models_measured_throughput() {
        seeder.finished(BASE, RunSeeder.T0, 1000, RunSeeder.epochs(2, 0.8), null);
        SweepBudget budget = service.budget(lrSweep(null));
        assertThat(budget.totalEpochs()).isEqualTo(4);
        assertThat(budget.imagesPerSecond()).isNotNull();
        assertThat(budget.estimate()).isNotNull();
    }
}
