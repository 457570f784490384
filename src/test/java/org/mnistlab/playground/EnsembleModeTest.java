package org.mnistlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleModeTest {

    private static float[] sure(int digit, float p) {
        float[] v = new float[10];
        v[digit] = p;
        v[(digit + 1) % 10] = 1 - p;
        return v;
    }

    @Test
    void majority_vote_can_disagree_with_the_average() {
        // two models lean to 3 with 8 close behind, one is sure of 8: the average says 8, the vote says 3
        float[] leaning = new float[10];
        leaning[3] = 0.4f;
        leaning[5] = 0.3f;
        leaning[8] = 0.3f;
        List<float[]> answers = List.of(leaning, leaning, sure(8, 1.0f));
        assertThat(EnsembleMode.AVERAGE.decide(answers).digit()).isEqualTo(8);
        EnsembleMode.Decision vote = EnsembleMode.MAJORITY.decide(answers);
        assertThat(vote.digit()).isEqualTo(3);
        assertThat(vote.support()).isEqualTo(2f / 3);
    }

    @Test
    void a_tied_vote_goes_to_the_digit_with_the_higher_mean_probability() {
        List<float[]> answers = List.of(sure(1, 0.6f), sure(7, 0.9f));
        assertThat(EnsembleMode.MAJORITY.decide(answers).digit()).isEqualTo(7);
    }
}
