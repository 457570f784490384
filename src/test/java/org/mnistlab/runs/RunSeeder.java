package org.mnistlab.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.training.ClassMetrics;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.Misclassified;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.TrainingEnd;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Writes runs into the real H2 store the way the trainer does, so UI tests can have hundreds of runs without
 * training them; metrics are made up but consistent. As a JUnit extension ({@code @RegisterExtension} in a
 * {@code SpringAppTest}) it empties the store before each test, so a test sees only the runs it seeds.
 */
public final class RunSeeder implements BeforeEachCallback {

    /** A fixed "now", so creation order is known. */
    public static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    public static final Map<String, String> VERSIONS = Map.of("java", "17", "dl4j", "1.0.0-M2.1",
            "backend", "CPU (seeded)");
    public static final Map<String, String> CHECKSUMS = Map.of("t10k-images-idx3-ubyte.gz",
            "9fb629c4189551a2d022fa330f9573f3");

    private RunStore store;

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext app = SpringExtension.getApplicationContext(context);
        store = app.getBean(RunStore.class);
        new TestRuns(app.getBean(RunQueue.class), store).deleteAll();
    }

    /** A finished run with {@code epochs.size()} epochs, the last one's weights and, when given, a test evaluation. */
    public long finished(RunConfig config, Instant created, long parameters, List<EpochMetrics> epochs,
                         Evaluation evaluation) {
        return finished(config, created, parameters, epochs, evaluation, false, false);
    }

    /** A finished run that early stopping may have ended, with or without the best epoch's weights restored. */
    public long finished(RunConfig config, Instant created, long parameters, List<EpochMetrics> epochs,
                         Evaluation evaluation, boolean stoppedEarly, boolean restoredBestWeights) {
        long id = store.insertQueued(config, parameters, created);
        store.markRunning(id, created.plusSeconds(1), VERSIONS, CHECKSUMS);
        // Best epoch as the trainer picks it: lowest validation loss.
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestAccuracy = Double.NaN;
        long millis = 1000;
        for (EpochMetrics e : epochs) {
            if (e.validationLoss() < bestLoss) {
                bestLoss = e.validationLoss();
                bestAccuracy = e.validationAccuracy();
                best = e.epoch();
            }
            millis += e.durationMillis();
            store.insertEpoch(id, e, best, bestAccuracy);
        }
        Evaluation ev = evaluation != null ? evaluation : new Evaluation(0.9, 0.3, new int[10][10], List.of(), List.of());
        TrainingEnd end = new TrainingEnd(epochs.size(), config.epochs(), stoppedEarly,
                config.earlyStoppingPatience(), best > 0 ? best : epochs.size(), restoredBestWeights);
        store.markFinished(id, created.plusMillis(millis), ev, end, null);
        return id;
    }

    public long failed(RunConfig config, Instant created, String message) {
        long id = store.insertQueued(config, 1000, created);
        store.markRunning(id, created.plusSeconds(1), VERSIONS, CHECKSUMS);
        store.markEnded(id, RunStatus.FAILED, created.plusSeconds(5), message);
        return id;
    }

    /** A run that is RUNNING in the store (no trainer behind it). */
    public long running(RunConfig config, Instant created, List<EpochMetrics> epochsSoFar) {
        long id = store.insertQueued(config, 1000, created);
        store.markRunning(id, created.plusSeconds(1), VERSIONS, CHECKSUMS);
        for (EpochMetrics e : epochsSoFar) {
            store.insertEpoch(id, e, e.epoch(), e.validationAccuracy());
        }
        return id;
    }

    /** Epoch curves that improve, ending at {@code finalValidationAccuracy}. */
    public static List<EpochMetrics> epochs(int count, double finalValidationAccuracy) {
        List<EpochMetrics> out = new ArrayList<>();
        for (int e = 1; e <= count; e++) {
            double progress = (double) e / count;
            out.add(new EpochMetrics(e, 1.0 - 0.8 * progress, 0.80 + 0.18 * progress, 0.9 - 0.6 * progress,
                    finalValidationAccuracy - 0.05 * (1 - progress), 0.001, 2000 + e, 1500));
        }
        return out;
    }

    /**
     * A consistent evaluation on the real test split: {@code errors} test images (at random, with their
     * real labels) are predicted as another class; everything else is correct.
     */
    public static Evaluation evaluation(LabeledImages test, int errors, long seed) {
        Random random = new Random(seed);
        int[][] confusion = new int[10][10];
        boolean[] wrong = new boolean[test.size()];
        List<Misclassified> misclassified = new ArrayList<>();
        while (misclassified.size() < errors) {
            int index = random.nextInt(test.size());
            if (wrong[index]) {
                continue;
            }
            wrong[index] = true;
            int actual = test.label(index);
            int predicted = (actual + 1 + random.nextInt(2)) % 10;
            misclassified.add(new Misclassified(index, actual, predicted, 0.5 + 0.5 * random.nextDouble()));
        }
        misclassified.sort((x, y) -> Double.compare(y.confidence(), x.confidence()));
        for (int i = 0; i < test.size(); i++) {
            if (!wrong[i]) {
                confusion[test.label(i)][test.label(i)]++;
            }
        }
        misclassified.forEach(m -> confusion[m.trueLabel()][m.predictedLabel()]++);
        double accuracy = 1 - (double) errors / test.size();
        return new Evaluation(accuracy, 0.1, confusion, ClassMetrics.fromConfusion(confusion), misclassified);
    }
}
