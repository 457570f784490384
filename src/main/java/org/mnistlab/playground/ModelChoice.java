package org.mnistlab.playground;

import java.util.Locale;
import org.mnistlab.training.RunRecord;

/**
 * A finished MNIST run offered on the draw page; {@code problem} says why its model cannot be used
 * (e.g. the file is missing), null when it can.
 */
public record ModelChoice(RunRecord run, String problem) {

    public long runId() {
        return run.id();
    }

    public boolean available() {
        return problem == null;
    }

    public String name() {
        return run.name() == null || run.name().isBlank() ? run.config().displayName() : run.name();
    }

    /** e.g. "#12 Simple CNN · MNIST · Adam 0.001 · 5 ep — 98.9 %". */
    public String label() {
        String accuracy = run.testAccuracy() == null ? ""
                : String.format(Locale.ROOT, " — %.1f %%", run.testAccuracy() * 100);
        return title(run.id(), name()) + accuracy + (available() ? "" : " (model file missing)");
    }

    /** How the draw page names a model: "#12 baseline", the id first because names can repeat (re-runs). */
    public static String title(long runId, String name) {
        return "#" + runId + " " + name;
    }
}
