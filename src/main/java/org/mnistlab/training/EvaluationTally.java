package org.mnistlab.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts answers on test images into an {@link Evaluation}: accuracy, cross-entropy, the confusion matrix and
 * the images answered wrong. The trainer tallies one model with it, an ensemble its combined answers.
 */
public final class EvaluationTally {

    private final int[][] confusion;
    private final boolean keepWrong;
    private final List<Misclassified> wrong = new ArrayList<>();
    private double lossSum;
    private int correct;
    private int count;

    /** @param keepWrong whether to list the misclassified images (only the full test evaluation needs them) */
    public EvaluationTally(int classes, boolean keepWrong) {
        this.confusion = new int[classes][classes];
        this.keepWrong = keepWrong;
    }

    /**
     * @param trueClassProbability what the answer gave the true class (its cross-entropy term)
     * @param confidence           how strongly the predicted class was held (probability, or share of votes)
     */
    public void add(int testIndex, int label, int predicted, double trueClassProbability, double confidence) {
        lossSum -= Math.log(Math.max(trueClassProbability, 1e-7));
        confusion[label][predicted]++;
        count++;
        if (predicted == label) {
            correct++;
        } else if (keepWrong) {
            wrong.add(new Misclassified(testIndex, label, predicted, confidence));
        }
    }

    public double accuracy() {
        return count == 0 ? 0 : (double) correct / count;
    }

    public double loss() {
        return count == 0 ? 0 : lossSum / count;
    }

    /** The evaluation so far, the most confidently wrong images first. */
    public Evaluation evaluation() {
        List<Misclassified> sorted = new ArrayList<>(wrong);
        sorted.sort(Comparator.comparingDouble(Misclassified::confidence).reversed()
                .thenComparingInt(Misclassified::testIndex));
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return new Evaluation(accuracy(), loss(), copy, ClassMetrics.fromConfusion(copy), List.copyOf(sorted));
    }
}
