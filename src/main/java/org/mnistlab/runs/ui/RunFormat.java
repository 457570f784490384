package org.mnistlab.runs.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;

/** How the runs views write values, so the grid, detail and compare pages agree. */
final class RunFormat {

    static final String NONE = "—";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private RunFormat() {
    }

    /** The run's name, or its readable default when it has none. */
    static String name(RunRecord run) {
        return run.name() == null || run.name().isBlank() ? run.config().displayName() : run.name();
    }

    /** 0.97314 → "97.31 %". */
    static String percent(Double fraction) {
        return fraction == null || fraction.isNaN() ? NONE : String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    static String decimal(Double value, int digits) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** "45 s", "3 m 05 s", "1 h 02 m". */
    static String duration(Duration d) {
        if (d == null) {
            return NONE;
        }
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d m %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d m", s / 3600, (s % 3600) / 60);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String instant(Instant i) {
        return i == null ? NONE : CREATED.format(i);
    }

    static String epochs(RunRecord run) {
        return run.epochsDone() + " / " + run.epochsPlanned();
    }

    /** "98.12 % (epoch 7)". */
    static String bestValidation(RunRecord run) {
        if (run.bestValidationAccuracy() == null) {
            return NONE;
        }
        return percent(run.bestValidationAccuracy()) + (run.bestEpoch() == null ? "" : " (epoch " + run.bestEpoch() + ")");
    }

    static String status(RunStatus status) {
        String s = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Inline badge style (Lumo colours), so no theme file is needed. */
    static String badgeStyle(RunStatus status) {
        String colors = switch (status) {
            case RUNNING -> "background:var(--lumo-primary-color-10pct);color:var(--lumo-primary-text-color)";
            case FINISHED -> "background:var(--lumo-success-color-10pct);color:var(--lumo-success-text-color)";
            case FAILED, INTERRUPTED -> "background:var(--lumo-error-color-10pct);color:var(--lumo-error-text-color)";
            case QUEUED, CANCELLED -> "background:var(--lumo-contrast-10pct);color:var(--lumo-secondary-text-color)";
        };
        return "display:inline-block;padding:0 0.6em;border-radius:var(--lumo-border-radius-l);"
                + "font-size:var(--lumo-font-size-s);font-weight:500;line-height:1.7;" + colors;
    }
}
