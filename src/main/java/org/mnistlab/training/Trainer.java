package org.mnistlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * The DL4J training loop on in-memory data. Batches are written into preallocated arrays (one pair per
 * batch size) rather than allocated per batch. Per epoch it measures loss and accuracy on a fixed sample of
 * the training part and on the whole validation part, both in inference mode so the two curves compare
 * fairly (dropout off, batch norm on running statistics); the loss is plain cross-entropy without the
 * L1/L2 penalty. Everything random derives from the config's seed, so a re-run gives the same metrics.
 */
@Component
public class Trainer {

    /** Training images evaluated at the end of each epoch for train loss / accuracy. */
    static final int TRAIN_EVAL_SAMPLE = 6_000;
    static final int EVAL_BATCH = 500;
    static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;
    private static final int PIXELS = DatasetKind.PIXELS;
    private static final int CLASSES = ModelCatalog.CLASSES;
    private static final float[] PIXEL_VALUE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            PIXEL_VALUE[i] = i / 255f;
        }
    }

    private final ModelCatalog catalog;
    private final Augmenter augmenter;

    public Trainer(ModelCatalog catalog, Augmenter augmenter) {
        NativeBackend.configure();
        this.catalog = catalog;
        this.augmenter = augmenter;
    }

    /** What a training run tells its caller, on the training thread. */
    public interface Listener {

        /** Data split done, network built: the loop is about to start. */
        default void started(int batchesPerEpoch, int trainImages, int validationImages) {
        }

        /** At most every {@link #PROGRESS_INTERVAL_NANOS} (4 per second). */
        default void batch(BatchProgress progress) {
        }

        default void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
        }

        /** Polled before every batch; true stops training with {@link RunCancelledException}. */
        default boolean cancelled() {
            return false;
        }
    }

    /**
     * A trained network and what it measured.
     *
     * @param bestEpoch epoch with the lowest validation loss (the last epoch without validation)
     * @param bestValidationAccuracy validation accuracy of the best epoch, null without validation
     * @param restoredBestWeights whether the network holds the best epoch's weights rather than the last
     */
    public record Result(MultiLayerNetwork network, List<EpochMetrics> epochs, int bestEpoch,
                         Double bestValidationAccuracy, boolean stoppedEarly, boolean restoredBestWeights,
                         Evaluation evaluation, long evaluationMillis) {
    }

    /** Which training images a run learns from and which it validates on (indices into the train split). */
    record DataSplit(int[] train, int[] validation) {
    }

    public Result train(long runId, RunConfig config, LabeledImages trainSplit, LabeledImages testSplit,
                        Listener listener) {
        DataSplit split = split(trainSplit.labels(), config.validationFraction(), config.trainSubset(),
                config.seed());
        int[] trainSample = sample(split.train(), TRAIN_EVAL_SAMPLE, config.seed());
        int batchSize = Math.min(config.batchSize(), split.train().length);
        int batchesPerEpoch = (split.train().length + batchSize - 1) / batchSize;

        MultiLayerNetwork network = catalog.build(config);
        Nd4j.getRandom().setSeed(config.seed()); // dropout masks (thread-local generator)
        Random shuffleRandom = new Random(config.seed() * 31 + 17);
        Random augmentRandom = new Random(config.seed() * 131 + 7);
        Batches batches = new Batches();
        boolean augment = config.augmentation().enabled();
        boolean hasValidation = split.validation().length > 0;
        boolean adjustableLr = ModelCatalog.updater(config).hasLearningRate();

        listener.started(batchesPerEpoch, split.train().length, split.validation().length);
        List<EpochMetrics> history = new ArrayList<>();
        double learningRate = config.learningRate();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        Double bestValidationAccuracy = null;
        INDArray bestParams = null;
        double plateauBest = Double.POSITIVE_INFINITY;
        int plateauWait = 0;
        boolean stoppedEarly = false;
        int[] order = split.train().clone();
        long runStart = System.nanoTime();
        long lastProgress = 0;
        long totalBatches = (long) batchesPerEpoch * config.epochs();

        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            if (config.lrSchedule().type() == LrSchedule.Type.STEP) {
                learningRate = config.learningRate()
                        * Math.pow(config.lrSchedule().factor(), (epoch - 1) / config.lrSchedule().stepEpochs());
            }
            if (adjustableLr && epoch > 1) {
                network.setLearningRate(learningRate);
            }
            long epochStart = System.nanoTime();
            shuffle(order, shuffleRandom);
            double lossSum = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                if (listener.cancelled()) {
                    throw new RunCancelledException();
                }
                int from = b * batchSize;
                int count = Math.min(batchSize, order.length - from);
                Batch batch = batches.of(count);
                batch.fill(trainSplit, order, from, augment ? config.augmentation() : null, augmentRandom);
                network.fit(batch.features, batch.labels);
                lossSum += network.score();
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                    lastProgress = now;
                    long done = (long) (epoch - 1) * batchesPerEpoch + b + 1;
                    long eta = (now - runStart) / done * (totalBatches - done) / 1_000_000;
                    double seconds = (now - epochStart) / 1e9;
                    listener.batch(new BatchProgress(runId, epoch, config.epochs(), b + 1, batchesPerEpoch,
                            lossSum / (b + 1), (from + count) / Math.max(seconds, 1e-9), eta));
                }
            }
            long fitNanos = System.nanoTime() - epochStart;

            Scores onTrain = evaluate(network, trainSplit, trainSample, batches, listener, false);
            Scores onValidation = hasValidation
                    ? evaluate(network, trainSplit, split.validation(), batches, listener, false) : null;
            long epochNanos = System.nanoTime() - epochStart;
            EpochMetrics metrics = new EpochMetrics(epoch, onTrain.loss(), onTrain.accuracy(),
                    hasValidation ? onValidation.loss() : Double.NaN,
                    hasValidation ? onValidation.accuracy() : Double.NaN, learningRate,
                    epochNanos / 1_000_000, split.train().length / (fitNanos / 1e9));
            history.add(metrics);

            boolean improved = false;
            if (hasValidation) {
                if (onValidation.loss() < bestLoss) {
                    bestLoss = onValidation.loss();
                    bestEpoch = epoch;
                    bestValidationAccuracy = onValidation.accuracy();
                    improved = true;
                }
            } else {
                bestEpoch = epoch;
            }
            if (improved && config.earlyStoppingPatience() > 0 && config.restoreBestWeights()) {
                bestParams = network.params().dup();
            }
            listener.epoch(metrics, bestEpoch, bestValidationAccuracy);

            if (config.earlyStoppingPatience() > 0 && epoch - bestEpoch >= config.earlyStoppingPatience()
                    && epoch < config.epochs()) {
                stoppedEarly = true;
                break;
            }
            if (config.lrSchedule().type() == LrSchedule.Type.PLATEAU && hasValidation) {
                // Keras' ReduceLROnPlateau: a relative improvement below 1e-4 does not count.
                if (onValidation.loss() < plateauBest * (1 - 1e-4)) {
                    plateauBest = onValidation.loss();
                    plateauWait = 0;
                } else if (++plateauWait >= config.lrSchedule().patience()) {
                    learningRate *= config.lrSchedule().factor();
                    plateauWait = 0;
                }
            }
        }

        boolean restored = false;
        if (bestParams != null && bestEpoch != history.size()) {
            network.setParams(bestParams);
            restored = true;
        }
        long evaluationStart = System.nanoTime();
        int[] all = new int[testSplit.size()];
        Arrays.setAll(all, i -> i);
        Evaluation evaluation = evaluate(network, testSplit, all, batches, listener, true).evaluation();
        return new Result(network, List.copyOf(history), bestEpoch, bestValidationAccuracy, stoppedEarly,
                restored, evaluation, (System.nanoTime() - evaluationStart) / 1_000_000);
    }

    /** Cross-entropy and accuracy on some images; with {@code full} also the whole test evaluation. */
    private record Scores(double loss, double accuracy, Evaluation evaluation) {
    }

    private Scores evaluate(MultiLayerNetwork network, LabeledImages data, int[] indices, Batches batches,
                            Listener listener, boolean full) {
        int[][] confusion = new int[CLASSES][CLASSES];
        List<Misclassified> wrong = new ArrayList<>();
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < indices.length; from += EVAL_BATCH) {
            if (listener.cancelled()) {
                throw new RunCancelledException();
            }
            int count = Math.min(EVAL_BATCH, indices.length - from);
            Batch batch = batches.of(count);
            batch.fill(data, indices, from, null, null);
            float[][] probabilities = network.output(batch.features, false).toFloatMatrix();
            for (int i = 0; i < count; i++) {
                int index = indices[from + i];
                int label = data.label(index);
                float[] p = probabilities[i];
                int predicted = argmax(p);
                lossSum -= Math.log(Math.max(p[label], 1e-7));
                confusion[label][predicted]++;
                if (predicted == label) {
                    correct++;
                } else if (full) {
                    wrong.add(new Misclassified(index, label, predicted, p[predicted]));
                }
            }
        }
        double loss = lossSum / indices.length;
        double accuracy = (double) correct / indices.length;
        if (!full) {
            return new Scores(loss, accuracy, null);
        }
        wrong.sort(Comparator.comparingDouble(Misclassified::confidence).reversed()
                .thenComparingInt(Misclassified::testIndex));
        return new Scores(loss, accuracy, new Evaluation(accuracy, loss, confusion, perClass(confusion),
                List.copyOf(wrong)));
    }

    static List<ClassMetrics> perClass(int[][] confusion) {
        List<ClassMetrics> result = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < confusion.length; k++) {
                support += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result.add(new ClassMetrics(c, precision, recall, f1, support));
        }
        return List.copyOf(result);
    }

    /**
     * Stratified split from the seed: the validation part takes {@code validationFraction} of every class,
     * the training part then takes {@code subset} images (0 = all the rest) in the classes' proportions.
     * The validation part does not depend on the subset size, so subset runs validate on the same images.
     */
    static DataSplit split(byte[] labels, double validationFraction, int subset, long seed) {
        Random random = new Random(seed);
        int[][] byClass = new int[CLASSES][];
        int[] sizes = new int[CLASSES];
        for (byte label : labels) {
            sizes[label]++;
        }
        for (int c = 0; c < CLASSES; c++) {
            byClass[c] = new int[sizes[c]];
        }
        int[] filled = new int[CLASSES];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        for (int[] indices : byClass) {
            shuffle(indices, random);
        }
        int[] validationCounts = apportion(sizes, (int) Math.round(labels.length * validationFraction));
        int[] remaining = new int[CLASSES];
        int remainingTotal = 0;
        for (int c = 0; c < CLASSES; c++) {
            remaining[c] = sizes[c] - validationCounts[c];
            remainingTotal += remaining[c];
        }
        int trainTotal = subset > 0 ? Math.min(subset, remainingTotal) : remainingTotal;
        int[] trainCounts = apportion(remaining, trainTotal);
        int[] validation = new int[Arrays.stream(validationCounts).sum()];
        int[] train = new int[trainTotal];
        int v = 0;
        int t = 0;
        for (int c = 0; c < CLASSES; c++) {
            System.arraycopy(byClass[c], 0, validation, v, validationCounts[c]);
            v += validationCounts[c];
            System.arraycopy(byClass[c], validationCounts[c], train, t, trainCounts[c]);
            t += trainCounts[c];
        }
        Arrays.sort(validation);
        Arrays.sort(train);
        return new DataSplit(train, validation);
    }

    /** Splits {@code total} over classes in proportion to {@code sizes} (largest remainder method). */
    static int[] apportion(int[] sizes, int total) {
        long sum = Arrays.stream(sizes).asLongStream().sum();
        int[] counts = new int[sizes.length];
        double[] remainders = new double[sizes.length];
        int assigned = 0;
        for (int c = 0; c < sizes.length; c++) {
            double quota = sum == 0 ? 0 : (double) sizes[c] * total / sum;
            counts[c] = (int) Math.floor(quota);
            remainders[c] = quota - counts[c];
            assigned += counts[c];
        }
        while (assigned < total) {
            int best = -1;
            for (int c = 0; c < sizes.length; c++) {
                if (counts[c] < sizes[c] && (best < 0 || remainders[c] > remainders[best])) {
                    best = c;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }

    /** Up to {@code max} of the indices, chosen by the seed, in ascending order. */
    static int[] sample(int[] indices, int max, long seed) {
        if (indices.length <= max) {
            return indices.clone();
        }
        int[] copy = indices.clone();
        shuffle(copy, new Random(seed * 7 + 3));
        int[] result = Arrays.copyOf(copy, max);
        Arrays.sort(result);
        return result;
    }

    private static void shuffle(int[] array, Random random) {
        for (int i = array.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = array[i];
            array[i] = array[j];
            array[j] = tmp;
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Reusable batch arrays, one set per batch size (full batches, the last partial one, evaluation). */
    private final class Batches {
        private final Map<Integer, Batch> bySize = new HashMap<>();

        Batch of(int size) {
            return bySize.computeIfAbsent(size, Batch::new);
        }
    }

    private final class Batch {
        final INDArray features;
        final INDArray labels;
        final float[] pixels;
        final float[] oneHot;

        Batch(int size) {
            features = Nd4j.create(DataType.FLOAT, size, PIXELS);
            labels = Nd4j.create(DataType.FLOAT, size, CLASSES);
            pixels = new float[size * PIXELS];
            oneHot = new float[size * CLASSES];
        }

        /** Copies images {@code order[from..]} (augmented when asked) and their one-hot labels in. */
        void fill(LabeledImages data, int[] order, int from, Augmentation augmentation, Random random) {
            int size = oneHot.length / CLASSES;
            byte[] source = data.pixels();
            Arrays.fill(oneHot, 0f);
            for (int i = 0; i < size; i++) {
                int index = order[from + i];
                if (augmentation != null) {
                    augmenter.augmentInto(source, index * PIXELS, pixels, i * PIXELS, 1 / 255f, augmentation, random);
                } else {
                    int src = index * PIXELS;
                    int dst = i * PIXELS;
                    for (int p = 0; p < PIXELS; p++) {
                        pixels[dst + p] = PIXEL_VALUE[source[src + p] & 0xff];
                    }
                }
                oneHot[i * CLASSES + data.label(index)] = 1f;
            }
            features.data().asNioFloat().put(pixels);
            labels.data().asNioFloat().put(oneHot);
        }
    }
}
