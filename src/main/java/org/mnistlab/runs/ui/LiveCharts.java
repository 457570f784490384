package org.mnistlab.runs.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Chart.js configurations of the live dashboard, as raw JSON (per-dataset point styles and markers are
 * simpler to state directly than through the builder). Data is streamed in later with appendData.
 */
final class LiveCharts {

    static final String TRAIN_COLOR = "#1f77b4";
    static final String VALIDATION_COLOR = "#ff7f0e";
    static final String BEST_COLOR = "#2ca02c";
    static final String OVERFIT_COLOR = "#d62728";

    /** Dataset order of the loss and accuracy charts. */
    static final int TRAIN = 0;
    static final int VALIDATION = 1;
    static final int BEST = 2;
    static final int OVERFITTING = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveCharts() {
    }

    /** Training vs validation per epoch, plus marker datasets for the best and the overfitting epochs. */
    static String perEpoch(String title, String yTitle, String what, Double yMax) {
        ObjectNode chart = base(title, "epoch", yTitle, yMax);
        ArrayNode datasets = (ArrayNode) chart.get("data").get("datasets");
        datasets.add(line("Training " + what, TRAIN_COLOR, 3));
        datasets.add(line("Validation " + what, VALIDATION_COLOR, 3));
        datasets.add(marker("Best epoch", BEST_COLOR, "star", 10));
        datasets.add(marker("Overfitting", OVERFIT_COLOR, "triangle", 8));
        return chart.toString();
    }

    static String batchLoss() {
        // the engine reports the mean loss of the epoch's batches so far, which is smoother than single batches
        ObjectNode chart = base("Training loss within the current epoch", "batch", "loss", null);
        ((ArrayNode) chart.get("data").get("datasets")).add(line("Mean batch loss so far", TRAIN_COLOR, 2));
        return chart.toString();
    }

    private static ObjectNode base(String title, String xTitle, String yTitle, Double yMax) {
        ObjectNode chart = JSON.createObjectNode();
        chart.put("type", "line");
        ObjectNode data = chart.putObject("data");
        data.putArray("labels");
        data.putArray("datasets");
        ObjectNode options = chart.putObject("options");
        options.put("animation", false);
        options.putObject("interaction").put("mode", "index").put("intersect", false);
        options.putObject("plugins").putObject("title").put("display", true).put("text", title);
        ObjectNode scales = options.putObject("scales");
        scales.putObject("x").putObject("title").put("display", true).put("text", xTitle);
        ObjectNode y = scales.putObject("y");
        y.putObject("title").put("display", true).put("text", yTitle);
        if (yMax != null) {
            y.put("suggestedMax", yMax);
        }
        return chart;
    }

    private static ObjectNode line(String label, String color, int pointRadius) {
        ObjectNode ds = JSON.createObjectNode();
        ds.put("label", label);
        ds.putArray("data");
        ds.put("borderColor", color);
        ds.put("backgroundColor", color);
        ds.put("pointRadius", pointRadius);
        ds.put("borderWidth", 2);
        ds.put("tension", 0.2);
        ds.put("spanGaps", true);
        return ds;
    }

    private static ObjectNode marker(String label, String color, String style, int radius) {
        ObjectNode ds = JSON.createObjectNode();
        ds.put("label", label);
        ds.putArray("data");
        ds.put("showLine", false);
        ds.put("pointStyle", style);
        ds.put("pointRadius", radius);
        ds.put("pointHoverRadius", radius + 2);
        ds.put("borderColor", color);
        ds.put("backgroundColor", color);
        ds.put("borderWidth", 2);
        return ds;
    }
}
