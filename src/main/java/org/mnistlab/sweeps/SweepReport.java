package org.mnistlab.sweeps;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A sweep with its trials as they stand, and what that makes of it. */
/** @param feeding whether trials wait for a place in the queue and will be queued as runs end */
public record SweepReport(Sweep sweep, List<Trial> trials, boolean feeding) {

    public SweepReport(Sweep sweep, List<Trial> trials) {
        this(sweep, trials, false);
    }

    public enum State { RUNNING, FINISHED, CANCELLED, INTERRUPTED }

    /**
     * RUNNING while a trial is queued or running, or waits for a place; CANCELLED once cancelled; INTERRUPTED when trials are left
     * that nothing trains (the server stopped, or their runs failed); else FINISHED.
     */
    public State state() {
        if (trials.stream().anyMatch(Trial::active) || (feeding && !sweep.cancelled())) {
            return State.RUNNING;
        }
        if (sweep.cancelled()) {
            return State.CANCELLED;
        }
        return remaining().isEmpty() ? State.FINISHED : State.INTERRUPTED;
    }

    /** Trials still to train (to queue again after an interruption). */
    public List<Trial> remaining() {
        return trials.stream().filter(Trial::remaining).toList();
    }

    public List<Trial> finished() {
        return trials.stream().filter(Trial::finished).toList();
    }

    /** Finished trials, best validation accuracy first (test accuracy breaks ties). */
    public List<Trial> ranked() {
        return finished().stream().filter(t -> t.bestValidationAccuracy() != null)
                .sorted(Comparator.comparing(Trial::bestValidationAccuracy)
                        .thenComparing(t -> t.testAccuracy() == null ? 0 : t.testAccuracy()).reversed())
                .toList();
    }

    public Optional<Trial> best() {
        return ranked().stream().findFirst();
    }

    /** E.g. "3 of 12 finished, 4 stopped by ASHA". */
    public String progress() {
        long stopped = trials.stream().filter(Trial::stoppedByAsha).count();
        return finished().size() + " of " + trials.size() + " finished"
                + (stopped > 0 ? ", " + stopped + " stopped by ASHA" : "");
    }
}
