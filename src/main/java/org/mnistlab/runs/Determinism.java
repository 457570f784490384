package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.RunReport;

/**
 * Whether runs with the same settings (a run and its re-runs) measured the same: the largest absolute
 * difference between them over every epoch's losses and accuracies and the test accuracy. Timings are left
 * out: they depend on the machine, not on the training.
 *
 * @param epochs        how many epochs were compared (the runs' common number)
 * @param maxDifference the largest absolute difference found, 0 when identical; NaN when the runs cannot be
 *                      compared (see {@code why})
 * @param where         which value differed most, e.g. "validation loss at epoch 3"; empty when identical
 * @param why           why the runs cannot be compared; empty when they can
 * @param testCompared  whether the test accuracy was compared (every run has one)
 * @param software      the software the runs did not share, e.g. "nd4j 1.0.0-M2.1 / 1.0.0-M3"; empty when alike
 */
public record Determinism(int epochs, double maxDifference, String where, String why, boolean testCompared,
                          String software) {

    private record Metric(String name, ToDoubleFunction<EpochMetrics> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("training loss", EpochMetrics::trainLoss),
            new Metric("training accuracy", EpochMetrics::trainAccuracy),
            new Metric("validation loss", EpochMetrics::validationLoss),
            new Metric("validation accuracy", EpochMetrics::validationAccuracy),
            new Metric("learning rate", EpochMetrics::learningRate));

    /** The verdict on runs that share every setting; empty for fewer than two runs. */
    public static Optional<Determinism> of(List<RunReport> sameSettings) {
        if (sameSettings.size() < 2) {
            return Optional.empty();
        }
        List<Integer> epochCounts = sameSettings.stream().map(r -> r.epochs().size()).distinct().toList();
        if (epochCounts.size() > 1) {
            return Optional.of(new Determinism(0, Double.NaN, "", "they stopped after different numbers of epochs ("
                    + String.join(", ", sameSettings.stream().map(r -> String.valueOf(r.epochs().size())).toList())
                    + ")", false, ""));
        }
        int epochs = epochCounts.get(0);
        if (epochs == 0) {
            return Optional.of(new Determinism(0, Double.NaN, "", "none of them finished an epoch", false, ""));
        }
        double max = 0;
        String where = "";
        List<EpochMetrics> first = sameSettings.get(0).epochs();
        for (RunReport other : sameSettings.subList(1, sameSettings.size())) {
            for (int e = 0; e < epochs; e++) {
                for (Metric m : METRICS) {
                    double d = difference(m.value().applyAsDouble(first.get(e)),
                            m.value().applyAsDouble(other.epochs().get(e)));
                    if (d > max) {
                        max = d;
                        where = m.name() + " at epoch " + first.get(e).epoch();
                    }
                }
            }
        }
        List<Double> tests = new ArrayList<>();
        sameSettings.forEach(r -> tests.add(r.run().testAccuracy()));
        boolean testCompared = tests.stream().allMatch(Objects::nonNull);
        if (testCompared) {
            for (double t : tests) {
                double d = Math.abs(t - tests.get(0));
                if (d > max) {
                    max = d;
                    where = "test accuracy";
                }
            }
        }
        return Optional.of(new Determinism(epochs, max, where, "", testCompared, softwareDifferences(sameSettings)));
    }

    /** "key a / b" for each software version the runs recorded differently, "—" where one recorded none. */
    private static String softwareDifferences(List<RunReport> runs) {
        Set<String> keys = new TreeSet<>();
        runs.forEach(r -> keys.addAll(versions(r).keySet()));
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            List<String> values = runs.stream().map(r -> versions(r).getOrDefault(key, "—")).distinct().toList();
            if (values.size() > 1) {
                differences.add(key + " " + String.join(" / ", values));
            }
        }
        return String.join(", ", differences);
    }

    private static Map<String, String> versions(RunReport report) {
        Map<String, String> versions = report.run().softwareVersions();
        return versions == null ? Map.of() : versions;
    }

    /** Both NaN (no validation split) counts as equal; one NaN as an infinite difference. */
    private static double difference(double a, double b) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return 0;
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(a - b);
    }

    public boolean comparable() {
        return why.isEmpty();
    }

    public boolean identical() {
        return comparable() && maxDifference == 0;
    }

    /** The verdict in words, saying why. */
    public String verdict() {
        if (!comparable()) {
            return "Same settings, but the metrics cannot be compared: " + why + ".";
        }
        String scope = (epochs == 1 ? "the 1 epoch" : "all " + epochs + " epochs")
                + (testCompared ? " and the test accuracy" : " (test accuracy not compared: not every run finished)");
        if (identical()) {
            return "Identical metrics: with the same settings and seed, every loss and accuracy is exactly the same "
                    + "over " + scope + ", so this training is deterministic.";
        }
        String differ = "The metrics differ by at most " + String.format(Locale.ROOT, "%.2g", maxDifference) + " ("
                + where + ") over " + scope + ": ";
        if (!software.isEmpty()) {
            return differ + "the runs ran on different software (" + software + "), which may round sums "
                    + "differently, so the difference says nothing about the training itself.";
        }
        return differ + "the seed fixes the data order, initial weights and dropout, so the difference comes from "
                + "randomness it does not fix (e.g. the order of multi-threaded sums in the native backend).";
    }
}
