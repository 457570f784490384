package org.mnistlab.sweeps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingImportanceTest {

    @Test
    void the_setting_that_moves_the_metric_gets_the_importance() {
        List<double[]> values = new ArrayList<>();
        List<Double> metric = new ArrayList<>();
        double[] noise = {0.3, 0.1, 0.2, 0.0, 0.1, 0.3, 0.0, 0.2};
        for (int i = 0; i < 8; i++) {
            double lr = i % 2 == 0 ? 0.001 : 0.1;
            values.add(new double[] {lr, noise[i]});
            metric.add(lr == 0.001 ? 0.97 : 0.60);
        }
        double[] importance = SettingImportance.of(values, metric);
        assertThat(importance[0]).isCloseTo(1.0, offset(1e-9));
        assertThat(importance[1]).isLessThan(0.2);
    }

    @Test
    void too_few_trials_or_a_flat_metric_say_nothing() {
        assertThat(SettingImportance.of(List.of(new double[] {1}, new double[] {2}), List.of(0.5, 0.9)))
                .containsExactly(0.0);
        assertThat(SettingImportance.of(List.of(new double[] {1}, new double[] {2}, new double[] {3}),
                List.of(0.5, 0.5, 0.5))).containsExactly(0.0);
    }

    @Test
    void many_distinct_values_are_binned_by_rank() {
        List<double[]> values = new ArrayList<>();
        List<Double> metric = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add(new double[] {i * 0.01});
            metric.add(0.5 + i * 0.02);
        }
        assertThat(SettingImportance.of(values, metric)[0]).isGreaterThan(0.9).isLessThan(1.0);
    }
}
