package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.mnistlab.base.ui.Format;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.TimeToAccuracy;

/** How the run detail and the runs grid write a run's time to accuracy. */
final class TimeToAccuracyFormat {

    private TimeToAccuracyFormat() {
    }

    /** "41 s · ep 1"; "—" while not reached. */
    static String reached(TimeToAccuracy.Reached r) {
        if (r == null || !r.isReached()) {
            return Format.NONE;
        }
        return Format.duration(Duration.ofMillis(Math.round(r.seconds() * 1000))) + " · ep " + r.epoch();
    }

    /** The grid header of target {@code index}: both datasets' thresholds, e.g. "To 99.0 | 85 %". */
    static String header(int index) {
        return "To " + percent(TimeToAccuracy.targets(DatasetKind.MNIST)[index]) + " | "
                + percent(TimeToAccuracy.targets(DatasetKind.FASHION_MNIST)[index]) + " %";
    }

    /** "99.0 %: 41 s · ep 1 · 99.3 %: 1 m 22 s · ep 2 · 99.5 %: —". */
    static String summary(TimeToAccuracy times) {
        return IntStream.range(0, TimeToAccuracy.TARGETS).mapToObj(times::get)
                .map(r -> percent(r.target()) + " %: " + reached(r)).collect(Collectors.joining("  ·  "));
    }

    /** The detail's line: "Time to validation accuracy  99.0 %: 41 s · ep 1 ...". */
    static Div line(TimeToAccuracy times) {
        Span label = new Span("Time to validation accuracy");
        label.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Span value = new Span(summary(times));
        value.setId("time-to-accuracy");
        Div line = new Div(label, value);
        line.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        return line;
    }

    private static String percent(double fraction) {
        double p = 100 * fraction;
        return String.format(Locale.ROOT, p >= 99 ? "%.1f" : "%.0f", p);
    }
}
