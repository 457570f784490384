package org.mnistlab.training;

import java.util.List;

/**
 * A trained model on the test split. {@code confusion[actual][predicted]} counts images;
 * {@code misclassified} is sorted by confidence, most confidently wrong first.
 */
public record Evaluation(double accuracy, double loss, int[][] confusion, List<ClassMetrics> perClass,
                         List<Misclassified> misclassified) {
}
