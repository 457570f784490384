package org.mnistlab.base.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How every view writes numbers, percentages, durations and times, so all pages agree. */
public final class Format {

    /** Stands for a value that is not known (yet). */
    public static final String NONE = "—";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Format() {
    }

    /** 0.97314 → "97.31 %". */
    public static String percent(Double fraction) {
        return percent(fraction, 2);
    }

    /** A fraction as a percentage with {@code digits} decimals, e.g. (0.973, 1) → "97.3 %". */
    public static String percent(Double fraction, int digits) {
        return fraction == null || fraction.isNaN() ? NONE
                : String.format(Locale.ROOT, "%." + digits + "f %%", fraction * 100);
    }

    public static String decimal(Double value, int digits) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    /** 101770 → "101,770". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "45 s", "3 m 05 s", "1 h 02 m". */
    public static String duration(Duration d) {
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

    /** A time left as a clock, "4:05" or "1:02:09"; "–" when unknown (negative). */
    public static String clock(long millis) {
        if (millis < 0) {
            return "–";
        }
        long s = Math.round(millis / 1000.0);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "10:04:59" in the server's zone. */
    public static String time(Instant i) {
        return i == null ? NONE : TIME.format(i);
    }

    /** "2025-03-01 10:00" in the server's zone. */
    public static String dateTime(Instant i) {
        return i == null ? NONE : DATE_TIME.format(i);
    }
}
