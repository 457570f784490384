package org.mnistlab.sweeps;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mnistlab.training.PresetNameException;
import org.mnistlab.training.PresetStore;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunLimitException;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.SavedPreset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts sweeps by queueing each trial as an ordinary run, stops weak trials by ASHA as their epochs come in,
 * cancels sweeps and queues the trials an interruption left. Views and the CLI follow a sweep through the run
 * queue's events (a trial's events are its run's).
 */
@Service
public class SweepService {

    private static final Logger log = LoggerFactory.getLogger(SweepService.class);

    private final SweepStore sweeps;
    private final RunQueue queue;
    private final RunStore runs;
    private final PresetStore presets;
    private final Runnable unsubscribe;
    /** Sweeps with trials waiting for a place in the queue, with whose share they use (empty: nobody's). */
    private final Map<Long, Optional<String>> feeding = new ConcurrentHashMap<>();

    public SweepService(SweepStore sweeps, RunQueue queue, RunStore runs, PresetStore presets) {
        this.sweeps = sweeps;
        this.queue = queue;
        this.runs = runs;
        this.presets = presets;
        this.unsubscribe = queue.subscribe(this::onRunEvent);
    }

    @PreDestroy
    void close() {
        unsubscribe.run();
    }

    /** What the sweep would cost, timed by the model's measured throughput. */
    public SweepBudget budget(SweepSpec spec) {
        return SweepBudget.of(spec, sweeps.imagesPerSecond(spec.base().architecture()));
    }

    /**
     * Validates the sweep, stores it and queues every trial.
     *
     * @throws InvalidSweepException with every problem; nothing is stored or queued then
     */
    public Sweep start(SweepSpec spec) {
        List<SweepProblem> problems = spec.validate();
        if (!problems.isEmpty()) {
            throw new InvalidSweepException(problems);
        }
        String owner = queue.currentUser().orElse(null);
        if (queue.placesFor(owner) == 0) {
            throw new RunLimitException("The queue has no place for this sweep's trials now: runs waiting or training"
                    + " are limited per user and in all. Wait until one of your runs ends, or cancel one");
        }
        List<RunConfig> trials = spec.trialConfigs();
        long id = sweeps.insert(spec, trials, Instant.now());
        feeding.put(id, Optional.ofNullable(owner));
        int queued = feed(id);
        log.info("Sweep {} queued {} of its {} trials (the rest as places free up): {}", id, queued, trials.size(),
                spec.displayName());
        return sweeps.findById(id).orElseThrow();
    }

    /**
     * Queues the sweep's trials that wait for a place, as many as its owner's share of the queue allows now.
     * A sweep is fed while it has waiting trials: more trials than the limits allow at once still all train.
     */
    private synchronized int feed(long sweepId) {
        Optional<String> owner = feeding.get(sweepId);
        if (owner == null) {
            return 0;
        }
        int queued = 0;
        for (SweepStore.TrialRow row : sweeps.trials(sweepId)) {
            if (row.runId() != null || row.stoppedReason() != null) {
                continue;
            }
            if (queue.placesFor(owner.orElse(null)) == 0) {
                return queued;
            }
            sweeps.assignRun(sweepId, row.index(), queue.submit(row.config(), owner.orElse(null)).id());
            queued++;
        }
        feeding.remove(sweepId); // every trial has its run
        return queued;
    }

    public List<Sweep> sweeps() {
        return sweeps.findAll();
    }

    public Optional<SweepReport> report(long sweepId) {
        return sweeps.findById(sweepId).map(sweep -> {
            List<Trial> trials = new ArrayList<>();
            for (SweepStore.TrialRow row : sweeps.trials(sweepId)) {
                RunRecord run = row.runId() == null ? null : runs.findById(row.runId()).orElse(null);
                List<Number> values = sweep.spec().swept().stream()
                        .map(s -> (Number) s.setting().value(row.config())).toList();
                trials.add(new Trial(row.index() + 1, row.config(), values, run, row.stoppedReason()));
            }
            return new SweepReport(sweep, trials, feeding.containsKey(sweepId));
        });
    }

