package org.mnistlab.training;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between ND4J arrays and Java float arrays, for the training layers that compute in Java: a loop over a
 * Java array is vectorized by the JIT compiler, one over ND4J's native memory is not (measured: 2-4× slower).
 */
final class FloatCopies {

    private FloatCopies() {
    }

    /** {@code scratch} when it has {@code length} values, else a new array of that length. */
    static float[] sized(float[] scratch, long length) {
        return scratch.length == length ? scratch : new float[Math.toIntExact(length)];
    }

    /** The array's values in C order into {@code into} (one native copy when it is laid out so already). */
    static float[] read(INDArray array, float[] into) {
        INDArray dense = plainC(array) ? array : array.dup('c');
        pointer(dense).get(into, 0, Math.toIntExact(dense.length()));
        return into;
    }

    /** Writes {@code from}, in C order, into the array (directly when it is laid out so). */
    static void write(float[] from, INDArray array) {
        if (!plainC(array)) {
            array.assign(Nd4j.createFromArray(from).reshape(array.shape()));
            return;
        }
        pointer(array).put(from, 0, Math.toIntExact(array.length()));
    }

    /**
     * Whether the array's values lie in C order from the start of its buffer. Views go through a copy: their
     * offset is counted differently by {@code offset()} and the buffer's address, and getting it wrong would
     * read the wrong values silently.
     */
    private static boolean plainC(INDArray array) {
        return !array.isView() && array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array);
    }

    private static FloatPointer pointer(INDArray array) {
        return new FloatPointer(array.data().addressPointer());
    }
}
