package org.mnistlab.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** t-SNE keeps apart what is apart: three separated clusters in 60 dimensions stay three on the plane. */
class TsneTest {

    @Test
    void separated_clusters_stay_separated_and_each_point_has_its_own_cluster_as_neighbour() {
        Random random = new Random(1);
        int perCluster = 60;
        float[][] data = new float[3 * perCluster][60];
        for (int i = 0; i < data.length; i++) {
            int cluster = i / perCluster;
            for (int d = 0; d < 60; d++) {
                data[i][d] = (float) (random.nextGaussian() + (d % 3 == cluster ? 8 : 0));
            }
        }
        List<Double> reported = new ArrayList<>();

        float[][] xy = Tsne.embed(data, 15, 7, (phase, done) -> reported.add(done), () -> false);

        assertThat(xy).hasNumberOfRows(data.length);
        int sameCluster = 0;
        for (int i = 0; i < xy.length; i++) {
            sameCluster += nearestOnMap(xy, i) / perCluster == i / perCluster ? 1 : 0;
        }
        assertThat(sameCluster).as("points whose nearest neighbour on the map is in their cluster")
                .isEqualTo(data.length);
        double within = meanDistance(xy, perCluster, true);
        double between = meanDistance(xy, perCluster, false);
        assertThat(between).as("clusters lie apart").isGreaterThan(3 * within);
        assertThat(reported).isSorted().last().satisfies(d -> assertThat(d).isGreaterThan(0.9));
    }

    @Test
    void a_cancelled_run_returns_nothing() {
        float[][] data = new float[50][5];
        assertThat(Tsne.embed(data, 5, 1, (p, d) -> { }, () -> true)).isNull();
    }

    /** The point nearest to point i on the map. */
    static int nearestOnMap(float[][] xy, int i) {
        int nearest = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < xy.length; j++) {
            double dx = xy[i][0] - xy[j][0];
            double dy = xy[i][1] - xy[j][1];
            if (j != i && dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                nearest = j;
            }
        }
        return nearest;
    }

    private static double meanDistance(float[][] xy, int perCluster, boolean sameCluster) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < xy.length; i++) {
            for (int j = i + 1; j < xy.length; j++) {
                if ((i / perCluster == j / perCluster) == sameCluster) {
                    sum += Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                    count++;
                }
            }
        }
        return sum / count;
    }
}
