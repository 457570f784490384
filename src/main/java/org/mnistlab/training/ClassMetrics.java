package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;

/** Test-set precision, recall and F1 of one class; support = its number of test images. */
public record ClassMetrics(int label, double precision, double recall, double f1, int support) {

    /**
     * Every class's metrics from a confusion matrix ({@code confusion[actual][predicted]}), by label. A class
     * never predicted has precision 0, one without images recall 0, and F1 is 0 when both are.
     */
    public static List<ClassMetrics> fromConfusion(int[][] confusion) {
        List<ClassMetrics> result = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < confusion.length; k++) {
                support += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result.add(new ClassMetrics(c, precision, recall, f1, support));
        }
        return List.copyOf(result);
    }
}
