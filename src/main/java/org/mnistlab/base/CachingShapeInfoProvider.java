package org.mnistlab.base;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;

/**
 * ND4J's CPU shape-info provider, caching the overload every new array goes through. ND4J M2.1's own
 * provider caches only another overload, so each array (every op's output, every batch) allocated a native
 * shape buffer with its own JavaCPP pointer, garbage-collector reference and deallocator. A training step
 * makes the same few dozen shapes each time: sharing one immutable buffer per shape, as the native side
 * already does, made an MLP step ~35 % and a simple-CNN step ~15 % faster, single-image inference 2-4×
 * faster, and kept the native memory from growing between collections (README "Benchmarks").
 *
 * <p>ND4J instantiates it by name from the {@code shapeinfoprovider} system property, which
 * {@link NativeBackend#configure()} sets before ND4J loads.
 */
public class CachingShapeInfoProvider extends DirectShapeInfoProvider {

    /** Far more shapes than any model here makes; beyond it new shapes are built uncached, as before. */
    static final int DEFAULT_CAPACITY = 20_000;

    private final Map<ShapeKey, Pair<DataBuffer, long[]>> cache = new ConcurrentHashMap<>();
    private final int capacity;

    public CachingShapeInfoProvider() {
        this(DEFAULT_CAPACITY);
    }

    CachingShapeInfoProvider(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride,
                                                           char order, DataType dataType, boolean empty) {
        // looked up with the caller's arrays (every new array comes here); stored with copies of them
        Pair<DataBuffer, long[]> cached =
                cache.get(new ShapeKey(shape, stride, elementWiseStride, order, dataType, empty));
        if (cached != null) {
            return cached;
        }
        Pair<DataBuffer, long[]> created =
                super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, empty);
        if (cache.size() >= capacity) {
            return created;
        }
        ShapeKey key = new ShapeKey(shape.clone(), stride.clone(), elementWiseStride, order, dataType, empty);
        Pair<DataBuffer, long[]> raced = cache.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }

    /** How many shapes are cached (for tests and diagnostics). */
    int cachedShapes() {
        return cache.size();
    }

    /** A shape as ND4J describes it; arrays compared by content. */
    private record ShapeKey(long[] shape, long[] stride, long elementWiseStride, char order, DataType dataType,
                            boolean empty) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ShapeKey k && elementWiseStride == k.elementWiseStride && order == k.order
                    && dataType == k.dataType && empty == k.empty
                    && Arrays.equals(shape, k.shape) && Arrays.equals(stride, k.stride);
        }

        @Override
        public int hashCode() {
            int hash = 31 * Arrays.hashCode(shape) + Arrays.hashCode(stride);
            hash = 31 * hash + Long.hashCode(elementWiseStride);
            hash = 31 * hash + order;
            hash = 31 * hash + dataType.hashCode();
            return 31 * hash + Boolean.hashCode(empty);
        }
    }
}
