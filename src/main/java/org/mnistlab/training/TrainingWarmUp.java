package org.mnistlab.training;

import java.time.Duration;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;

/**
 * Trains a throwaway MLP on random images so that the JVM compiles the training loop's Java code (DL4J's and
 * this project's) before a person's run needs it. In a fresh JVM the MLP's first epoch runs at about half the
 * speed of its later ones while that code goes from interpreted through profiled to optimized (the README's
 * benchmark section has the figures); the arithmetic is native and needs no warming, so dense networks, whose
 * steps are short, gain the most. Nothing of it is kept: no run, no file, no random state (every run seeds its
 * own), so a run trained after it repeats one trained without it to the last digit.
 */
public final class TrainingWarmUp {

    /**
     * Epochs of {@link #IMAGES} random images (14,746 to train, 1,638 to validate: 116 steps of {@link #BATCH}):
     * twelve, about 1,400 steps in 7 s, bring the MLP's first real epoch to its later epochs' speed; six, or
     * batches of 64, left it 15-25 % short (README, benchmark section).
     */
    static final int EPOCHS = 12;
    static final int IMAGES = 16_384;
    /** The MLP's default batch, so the warm-up compiles the code paths with the shapes its runs use. */
    private static final int BATCH = 128;

    private final Trainer trainer;

    public TrainingWarmUp(Trainer trainer) {
        this.trainer = trainer;
    }

    /**
     * What a warm-up did.
     *
     * @param epochs  epochs it trained to their end
     * @param took    its wall time
     * @param stopped whether {@code stop} ended it before its last epoch
     */
    public record Outcome(int epochs, Duration took, boolean stopped) {
    }

    /**
     * Trains on the calling thread for {@link #EPOCHS} epochs, or until {@code stop} turns true (asked before
     * every batch, so a real run waits one small batch at most).
     */
    public Outcome run(BooleanSupplier stop) {
        return run(EPOCHS, stop);
    }

    Outcome run(int epochs, BooleanSupplier stop) {
        long start = System.nanoTime();
        RunConfig config = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder()
                .name("warm-up").batchSize(BATCH).epochs(epochs).build();
        int[] epochsDone = new int[1];
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
        boolean stopped = false;
        try {
            trainer.train(0, config, randomImages(Split.TRAIN, IMAGES, 1), randomImages(Split.TEST, 1_000, 2),
                    listener).network().close();
        } catch (RunCancelledException e) {
            stopped = true;
        }
        return new Outcome(epochsDone[0], Duration.ofNanos(System.nanoTime() - start), stopped);
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
