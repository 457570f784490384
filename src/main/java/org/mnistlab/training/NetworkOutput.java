package org.mnistlab.training;

import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * A network's class probabilities for images outside training: a drawing, a sample under inspection, a
 * batch of them. oneDNN runs each convolution, pooling and batch-norm primitive as a parallel region over
 * every OpenMP thread; for a handful of images waking the second thread costs more than it saves (one
 * image, 2 threads against 1: simple CNN 1.9 against 0.65 ms, regularized CNN 1.8 against 0.9 ms; from 16
 * images on the two are level, and at 64 two threads win). So small batches run on the calling thread
 * alone. OpenMP's team size is a per-thread setting: training on other threads keeps its threads, and the
 * caller's own setting is put back afterwards.
 */
public final class NetworkOutput {

    /** Batches up to this many images run on the calling thread alone. */
    static final int ONE_THREAD_MAX_IMAGES = 8;

    private NetworkOutput() {
    }

    /**
     * @param features [images, 784] (or already shaped for the network's input)
     * @return one row of probabilities per image
     */
    public static float[][] probabilities(MultiLayerNetwork network, INDArray features) {
        return forward(features, () -> network.output(features, false).toFloatMatrix());
    }

    /**
     * Every layer's activations in inference mode, the input first (DL4J's {@code feedForward}), by the same
     * rule: a few images on the calling thread alone.
     */
    public static List<INDArray> activations(MultiLayerNetwork network, INDArray features) {
        return forward(features, () -> network.feedForward(features, false));
    }

    private static <T> T forward(INDArray features, Supplier<T> pass) {
        return runsOnOneThread(features.size(0)) ? onOneThread(pass) : pass.get();
    }

    static boolean runsOnOneThread(long images) {
        return images <= ONE_THREAD_MAX_IMAGES;
    }

    /** Runs {@code work} with this thread's OpenMP parallel regions limited to the thread itself. */
    static <T> T onOneThread(Supplier<T> work) {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(1);
        try {
            return work.get();
        } finally {
            ops.setOmpNumThreads(before);
        }
    }
}
