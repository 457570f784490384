package org.mnistlab.training;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;

/**
 * Trains a throwaway MLP, then a throwaway regularized CNN, on random images so that the JVM compiles the
 * training loop's Java code (DL4J's and this project's) before a person's run needs it. In a fresh JVM the MLP's
 * first epoch runs at about half the speed of its later ones, a CNN's first few hundred steps at two thirds,
 * while that code goes from interpreted through profiled to optimized (the README's benchmark section has the
 * figures); the arithmetic is native and needs no warming. Nothing of it is kept: no run, no file, no random
 * state (every run seeds its own), so a run trained after it repeats one trained without it to the last digit.
 */
public final class TrainingWarmUp {

    /**
     * Epochs of {@link #IMAGES} random images for the MLP (14,746 to train, 1,638 to validate: 116 steps of 128):
     * twelve, about 1,400 steps in 7 s, bring the MLP's first real epoch to its later epochs' speed; six, or
     * batches of 64, left it 15-25 % short (README, benchmark section).
     */
    static final int EPOCHS = 12;
    static final int IMAGES = 16_384;
    /**
     * Then two epochs of the regularized CNN on 4,096 random images (116 steps of 64, 4-6 s): conv, pooling, batch
     * norm, dropout and dense layers, so every CNN's first epoch runs compiled too. It warmed the simple CNN's
     * first epoch more than the simple CNN itself did (README, "Training warm-up").
     */
    static final int CNN_EPOCHS = 2;
    static final int CNN_IMAGES = 4_096;
    private static final Architecture CNN = Architecture.REGULARIZED_CNN;

    private final Trainer trainer;

    public TrainingWarmUp(Trainer trainer) {
        this.trainer = trainer;
    }

    /**
     * What a warm-up did.
     *
     * @param mlpEpochs epochs of the MLP it trained to their end
     * @param cnnEpochs epochs of the CNN it trained to their end
     * @param took      its wall time
     * @param stopped   whether {@code stop} ended it before its last epoch
     */
    public record Outcome(int mlpEpochs, int cnnEpochs, Duration took, boolean stopped) {

        /** "12 epoch(s) of a throwaway MLP and 2 of a regularized CNN on random images in 12.1 s", for logs. */
        public String describe() {
            String cnn = CNN.displayName();
            return String.format(Locale.ROOT,
                    "%d epoch(s) of a throwaway MLP and %d of a %s on random images in %.1f s%s", mlpEpochs,
                    cnnEpochs, Character.toLowerCase(cnn.charAt(0)) + cnn.substring(1), took.toMillis() / 1e3,
                    stopped ? ", stopped early for a run or a shutdown" : "");
        }
    }

    /**
     * Trains on the calling thread, the MLP for {@link #EPOCHS} epochs, then the CNN for {@link #CNN_EPOCHS}, or
     * until {@code stop} turns true (asked before every batch, so a real run waits one batch at most).
     */
    public Outcome run(BooleanSupplier stop) {
        return run(EPOCHS, CNN_EPOCHS, stop);
    }

    Outcome run(int mlpEpochs, int cnnEpochs, BooleanSupplier stop) {
        long start = System.nanoTime();
        int[] mlpDone = new int[1];
        int[] cnnDone = new int[1];
        boolean stopped = !train(Architecture.MLP, mlpEpochs, IMAGES, mlpDone, stop)
                || !train(CNN, cnnEpochs, CNN_IMAGES, cnnDone, stop);
        return new Outcome(mlpDone[0], cnnDone[0], Duration.ofNanos(System.nanoTime() - start), stopped);
    }

    /** Trains one throwaway network in its default batch size; false when {@code stop} ended it. */
    private boolean train(Architecture architecture, int epochs, int images, int[] epochsDone, BooleanSupplier stop) {
        if (epochs == 0) {
            return true;
        }
        RunConfig config = RunConfig.defaults(architecture, DatasetKind.MNIST).toBuilder()
                .name("warm-up").epochs(epochs).build();
        Trainer.Listener listener = new Trainer.Listener() {
            @Override
            public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
                epochsDone[0] = metrics.epoch();
            }

            @Override
            public boolean cancelled() {
                return stop.getAsBoolean();
            }
        };
        try {
            trainer.train(0, config, randomImages(Split.TRAIN, images, 1), randomImages(Split.TEST, 1_000, 2),
                    listener).network().close();
            return true;
        } catch (RunCancelledException e) {
            return false;
        }
    }

    private static LabeledImages randomImages(Split split, int size, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[size * DatasetKind.PIXELS];
        random.nextBytes(pixels);
        byte[] labels = new byte[size];
        for (int i = 0; i < size; i++) {
            labels[i] = (byte) random.nextInt(DatasetKind.CLASSES);
        }
        return new LabeledImages(DatasetKind.MNIST, split, size, pixels, labels);
    }
}
