package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTallyTest {

    @Test
    void counts_accuracy_loss_confusion_and_lists_the_wrong_answers_most_confident_first() {
        EvaluationTally tally = new EvaluationTally(3, true);
        tally.add(0, 0, 0, 0.9, 0.9);
        tally.add(1, 1, 2, 0.3, 0.6);
        tally.add(2, 2, 2, 0.5, 0.5);
        tally.add(3, 2, 0, 0.1, 0.8);

        Evaluation evaluation = tally.evaluation();

        assertThat(evaluation.accuracy()).isEqualTo(0.5);
        assertThat(evaluation.loss()).isCloseTo(-(Math.log(0.9) + Math.log(0.3) + Math.log(0.5) + Math.log(0.1)) / 4,
                within(1e-12));
        assertThat(evaluation.confusion()).isDeepEqualTo(new int[][] {{1, 0, 0}, {0, 0, 1}, {1, 0, 1}});
        assertThat(evaluation.misclassified()).extracting(Misclassified::testIndex).containsExactly(3, 1);
        assertThat(evaluation.perClass().get(2).recall()).isEqualTo(0.5);
    }

    @Test
    void keeps_no_images_when_told_not_to() {
        EvaluationTally tally = new EvaluationTally(2, false);
        tally.add(0, 0, 1, 0.2, 0.8);
        assertThat(tally.evaluation().misclassified()).isEmpty();
        assertThat(tally.accuracy()).isZero();
    }
}
