package org.mnistlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.base.NativeBackend;
import org.mnistlab.dataset.DataSplit;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Sampling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * The DL4J training loop on in-memory data. Batches are written into preallocated arrays (one pair per
 * batch size) rather than allocated per batch. Per epoch it measures loss and accuracy on a fixed sample of
 * the training part and on the whole validation part, both in inference mode so the two curves compare
 * fairly (dropout off, batch norm on running statistics); the loss is plain cross-entropy against the true
 * class, without the L1/L2 penalty or label smoothing. Everything random derives from the config's seed, so
 * a re-run gives the same metrics.
 */
@Component
public class Trainer {

    /** Training images evaluated at the end of each epoch for train loss / accuracy. */
    static final int TRAIN_EVAL_SAMPLE = 6_000;
    /** Inference batch for evaluation: big enough to be efficient, small enough to keep activations small. */
    static final int EVAL_BATCH = 200;
    static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;
    /**
     * ND4J frees off-heap buffers that DL4J allocates outside its workspaces only when the Java objects
     * holding them are collected. The regularized CNN leaves ~1 MiB of them per batch (the simple CNN none);
     * a multi-GiB heap collects so rarely that RSS reaches 5.3 GiB in 5 epochs. A GC every few seconds
     * keeps it near 1.1 GiB with no visible cost in images/s.
     */
    static final long GC_INTERVAL_NANOS = 5_000_000_000L;
    private static final int PIXELS = DatasetKind.PIXELS;
    private static final int CLASSES = DatasetKind.CLASSES;
    private static final float[] PIXEL_VALUE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            PIXEL_VALUE[i] = i / 255f;
        }
    }

    private final ModelCatalog catalog;
    private final Augmenter augmenter;
    private final NativeOpThreads opThreads;

    public Trainer(ModelCatalog catalog, Augmenter augmenter) {
        NativeBackend.configure();
        this.catalog = catalog;
        this.augmenter = augmenter;
        this.opThreads = new NativeOpThreads();
    }

    /** What a training run tells its caller, on the training thread. */
    public interface Listener {

        /** Data split done, network built: the loop is about to start. */
        default void started(int batchesPerEpoch, int trainImages, int validationImages) {
        }

        /** At most every {@link #PROGRESS_INTERVAL_NANOS} (4 per second), in every phase. */
        default void batch(BatchProgress progress) {
        }

        default void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
        }

        /** After an epoch's training batches, before its measuring: the layers' health ({@link LayerProbe}). */
        default void layers(LayerDiagnostics diagnostics) {
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
     * @param end whether early stopping ended training and whose weights the network holds
     */
    public record Result(MultiLayerNetwork network, List<EpochMetrics> epochs, int bestEpoch,
                         Double bestValidationAccuracy, TrainingEnd end, Evaluation evaluation,
                         long evaluationMillis) {

        public boolean stoppedEarly() {
            return end.stoppedEarly();
        }

        /** Whether the network holds the best epoch's weights rather than the last. */
        public boolean restoredBestWeights() {
            return end.restoredBestWeights();
        }
    }

    public Result train(long runId, RunConfig config, LabeledImages trainSplit, LabeledImages testSplit,
                        Listener listener) {
        TrainingRun run = new TrainingRun(runId, config, trainSplit, listener);
        try (NativeOpThreads.Lease threads = opThreads.enter(NativeOpThreads.needsAllThreads(run.network))) {
            return run.train(testSplit);
        }
    }

    /**
     * One call of {@link #train}: the run's split, network, random sources and progress clock, shared by its
     * steps. The constructor's order of work is part of reproducibility (the network's initial weights come
     * before the seeding of ND4J's generator, which then drives dropout).
     */
    private final class TrainingRun {
        private final long runId;
        private final RunConfig config;
        private final LabeledImages data;
        private final Listener listener;
        private final DataSplit split;
        private final int[] trainSample;
        private final int batchSize;
        private final int batchesPerEpoch;
        private final MultiLayerNetwork network;
        private final LayerProbe probe;
        private final Random shuffleRandom;
        private final Random augmentRandom;
        private final Batches batches = new Batches();
        /** Null when augmentation is off. */
        private final Augmentation augmentation;
        /** The training targets, one-hot or smoothed ({@link RunConfig#trueClassTarget()}). */
        private final float trueClassTarget;
        private final float otherClassTarget;
        private final boolean hasValidation;
        private final boolean adjustableLearningRate;
        private final LearningRatePolicy learningRatePolicy;
        private double learningRate;
        /** The diagnostics of the epoch just fitted, published once the epoch itself is. */
        private LayerDiagnostics epochLayers;
        /** The training part in this epoch's order. */
        private final int[] order;
        private long runStart;
        private long lastProgress;
        private long lastGc;
        /** Images measured per epoch (training sample and validation split) and in the final test evaluation. */
        private final int evaluatedPerEpoch;
        private int testImages;
        /** Time spent so far fitting batches and evaluating images, for the ETA of what is left of each. */
        private long fitNanos;
        private long fitBatchesDone;
        private long evaluationNanos;
        private long imagesEvaluated;

        TrainingRun(long runId, RunConfig config, LabeledImages data, Listener listener) {
            this.runId = runId;
            this.config = config;
            this.data = data;
            this.listener = listener;
            split = DataSplit.stratified(data.labels(), config.validationFraction(), config.trainSubset(),
                    config.seed());
            trainSample = Sampling.sample(split.train(), TRAIN_EVAL_SAMPLE, config.seed());
            batchSize = Math.min(config.batchSize(), split.train().length);
            batchesPerEpoch = (split.train().length + batchSize - 1) / batchSize;
            network = catalog.build(config);
            probe = new LayerProbe(network);
            network.addListeners(probe);
            Nd4j.getRandom().setSeed(config.seed()); // dropout masks (thread-local generator)
            shuffleRandom = new Random(config.seed() * 31 + 17);
            augmentRandom = new Random(config.seed() * 131 + 7);
            augmentation = config.augmentation().enabled() ? config.augmentation() : null;
            trueClassTarget = config.trueClassTarget();
            otherClassTarget = config.otherClassTarget();
            hasValidation = split.validation().length > 0;
            adjustableLearningRate = ModelCatalog.updater(config).hasLearningRate();
            learningRatePolicy = new LearningRatePolicy(config, batchesPerEpoch);
            if (adjustableLearningRate) {
                learningRatePolicy.batchSchedule().ifPresent(network::setLearningRate);
            }
            learningRate = config.learningRate();
            order = split.train().clone();
            evaluatedPerEpoch = trainSample.length + split.validation().length;
        }

        Result train(LabeledImages testSplit) {
            listener.started(batchesPerEpoch, split.train().length, split.validation().length);
            testImages = testSplit.size();
            List<EpochMetrics> history = new ArrayList<>();
            BestSoFar best = new BestSoFar();
            boolean stoppedEarly = false;
            runStart = System.nanoTime();
            lastGc = System.nanoTime();
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                applyLearningRate(epoch);
                EpochMetrics metrics = trainEpoch(epoch);
                history.add(metrics);
                best.record(metrics);
                listener.epoch(metrics, best.epoch(), best.validationAccuracy());
                // after the epoch: its row is what the run keeps if storing the diagnostics fails
                listener.layers(epochLayers);
                if (best.patienceRanOut(epoch) && epoch < config.epochs()) {
                    stoppedEarly = true;
                    break;
                }
                learningRatePolicy.epochEnded(metrics.validationLoss());
            }
            boolean restored = best.restoreUnlessLast(history.size());
            long evaluationStart = System.nanoTime();
            Evaluation evaluation = evaluateOnTest(testSplit, history.size());
            TrainingEnd end = new TrainingEnd(history.size(), config.epochs(), stoppedEarly,
                    config.earlyStoppingPatience(), best.epoch(), restored);
            return new Result(network, List.copyOf(history), best.epoch(), best.validationAccuracy(), end,
                    evaluation, (System.nanoTime() - evaluationStart) / 1_000_000);
        }

        /** Sets the schedule's rate for this epoch on the network, when it changed and the updater has one. */
        private void applyLearningRate(int epoch) {
            double previousRate = learningRate;
            learningRate = learningRatePolicy.rateFor(epoch);
            // a per-batch schedule is already on the network; setting a fixed rate would replace it
            if (adjustableLearningRate && learningRate != previousRate && !config.lrSchedule().type().perBatch()) {
                network.setLearningRate(learningRate);
            }
        }

        /** Fits every batch once, then measures the epoch. */
        private EpochMetrics trainEpoch(int epoch) {
            long epochStart = System.nanoTime();
            fitBatches(epoch, epochStart);
            long epochFitNanos = System.nanoTime() - epochStart;
            epochLayers = probe.epochDone(epoch);
            Measuring measuring = new Measuring(BatchProgress.Phase.VALIDATING, epoch, evaluatedPerEpoch);
            Scores onTrain = evaluate(data, trainSample, false, measuring);
            Scores onValidation = hasValidation ? evaluate(data, split.validation(), false, measuring) : null;
            long epochNanos = System.nanoTime() - epochStart;
            return new EpochMetrics(epoch, onTrain.loss(), onTrain.accuracy(),
                    hasValidation ? onValidation.loss() : Double.NaN,
                    hasValidation ? onValidation.accuracy() : Double.NaN, learningRate,
                    epochNanos / 1_000_000, split.train().length / (epochFitNanos / 1e9));
        }

        private void fitBatches(int epoch, long epochStart) {
            Sampling.shuffle(order, shuffleRandom);
            double lossSum = 0;
            for (int b = 0; b < batchesPerEpoch; b++) {
                stopIfCancelled();
                long batchStart = System.nanoTime();
                int from = b * batchSize;
                int count = Math.min(batchSize, order.length - from);
                Batch batch = batches.of(count);
                batch.fill(data, order, from, augmentation, augmentRandom, trueClassTarget, otherClassTarget);
                network.fit(batch.features, batch.labels);
                lossSum += network.score();
                fitNanos += System.nanoTime() - batchStart;
                fitBatchesDone++;
                afterBatch(epoch, b, from + count, lossSum, epochStart);
            }
        }

        /** The periodic work between batches: a GC for off-heap buffers, progress for the listener. */
        private void afterBatch(int epoch, int batch, int imagesDone, double lossSum, long epochStart) {
            long now = System.nanoTime();
            collectGarbageNowAndThen(now);
            if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                lastProgress = now;
                long fitLeft = (long) (config.epochs() - epoch) * batchesPerEpoch + batchesPerEpoch - batch - 1;
                long evaluationLeft = (long) (config.epochs() - epoch + 1) * evaluatedPerEpoch + testImages;
                publish(BatchProgress.Phase.TRAINING, epoch, batch + 1, batchesPerEpoch, lossSum / (batch + 1),
                        imagesDone, now - epochStart, fitLeft, evaluationLeft, now);
            }
        }

        private void collectGarbageNowAndThen(long now) {
            if (now - lastGc >= GC_INTERVAL_NANOS) {
                Nd4j.getMemoryManager().invokeGc();
                lastGc = System.nanoTime();
            }
        }

        /**
         * Publishes progress with an ETA from the time fitting batches and evaluating images took so far in
         * this run; before the first evaluation, an image is assumed to evaluate three times faster than it
         * trains (a forward pass without the backward one).
         */
        private void publish(BatchProgress.Phase phase, int epoch, int batch, int batches, double loss,
                             long imagesDone, long phaseNanos, long fitBatchesLeft, long imagesLeftToEvaluate,
                             long now) {
            double perBatch = fitBatchesDone == 0 ? 0 : (double) fitNanos / fitBatchesDone;
            double perImage = imagesEvaluated > 0 ? (double) evaluationNanos / imagesEvaluated
                    : perBatch / batchSize / 3;
            double leftNanos = fitBatchesLeft * perBatch + imagesLeftToEvaluate * perImage;
            double elapsed = now - runStart;
            double fraction = elapsed + leftNanos <= 0 ? 0 : elapsed / (elapsed + leftNanos);
            listener.batch(new BatchProgress(runId, phase, epoch, config.epochs(), batch, batches, loss,
                    imagesDone / Math.max(phaseNanos / 1e9, 1e-9), Math.round(leftNanos / 1e6), fraction));
        }

        private Evaluation evaluateOnTest(LabeledImages testSplit, int lastEpoch) {
            int[] all = new int[testSplit.size()];
            Arrays.setAll(all, i -> i);
            return evaluate(testSplit, all, true, new Measuring(BatchProgress.Phase.TESTING, lastEpoch, all.length))
                    .evaluation();
        }

        /** One evaluation phase's progress, across the one or two image sets it evaluates. */
        private final class Measuring {
            final BatchProgress.Phase phase;
            final int epoch;
            final int images;
            final int batches;
            final long start = System.nanoTime();
            int imagesDone;
            int batchesDone;

            Measuring(BatchProgress.Phase phase, int epoch, int images) {
                this.phase = phase;
                this.epoch = epoch;
                this.images = images;
                batches = phase == BatchProgress.Phase.VALIDATING
                        ? batchesOf(trainSample.length) + batchesOf(split.validation().length) : batchesOf(images);
            }

            /** Counts a batch of {@code count} images that took {@code nanos} and publishes progress when due. */
            void batchDone(int count, long nanos) {
                imagesDone += count;
                batchesDone++;
                evaluationNanos += nanos;
                imagesEvaluated += count;
                long now = System.nanoTime();
                collectGarbageNowAndThen(now);
                if (now - lastProgress < PROGRESS_INTERVAL_NANOS) {
                    return;
                }
                lastProgress = now;
                boolean testing = phase == BatchProgress.Phase.TESTING;
                long fitLeft = testing ? 0 : (long) (config.epochs() - epoch) * batchesPerEpoch;
                long evaluationLeft = images - imagesDone + (testing ? 0
                        : (long) (config.epochs() - epoch) * evaluatedPerEpoch + testImages);
                publish(phase, epoch, batchesDone, batches, Double.NaN, imagesDone, now - start, fitLeft,
                        evaluationLeft, now);
            }
        }

        private static int batchesOf(int images) {
            return (images + EVAL_BATCH - 1) / EVAL_BATCH;
        }

        private void stopIfCancelled() {
            if (listener.cancelled()) {
                throw new RunCancelledException();
            }
        }

        /** Cross-entropy and accuracy on some images; with {@code full} also the whole test evaluation. */
        private Scores evaluate(LabeledImages images, int[] indices, boolean full, Measuring measuring) {
            EvaluationTally tally = new EvaluationTally(CLASSES, full);
            for (int from = 0; from < indices.length; from += EVAL_BATCH) {
                stopIfCancelled();
                long batchStart = System.nanoTime();
                int count = Math.min(EVAL_BATCH, indices.length - from);
                Batch batch = batches.of(count);
                batch.fill(images, indices, from, null, null, 1f, 0f);
                float[] probabilities = rowMajor(network.output(batch.features, false));
                for (int i = 0; i < count; i++) {
                    int index = indices[from + i];
                    int label = images.label(index);
                    int row = i * CLASSES;
                    int predicted = argmax(probabilities, row) - row;
                    tally.add(index, label, predicted, probabilities[row + label], probabilities[row + predicted]);
                }
                measuring.batchDone(count, System.nanoTime() - batchStart);
            }
            return new Scores(tally.loss(), tally.accuracy(), full ? tally.evaluation() : null);
        }

        /**
         * The run's best epoch so far, the weights to restore and when patience runs out. Without validation
         * every epoch counts as the best so far: the last epoch's weights stay and patience never runs out.
         */
        private final class BestSoFar {
            private BestEpoch best = BestEpoch.NONE;
            private int epoch;
            /** The best epoch's weights, kept only when early stopping may restore them. */
            private INDArray params;

            void record(EpochMetrics metrics) {
                if (!hasValidation) {
                    epoch = metrics.epoch();
                    return;
                }
                best = best.orBetter(metrics);
                epoch = best.epoch();
                if (epoch == metrics.epoch() && config.earlyStoppingPatience() > 0 && config.restoreBestWeights()) {
                    params = network.params().dup();
                }
            }

            int epoch() {
                return epoch;
            }

            /** Null without a best epoch (no validation). */
            Double validationAccuracy() {
                return best.exists() ? best.validationAccuracy() : null;
            }

            boolean patienceRanOut(int currentEpoch) {
                return config.earlyStoppingPatience() > 0
                        && currentEpoch - epoch >= config.earlyStoppingPatience();
            }

            /** Puts the best epoch's weights back when they were kept and training went past it. */
            boolean restoreUnlessLast(int lastEpoch) {
                if (params == null || epoch == lastEpoch) {
                    return false;
                }
                network.setParams(params);
                return true;
            }
        }
    }

    /** Loss and accuracy of some images; the evaluation only for a full (test split) evaluation. */
    private record Scores(double loss, double accuracy, Evaluation evaluation) {
    }

    /**
     * The [N, 10] output's values in row order, in one copy: INDArray.toFloatMatrix builds a view, its shape
     * info and a TAD per row, which cost more than the evaluation batch's arithmetic.
     */
    static float[] rowMajor(INDArray output) {
        INDArray rows = output.isView() || output.ordering() != 'c' ? output.dup('c') : output;
        return rows.data().getFloatsAt(0, (int) rows.length());
    }

    /** Index of the largest of {@code values[from..from + CLASSES)}. */
    private static int argmax(float[] values, int from) {
        int best = from;
        for (int i = from + 1; i < from + CLASSES; i++) {
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
        final float[] targets;

        Batch(int size) {
            features = Nd4j.create(DataType.FLOAT, size, PIXELS);
            labels = Nd4j.create(DataType.FLOAT, size, CLASSES);
            pixels = new float[size * PIXELS];
            targets = new float[size * CLASSES];
        }

        /**
         * Copies images {@code order[from..]} (augmented when asked) and their targets in: {@code trueClass} for
         * each image's label, {@code otherClass} for the rest (1 and 0: one-hot).
         */
        void fill(LabeledImages data, int[] order, int from, Augmentation augmentation, Random random,
                  float trueClass, float otherClass) {
            int size = targets.length / CLASSES;
            byte[] source = data.pixels();
            Arrays.fill(targets, otherClass);
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
                targets[i * CLASSES + data.label(index)] = trueClass;
            }
            features.data().asNioFloat().put(pixels);
            labels.data().asNioFloat().put(targets);
        }
    }
}
