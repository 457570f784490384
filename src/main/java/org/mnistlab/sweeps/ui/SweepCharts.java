package org.mnistlab.sweeps.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.sweeps.Trial;
import org.mnistlab.training.EpochMetrics;

/**
 * The sweep page's Chart.js configurations: the metric against each swept setting, the trials' validation
 * curves with the best one highlighted, and the settings' importance.
 */
final class SweepCharts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEST = "#2ca02c";
    private static final String OTHER = "rgba(120,120,120,0.45)";

    private SweepCharts() {
    }

    /** A trial's metric (best validation accuracy) or null before it has one. */
    static Double metric(Trial t) {
        return t.bestValidationAccuracy();
    }

    static String scatter(SweptSetting setting, int index, List<Trial> trials) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (Trial t : trials) {
            if (metric(t) != null) {
                points.add(Map.of("x", t.values().get(index).doubleValue(), "y", 100 * metric(t)));
            }
        }
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("type", setting.kind() == SweptSetting.Kind.LOG ? "logarithmic" : "linear");
        x.put("title", Map.of("display", true, "text", setting.setting().label()));
        return json(Map.of("type", "scatter",
                "data", Map.of("datasets", List.of(Map.of("label", "Best val acc (%)", "data", points,
                        "backgroundColor", "#1f77b4"))),
                "options", Map.of("animation", false, "maintainAspectRatio", false,
                        "plugins", Map.of("legend", Map.of("display", false),
                                "title", Map.of("display", true, "text", "Best validation accuracy vs " + setting.setting().label())),
                        "scales", Map.of("x", x, "y", Map.of("title", Map.of("display", true, "text", "%"))))));
    }

    static String curves(List<Trial> trials, Map<Integer, List<EpochMetrics>> epochs, Integer bestNumber) {
        int longest = epochs.values().stream().mapToInt(List::size).max().orElse(0);
        List<String> labels = new ArrayList<>();
        for (int e = 1; e <= longest; e++) {
            labels.add(String.valueOf(e));
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Trial t : trials) {
            List<EpochMetrics> curve = epochs.getOrDefault(t.number(), List.of());
            if (curve.isEmpty()) {
                continue;
            }
            boolean best = bestNumber != null && bestNumber == t.number();
            List<Double> values = curve.stream().map(m -> Double.isNaN(m.validationAccuracy()) ? null
                    : 100 * m.validationAccuracy()).toList();
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", "Trial " + t.number() + (best ? " (best)" : ""));
            d.put("data", values);
            d.put("borderColor", best ? BEST : OTHER);
            d.put("borderWidth", best ? 4 : 1.5);
            d.put("pointRadius", best ? 3 : 1);
            d.put("order", best ? 0 : 1);
            datasets.add(d);
        }
        return json(Map.of("type", "line",
                "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("animation", false, "maintainAspectRatio", false,
                        "plugins", Map.of("legend", Map.of("display", false),
                                "title", Map.of("display", true, "text", "Validation accuracy (%) per epoch, every trial; the best in green")),
                        "scales", Map.of("x", Map.of("title", Map.of("display", true, "text", "Epoch"))))));
    }

    static String importance(List<SweptSetting> swept, double[] importance) {
        return json(Map.of("type", "bar",
                "data", Map.of("labels", swept.stream().map(s -> s.setting().label()).toList(),
                        "datasets", List.of(Map.of("label", "Importance (η²)",
                                "data", java.util.Arrays.stream(importance).boxed().toList(),
                                "backgroundColor", "#9467bd"))),
                "options", Map.of("animation", false, "maintainAspectRatio", false, "indexAxis", "y",
                        "plugins", Map.of("legend", Map.of("display", false),
                                "title", Map.of("display", true, "text", "η² (correlation ratio): share of the best validation accuracy's variance each setting explains alone")),
                        "scales", Map.of("x", Map.of("min", 0, "max", 1)))));
    }

    private static String json(Object config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a chart configuration", e);
        }
    }
}
