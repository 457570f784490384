package org.mnistlab.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** PCA against cases checked by hand. */
class PcaTest {

    @Test
    void points_on_a_line_in_3d_give_that_line_as_first_component_with_all_the_variance() {
        // p(t) = (1, 1, 1) + t · (1, 2, 2) / 3 for t = -2..2: unit direction, variance of t = 2.5
        float[][] points = new float[5][];
        for (int i = 0; i < 5; i++) {
            float t = i - 2;
            points[i] = new float[] {1 + t / 3f, 1 + 2 * t / 3f, 1 + 2 * t / 3f};
        }

        Pca pca = Pca.fit(points, 2);

        assertThat(pca.components()[0]).containsExactly(new float[] {1 / 3f, 2 / 3f, 2 / 3f}, within(1e-5f));
        assertThat(pca.variances()[0]).isCloseTo(2.5, within(1e-6));
        assertThat(pca.explainedRatio()[0]).isCloseTo(1.0, within(1e-6));
        assertThat(pca.explainedRatio()[1]).isCloseTo(0.0, within(1e-6));
        float[][] projected = pca.project(points);
        for (int i = 0; i < 5; i++) {
            assertThat(projected[i][0]).as("coordinate along the line").isCloseTo(i - 2, within(1e-5f));
            assertThat(projected[i][1]).isCloseTo(0, within(1e-5f));
        }
    }

    @Test
    void a_cross_splits_the_variance_by_its_arms() {
        // arms ±3 on y and ±1 on z around (5, 0, 0): variances 18/3 = 6 and 2/3, total 20/3 → 0.9 and 0.1
        float[][] points = {{5, 3, 0}, {5, -3, 0}, {5, 0, 1}, {5, 0, -1}};

        Pca pca = Pca.fit(points, 2);

        assertThat(pca.components()[0]).containsExactly(new float[] {0, 1, 0}, within(1e-5f));
        assertThat(pca.components()[1]).containsExactly(new float[] {0, 0, 1}, within(1e-5f));
        assertThat(pca.explainedRatio()).containsExactly(new double[] {0.9, 0.1}, within(1e-6));
        assertThat(pca.mean()).containsExactly(5, 0, 0);
    }
}
