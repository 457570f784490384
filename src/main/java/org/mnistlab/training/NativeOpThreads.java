package org.mnistlab.training;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How many threads libnd4j's own ops may use while networks train: the updater, bias additions, activations
 * and their derivatives, batch-norm statistics; not oneDNN's convolutions and pooling or OpenBLAS's products,
 * which keep their own threads. Each such op is a parallel region, and on two cores waking the second
 * thread for it (OpenMP's threads sleep when idle, see {@code NativeBackend}) costs more than it saves when
 * the op is small: the MLP's later epochs and the simple CNN train faster with one thread (A/B figures in
 * the README). Batch normalization's reductions and broadcasts over whole activations are large enough to
 * need both, so a network with batch norm keeps every thread, and so does everything while such a network
 * trains. The threads change the wall time only: the weights come out the same bit for bit.
 */
final class NativeOpThreads {

    /** A training run's hold on the setting; closing it gives the threads back once no run needs one. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private final int allThreads;
    private int needAll;
    private int needOne;

    /**
     * With the backend's thread count ({@code OMP_NUM_THREADS} or {@code SD_MAX_THREADS}, else the cores): read
     * from the pool's size, which nothing here changes, so a trainer made while another trains (one per
     * Spark task) does not take the one thread for the default.
     */
    NativeOpThreads() {
        this(Nd4j.getEnvironment().maxThreads());
    }

    NativeOpThreads(int allThreads) {
        this.allThreads = allThreads;
    }

    /** Whether the network's own ops are large enough to need every thread (it has batch normalization). */
    static boolean needsAllThreads(MultiLayerNetwork network) {
        return network.getLayerWiseConfigurations().getConfs().stream()
                .map(NeuralNetConfiguration::getLayer)
                .anyMatch(BatchNormalization.class::isInstance);
    }

    /** A run of such a network starts; the setting holds until every run that started has closed its lease. */
    synchronized Lease enter(boolean needsAllThreads) {
        if (needsAllThreads) {
            needAll++;
        } else {
            needOne++;
        }
        apply();
        return new Lease() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (NativeOpThreads.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    if (needsAllThreads) {
                        needAll--;
                    } else {
                        needOne--;
                    }
                    apply();
                }
            }
        };
    }

    private void apply() {
        Nd4j.getEnvironment().setMaxMasterThreads(needAll == 0 && needOne > 0 ? 1 : allThreads);
    }
}
