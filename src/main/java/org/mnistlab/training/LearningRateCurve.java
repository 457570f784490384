package org.mnistlab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-batch learning rate of the one-cycle and cosine schedules, shared by training (through
 * {@link BatchSchedule}) and the configurator's preview of the curve.
 * <ul>
 * <li>ONE_CYCLE: a half cosine up from the learning rate to the max rate over the warm-up, then a half cosine
 * down to 1/100 of the learning rate at the last batch (Smith's one-cycle as fast.ai and PyTorch run it).
 * <li>COSINE: linear from 1/W of the rate to the rate over the W warm-up batches, then a half cosine to 0.
 * </ul>
 */
public final class LearningRateCurve {

    /** One-cycle ends at this share of the learning rate it starts from. */
    static final double ONE_CYCLE_FINAL_SHARE = 0.01;

    private final LrSchedule.Type type;
    private final double learningRate;
    private final double maxLearningRate;
    private final long warmupBatches;
    private final long totalBatches;

    LearningRateCurve(LrSchedule.Type type, double learningRate, double maxLearningRate, long warmupBatches,
                      long totalBatches) {
        this.type = type;
        this.learningRate = learningRate;
        this.maxLearningRate = maxLearningRate;
        this.warmupBatches = warmupBatches;
        this.totalBatches = Math.max(1, totalBatches);
    }

    /** The curve of a config whose epochs each have {@code batchesPerEpoch} batches. */
    public static LearningRateCurve of(RunConfig config, int batchesPerEpoch) {
        LrSchedule s = config.lrSchedule();
        return new LearningRateCurve(s.type(), config.learningRate(), s.maxLearningRate(),
                Math.round(s.warmupEpochs() * batchesPerEpoch), (long) config.epochs() * batchesPerEpoch);
    }

    /** This curve as the DL4J schedule training sets on the network. */
    BatchSchedule asSchedule() {
        return new BatchSchedule(type, learningRate, maxLearningRate, warmupBatches, totalBatches);
    }

    /** The batches per epoch a config trains with on the full training split (what the preview assumes). */
    public static int batchesPerEpoch(RunConfig config) {
        int images = config.trainSubset() > 0 ? config.trainSubset() : config.trainingImagesLeft();
        int batch = Math.max(1, Math.min(config.batchSize(), images));
        return Math.max(1, (images + batch - 1) / batch);
    }

    /** The rate of batch {@code iteration} (from 0); the learning rate itself for the epoch-wise schedules. */
    public double rate(long iteration) {
        long t = Math.min(Math.max(iteration, 0), totalBatches - 1);
        return switch (type) {
            case ONE_CYCLE -> oneCycle(t);
            case COSINE -> cosine(t);
            default -> learningRate;
        };
    }

    private double oneCycle(long t) {
        if (t < warmupBatches) {
            return between(learningRate, maxLearningRate, (double) t / warmupBatches);
        }
        long annealing = Math.max(1, totalBatches - 1 - warmupBatches);
        return between(maxLearningRate, learningRate * ONE_CYCLE_FINAL_SHARE,
                Math.min(1, (double) (t - warmupBatches) / annealing));
    }

    private double cosine(long t) {
        if (t < warmupBatches) {
            return learningRate * (t + 1) / warmupBatches;
        }
        long annealing = Math.max(1, totalBatches - warmupBatches);
        return between(learningRate, 0, (double) (t - warmupBatches) / annealing);
    }

    /** Half-cosine interpolation: {@code from} at 0, {@code to} at 1. */
    private static double between(double from, double to, double progress) {
        return to + (from - to) * (1 + Math.cos(Math.PI * progress)) / 2;
    }

    /**
     * The rate of the whole run as (epoch, rate) points for a chart, {@code pointsPerEpoch} per epoch, epoch
     * counted from 0 at the first batch. STEP is drawn with its steps; PLATEAU and NONE as the constant rate
     * they start with (a plateau reduction depends on the validation loss, unknown before the run).
     */
    public static List<double[]> preview(RunConfig config, int batchesPerEpoch, int pointsPerEpoch) {
        List<double[]> points = new ArrayList<>();
        LrSchedule s = config.lrSchedule();
        int perEpoch = Math.max(1, Math.min(pointsPerEpoch, batchesPerEpoch));
        LearningRateCurve curve = of(config, batchesPerEpoch);
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int p = 0; p < perEpoch; p++) {
                long batch = (long) epoch * batchesPerEpoch + (long) p * batchesPerEpoch / perEpoch;
                double rate = s.type() == LrSchedule.Type.STEP
                        ? LearningRatePolicy.stepRate(config.learningRate(), s, epoch + 1)
                        : curve.rate(batch);
                points.add(new double[] {(double) batch / batchesPerEpoch, rate});
            }
        }
        long last = (long) config.epochs() * batchesPerEpoch - 1;
        double lastRate = s.type() == LrSchedule.Type.STEP
                ? LearningRatePolicy.stepRate(config.learningRate(), s, config.epochs()) : curve.rate(last);
        points.add(new double[] {config.epochs(), lastRate});
        return points;
    }
}
