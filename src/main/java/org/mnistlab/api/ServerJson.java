package org.mnistlab.api;

import java.util.Map;
import org.mnistlab.training.BackendInfo;

/**
 * The server's training backend.
 *
 * @param backend  the native build ND4J loaded, e.g. "CPU linux-x86_64-onednn-avx512"
 * @param versions java, dl4j, nd4j, onednn, blas, OpenMP threads, as stored with each run
 */
public record ServerJson(String backend, boolean avx512, int cpus, long maxHeapMiB, Map<String, String> versions) {

    static ServerJson of(BackendInfo info, Runtime runtime) {
        String backend = info.backend();
        return new ServerJson(backend, backend.contains("avx512"), runtime.availableProcessors(),
                runtime.maxMemory() >> 20, info.versions());
    }
}