    /** The sweep a run is a trial of, if any. */
    public Optional<Long> sweepOf(long runId) {
        return sweeps.sweepOfTrialRun(runId);
    }

    /** Drops the queued trials and cancels the running one (within a batch). */
    public void cancel(long sweepId) {
        feeding.remove(sweepId);
        sweeps.markCancelled(sweepId);
        List<Trial> trials = report(sweepId).map(SweepReport::trials).orElse(List.of());
        // the queued ones first, so none starts when the running one stops
        trials.stream().filter(t -> t.active() && t.run().status() == org.mnistlab.training.RunStatus.QUEUED)
                .forEach(t -> queue.cancel(t.run().id()));
        trials.stream().filter(Trial::active).forEach(t -> queue.cancel(t.run().id()));
    }

    /** Queues again the trials an interruption (or a failure) left; returns how many. */
    public int queueRemaining(long sweepId) {
        SweepReport report = report(sweepId).orElseThrow(() -> new IllegalArgumentException("No sweep " + sweepId));
        List<Trial> remaining = report.remaining();
        for (Trial t : remaining) {
            sweeps.clearRun(sweepId, t.number() - 1);
        }
        feeding.put(sweepId, queue.currentUser());
        int queued = feed(sweepId);
        log.info("Sweep {}: queued {} of {} remaining trial(s) again", sweepId, queued, remaining.size());
        return remaining.size();
    }

    /** A run ended, so a place is free: the sweeps with waiting trials take it, oldest sweep first. */
    private void feedWaitingSweeps() {
        for (long sweepId : feeding.keySet().stream().sorted().toList()) {
            try {
                feed(sweepId);
            } catch (RuntimeException e) {
                feeding.remove(sweepId); // its waiting trials show as not queued; "queue the rest" retries
                log.warn("Sweep {}: could not queue its next trial: {}", sweepId, e.getMessage());
            }
        }
    }

    /**
     * Saves the best trial's configuration as a preset of the current user, for the configurator.
     *
     * @throws PresetNameException when the name is empty, too long or taken
     * @throws IllegalStateException when no trial has a validation accuracy yet
     */
    public SavedPreset saveBestAsPreset(long sweepId, String name) {
        Trial best = report(sweepId).flatMap(SweepReport::best)
                .orElseThrow(() -> new IllegalStateException("Sweep " + sweepId + " has no best trial yet"));
        return presets.save(name, best.config(), queue.currentUser().orElse(null));
    }

    /** ASHA: after a rung epoch, a trial in the bottom fraction of those that reached it stops there. */
    private void onRunEvent(RunEvent event) {
        if (event instanceof RunEvent.Finished || event instanceof RunEvent.Failed
                || event instanceof RunEvent.Cancelled) {
            feedWaitingSweeps();
            return;
        }
        if (!(event instanceof RunEvent.EpochFinished epoch)) {
            return;
        }
        try {
            Optional<Long> sweepId = sweeps.sweepOfTrialRun(epoch.runId());
            if (sweepId.isEmpty()) {
                return;
            }
            AshaPolicy asha = sweeps.findById(sweepId.get()).map(s -> s.spec().asha()).orElse(null);
            int e = epoch.metrics().epoch();
            if (asha == null || !asha.rungs().contains(e)) {
                return;
            }
            List<Double> earlier = sweeps.validationAccuraciesAt(sweepId.get(), e, epoch.runId());
            asha.decide(e, epoch.metrics().validationAccuracy(), earlier).ifPresent(reason -> {
                sweeps.markStopped(epoch.runId(), reason);
                queue.cancel(epoch.runId());
                log.info("Sweep {}: run {} {}", sweepId.get(), epoch.runId(), reason);
            });
        } catch (RuntimeException ex) {
            log.warn("ASHA could not judge run {}: {}", epoch.runId(), ex.getMessage());
        }
    }
}
