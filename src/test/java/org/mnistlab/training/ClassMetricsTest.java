package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassMetricsTest {

    @Test
    void precision_recall_f1_and_support_come_from_the_confusion_matrix() {
        int[][] confusion = {
                {8, 2, 0},
                {1, 3, 0},
                {0, 0, 0}};

        List<ClassMetrics> metrics = ClassMetrics.fromConfusion(confusion);

        assertThat(metrics).hasSize(3);
        ClassMetrics zero = metrics.get(0);
        assertThat(zero.label()).isZero();
        assertThat(zero.precision()).isEqualTo(8.0 / 9);
        assertThat(zero.recall()).isEqualTo(0.8);
        assertThat(zero.f1()).isEqualTo(2 * (8.0 / 9) * 0.8 / (8.0 / 9 + 0.8));
        assertThat(zero.support()).isEqualTo(10);
        assertThat(metrics.get(1)).isEqualTo(new ClassMetrics(1, 0.6, 0.75, 2 * 0.6 * 0.75 / 1.35, 4));
    }

    @Test
    void a_class_never_seen_nor_predicted_scores_zero_not_nan() {
        ClassMetrics empty = ClassMetrics.fromConfusion(new int[][] {{5, 0}, {0, 0}}).get(1);

        assertThat(empty).isEqualTo(new ClassMetrics(1, 0, 0, 0, 0));
    }
}
