package org.mnistlab.playground.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.playground.Comparison;
import org.mnistlab.playground.EnsembleMode;
import org.mnistlab.playground.ModelChoice;
import org.mnistlab.playground.Prediction;

/**
 * The answer: the top digit in large type, its probability, and a bar chart of all ten probabilities (one
 * series per model in compare mode, plus the ensemble).
 */
class ProbabilityPanel extends VerticalLayout {

    private static final String[] COLORS = {"#1676f3", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599"};

    private final Div topClass = new Div();
    private final Span confidence = new Span();
    private final Span message = new Span();
    private final ChartJs chart = new ChartJs();
    private final Div comparison = new Div();
    private List<String> series = List.of();

    ProbabilityPanel() {
        setPadding(false);
        setSpacing(false);
        setWidth("420px");
        topClass.setId("top-class");
        topClass.getStyle().set("font-size", "72px").set("font-weight", "700").set("line-height", "1")
                .set("min-height", "72px").set("color", "var(--lumo-primary-text-color)");
        confidence.setId("top-confidence");
        confidence.getStyle().set("color", "var(--lumo-secondary-text-color)");
        message.setId("prediction-message");
        message.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-height", "1.5em");
        chart.setId("probability-chart");
        chart.setHeight("220px");
        comparison.setId("compare-results");
        comparison.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        Div top = new Div(topClass, confidence);
        top.getStyle().set("display", "flex").set("align-items", "baseline").set("gap", "var(--lumo-space-m)");
        add(top, message, chart, comparison);
        plot(List.of("Probability"), List.of(new float[10]));
    }

    /** One model's prediction. */
    void show(Prediction prediction) {
        message.setText("");
        showTop(prediction.digit(), prediction.confidence(), "");
        plot(List.of("Probability"), List.of(prediction.probabilities()));
        comparison.removeAll();
    }

    /** Several models side by side, their average, and the ensemble's answer by {@code mode}. */
    void show(Comparison result, EnsembleMode mode) {
        List<String> names = new ArrayList<>();
        List<float[]> data = new ArrayList<>();
        comparison.removeAll();
        for (int i = 0; i < result.outcomes().size(); i++) {
            Comparison.Outcome o = result.outcomes().get(i);
            String title = ModelChoice.title(o.runId(), o.modelName());
            names.add(title);
            data.add(o.prediction() == null ? new float[10] : o.prediction().probabilities());
            comparison.add(card(title, o.prediction() == null ? o.problem()
                    : o.prediction().digit() + "  (" + percent(o.prediction().confidence()) + ")", COLORS[i % COLORS.length]));
        }
        names.add("Ensemble (average)");
        data.add(result.ensemble() == null ? new float[10] : result.ensemble());
        plot(names, data);
        if (result.ensemble() == null) {
            topClass.setText("–");
            confidence.setText("");
            message.setText("None of the chosen models can be used");
            return;
        }
        message.setText("");
        EnsembleMode.Decision decision = result.decide(mode);
        topClass.setText(String.valueOf(decision.digit()));
        confidence.setText((mode == EnsembleMode.MAJORITY
                ? Math.round(decision.support() * answered(result)) + " of " + answered(result) + " votes"
                : percent(decision.support()) + " (average of " + answered(result) + ")"));
    }

    /** No answer: empty chart and a message saying why. */
    void showNothing(String why) {
        topClass.setText("–");
        confidence.setText("");
        message.setText(why);
        List<float[]> data = new ArrayList<>();
        series.forEach(name -> data.add(new float[10]));
        plot(series, data);
    }

    private void showTop(int digit, float p, String suffix) {
        topClass.setText(String.valueOf(digit));
        confidence.setText(percent(p) + suffix);
    }

    /**
     * Shows one probability vector per series. While the series stay the same only the values are replaced
     * (no new chart, no flicker); a new set of series rebuilds the chart with the values in its config,
     * since a value update sent in the same round trip would reach the old chart.
     */
    private void plot(List<String> names, List<float[]> data) {
        if (names.equals(series)) {
            for (int i = 0; i < data.size(); i++) {
                chart.setData(i, values(data.get(i)), null);
            }
            return;
        }
        series = List.copyOf(names);
        StringBuilder datasets = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            boolean ensemble = names.size() > 1 && i == names.size() - 1;
            String color = ensemble ? "var(--lumo-contrast-70pct)" : COLORS[i % COLORS.length]; // mnist-chart resolves var()
            StringBuilder values = new StringBuilder();
            for (float v : data.get(i)) {
                values.append(values.length() == 0 ? "" : ",").append(v);
            }
            datasets.append(i == 0 ? "" : ",").append("{\"label\":").append(json(names.get(i)))
                    .append(",\"data\":[").append(values).append("],\"backgroundColor\":\"").append(color).append("\"}");
        }
        chart.setConfigJson("{\"type\":\"bar\",\"data\":{\"labels\":[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\","
                + "\"8\",\"9\"],\"datasets\":[" + datasets + "]},\"options\":{\"animation\":false,"
                + "\"scales\":{\"y\":{\"min\":0,\"max\":1,\"title\":{\"display\":true,\"text\":\"probability\"}}},"
                + "\"plugins\":{\"legend\":{\"display\":" + (names.size() > 1) + "}}}}");
    }

    private static Div card(String name, String text, String color) {
        Span title = new Span(name);
        title.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Span body = new Span(text);
        body.getStyle().set("font-weight", "600");
        Div card = new Div(title, new Div(body));
        card.addClassName("compare-card");
        card.getStyle().set("border-left", "4px solid " + color).set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)").set("max-width", "190px");
        return card;
    }

    private static int answered(Comparison result) {
        return (int) result.outcomes().stream().filter(o -> o.prediction() != null).count();
    }

    private static List<Float> values(float[] probabilities) {
        List<Float> out = new ArrayList<>(probabilities.length);
        for (float p : probabilities) {
            out.add(p);
        }
        return out;
    }

    private static String percent(float p) {
        return Format.percent((double) p, 1);
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
