package org.mnistlab.training;

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
}
