package org.mnistlab.sweeps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * How much of the spread in the metric each swept setting explains: the correlation ratio η² (between-group
 * sum of squares over total), grouping trials by the setting's value, or into {@value #BINS} equal-size bins
 * by value when it takes more distinct values. 0 = the metric does not move with the setting, 1 = it explains
 * all of it. A plain, dependency-free stand-in for a random forest's importance (Tribuo is not served, Smile is
 * GPL, XGBoost4J is a large native dependency for a few dozen trials); each setting is judged alone, so
 * interactions are not credited.
 */
public final class SettingImportance {

    public static final int BINS = 4;
    /** Fewer finished trials than this say nothing. */
    public static final int MIN_TRIALS = 3;

    private SettingImportance() {
    }

    /**
     * @param values one row per trial: the swept settings' values in order
     * @param metric the trials' metric, same order
     * @return η² per setting, in the settings' order; all 0 with too few trials or a constant metric
     */
    public static double[] of(List<double[]> values, List<Double> metric) {
        int settings = values.isEmpty() ? 0 : values.get(0).length;
        double[] result = new double[settings];
        int n = metric.size();
        if (n < MIN_TRIALS) {
            return result;
        }
        double mean = metric.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double total = metric.stream().mapToDouble(m -> (m - mean) * (m - mean)).sum();
        if (total <= 1e-15) {
            return result;
        }
        for (int s = 0; s < settings; s++) {
            int[] group = groups(values, s);
            double between = 0;
            for (int g = 0; g <= IntStream.of(group).max().orElse(0); g++) {
                int gg = g;
                double[] members = IntStream.range(0, n).filter(i -> group[i] == gg).mapToDouble(metric::get).toArray();
                if (members.length > 0) {
                    double gm = java.util.Arrays.stream(members).average().orElse(0);
                    between += members.length * (gm - mean) * (gm - mean);
                }
            }
            result[s] = Math.min(1, between / total);
        }
        return result;
    }

    /** Each trial's group for setting {@code s}: its distinct value, or its bin by rank. */
    private static int[] groups(List<double[]> values, int s) {
        int n = values.size();
        List<Double> distinct = values.stream().map(v -> v[s]).distinct().sorted().toList();
        int[] group = new int[n];
        if (distinct.size() <= BINS) {
            for (int i = 0; i < n; i++) {
                group[i] = distinct.indexOf(values.get(i)[s]);
            }
            return group;
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        order.sort(Comparator.comparingDouble(i -> values.get(i)[s]));
        for (int rank = 0; rank < n; rank++) {
            group[order.get(rank)] = rank * BINS / n;
        }
        return group;
    }
}
