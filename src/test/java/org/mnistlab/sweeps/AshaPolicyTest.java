package org.mnistlab.sweeps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AshaPolicyTest {

    private final AshaPolicy halving = new AshaPolicy(List.of(1, 3), 0.5);

    @Test
    void first_trial_at_a_rung_always_goes_on() {
        assertThat(halving.decide(1, 0.10, List.of())).isEmpty();
    }

    @Test
    void trial_in_the_bottom_half_stops_with_why() {
        assertThat(halving.decide(1, 0.80, List.of(0.90))).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("Stopped by ASHA after epoch 1: validation accuracy 80.00 % ranked 2 of 2 trials there,"
                        + " in the bottom 50 % (best 90.00 %)"));
        assertThat(halving.decide(1, 0.95, List.of(0.90))).isEmpty();
    }

    @Test
    void decides_only_at_rung_epochs() {
        assertThat(halving.decide(2, 0.10, List.of(0.90, 0.95))).isEmpty();
        assertThat(halving.decide(3, 0.10, List.of(0.90, 0.95))).isPresent();
    }

    @Test
    void ties_keep_the_trial() {
        assertThat(halving.decide(1, 0.90, List.of(0.90))).isEmpty();
    }

    @Test
    void given_curves_stop_the_weak_trials_in_arrival_order() {
        // validation accuracy at epoch 1 of six trials, in the order they reach it
        double[] atRung = {0.90, 0.85, 0.95, 0.80, 0.93, 0.89};
        List<Double> seen = new ArrayList<>();
        List<Boolean> stopped = new ArrayList<>();
        for (double a : atRung) {
            stopped.add(halving.decide(1, a, List.copyOf(seen)).isPresent());
            seen.add(a);
        }
        // 0.85 is 2nd of 2; 0.95 best; 0.80 4th of 4; 0.93 2nd of 5 (stop 2: ranks 4-5); 0.89 4th of 6 (stop ranks 4-6)
        assertThat(stopped).containsExactly(false, true, false, true, false, true);
    }

    @Test
    void quarter_fraction_needs_four_trials_to_stop_one() {
        AshaPolicy quarter = new AshaPolicy(List.of(1), 0.25);
        assertThat(quarter.decide(1, 0.1, List.of(0.9, 0.9))).isEmpty();
        assertThat(quarter.decide(1, 0.1, List.of(0.9, 0.9, 0.9))).isPresent();
    }

    @Test
    void default_rungs_are_a_quarter_and_half_of_the_epochs() {
        assertThat(AshaPolicy.defaults(10).rungs()).containsExactly(2, 5);
        assertThat(AshaPolicy.defaults(2).rungs()).containsExactly(1);
        assertThat(AshaPolicy.defaults(1).rungs()).isEmpty();
    }
}
