package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.dataset.DatasetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A batch of random images with labels that differ between steps: for comparing two ways of training. */
record RandomBatch(INDArray features, INDArray labels) {

    /** Draws from ND4J's generator, so a seed set before the first step makes the sequence repeat. */
    static RandomBatch of(int size, int step) {
        INDArray features = Nd4j.rand(DataType.FLOAT, size, DatasetKind.PIXELS);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, size, DatasetKind.CLASSES);
        for (int i = 0; i < size; i++) {
            labels.putScalar(i, (i * 7 + step) % DatasetKind.CLASSES, 1f);
        }
        return new RandomBatch(features, labels);
    }

    /** The weights of a network trained {@code steps} steps on batches drawn after seeding ND4J's generator. */
    static INDArray weightsAfter(MultiLayerNetwork network, long seed, int steps, int size) {
        Nd4j.getRandom().setSeed(seed);
        for (int step = 0; step < steps; step++) {
            RandomBatch batch = of(size, step);
            network.fit(batch.features(), batch.labels());
        }
        return network.params().dup();
    }

    /** Trains both networks on the same batches; after each step their losses agree within {@code tolerance}. */
    static void fitSideBySide(MultiLayerNetwork ours, MultiLayerNetwork theirs, long seed, int steps, int size,
                              double tolerance) {
        Nd4j.getRandom().setSeed(seed);
        for (int step = 0; step < steps; step++) {
            RandomBatch batch = of(size, step);
            ours.fit(batch.features(), batch.labels());
            theirs.fit(batch.features(), batch.labels());
            assertThat(ours.score()).as("loss after step %d", step).isCloseTo(theirs.score(), offset(tolerance));
        }
    }
}
