package org.mnistlab.sweeps;

import java.time.Duration;
import java.util.List;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;

/**
 * One trial of a sweep as it stands.
 *
 * @param number        1-based
 * @param values        the swept settings' values, in the spec's order
 * @param run           the run training it; null before it was queued or after its run was deleted
 * @param stoppedReason why ASHA stopped it; null otherwise
 */
public record Trial(int number, RunConfig config, List<Number> values, RunRecord run, String stoppedReason) {

    public static final String STOPPED_BY_ASHA = "Stopped by ASHA";

    public boolean stoppedByAsha() {
        return stoppedReason != null;
    }

    public boolean finished() {
        return run != null && run.status() == RunStatus.FINISHED;
    }

    /** Queued or running. */
    public boolean active() {
        return run != null && run.status().active();
    }

    /** Whether it still has to train: never queued, or its run failed, was cancelled or interrupted. */
    public boolean remaining() {
        return !finished() && !active() && !stoppedByAsha();
    }

    /** E.g. "Finished", "Running", "Stopped by ASHA", "Not queued". */
    public String statusText() {
        if (stoppedByAsha()) {
            return STOPPED_BY_ASHA;
        }
        if (run == null) {
            return "Not queued";
        }
        String s = run.status().name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public Double bestValidationAccuracy() {
        return run == null ? null : run.bestValidationAccuracy();
    }

    public Double testAccuracy() {
        return run == null ? null : run.testAccuracy();
    }

    public Duration duration() {
        return run == null ? null : run.duration();
    }
}
