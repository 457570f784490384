package org.mnistlab.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.ClassMetrics;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.ImageCounts;
import org.mnistlab.training.Misclassified;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;

/** Hand-made run values for the pure unit tests of this package (the UI tests use the real H2 store). */
final class RunFixtures {

    private RunFixtures() {
    }

    /** All planned epochs trained, best epoch 2, the last epoch's weights kept. */
    static RunRecord finished(long id, String name, RunConfig config) {
        return finished(id, name, config, config.epochs(), false, false);
    }

    /** Best epoch 2, like {@link #finished(long, String, RunConfig)}, but ended after {@code epochsDone}. */
    static RunRecord finished(long id, String name, RunConfig config, int epochsDone, boolean stoppedEarly,
                              boolean restoredBestWeights) {
        Instant created = Instant.parse("2025-01-02T10:00:00Z");
        return new RunRecord(id, name, config, RunStatus.FINISHED, created, created.plusSeconds(1),
                created.plusSeconds(91), 101_770, epochsDone, 2, 0.975, 0.9731, 0.0912, null,
                Map.of("java", "17.0.12", "dl4j", "1.0.0-M2.1", "backend", "CPU onednn"),
                Map.of("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3"), "models/run-" + id + ".zip",
                new ImageCounts(54_000, 6_000), stoppedEarly, restoredBestWeights);
    }

    static List<EpochMetrics> epochs() {
        return List.of(
                new EpochMetrics(1, 0.35, 0.9, 0.2, 0.94, 0.001, 30_000, 1800.5),
                new EpochMetrics(2, 0.12, 0.965, 0.1, 0.975, 0.001, 29_500, 1830.25),
                new EpochMetrics(3, 0.08, 0.976, Double.NaN, Double.NaN, 0.0005, 31_000, 1790));
    }

    static Evaluation evaluation() {
        int[][] confusion = new int[10][10];
        for (int i = 0; i < 10; i++) {
            confusion[i][i] = 95;
        }
        confusion[4][9] = 3;
        confusion[7][1] = 2;
        List<ClassMetrics> perClass = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            perClass.add(new ClassMetrics(i, 0.97, 0.96, 0.965, 98));
        }
        return new Evaluation(0.9731, 0.0912, confusion, perClass,
                List.of(new Misclassified(115, 4, 9, 0.993), new Misclassified(321, 7, 1, 0.81)));
    }

    static RunConfig mlp() {
        return RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST);
    }
}
