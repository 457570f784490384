package org.mnistlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;
import org.nd4j.linalg.factory.Nd4j;

/** Every array of one shape shares one shape buffer, identical to the one ND4J would build each time. */
class CachingShapeInfoProviderTest {

    private static final long[] SHAPE = {128, 784};
    private static final long[] STRIDE = {784, 1};

    @BeforeAll
    static void loadNd4j() {
        NativeBackend.configure();
        Nd4j.create(DataType.FLOAT, 1);
    }

    @Test
    void configuring_the_backend_names_it_as_nd4js_shape_provider() {
        NativeBackend.configure();
        assertThat(System.getProperty(NativeBackend.SHAPE_INFO_PROVIDER_PROPERTY))
                .isEqualTo(CachingShapeInfoProvider.class.getName());
    }

    @Test
    void the_same_shape_twice_gets_the_same_buffer_with_what_nd4j_would_have_built() {
        CachingShapeInfoProvider provider = new CachingShapeInfoProvider();
        Pair<DataBuffer, long[]> first = provider.createShapeInformation(SHAPE, STRIDE, 1, 'c', DataType.FLOAT, false);
        Pair<DataBuffer, long[]> second = provider.createShapeInformation(
                SHAPE.clone(), STRIDE.clone(), 1, 'c', DataType.FLOAT, false);

        assertThat(second.getFirst()).isSameAs(first.getFirst());
        Pair<DataBuffer, long[]> uncached = new DirectShapeInfoProvider()
                .createShapeInformation(SHAPE, STRIDE, 1, 'c', DataType.FLOAT, false);
        assertThat(first.getFirst().asLong()).containsExactly(uncached.getFirst().asLong());
        assertThat(first.getSecond()).containsExactly(uncached.getSecond());
        assertThat(provider.cachedShapes()).isEqualTo(1);
    }

    @Test
    void a_different_type_order_stride_or_emptiness_is_a_different_shape() {
        CachingShapeInfoProvider provider = new CachingShapeInfoProvider();
        DataBuffer base = provider.createShapeInformation(SHAPE, STRIDE, 1, 'c', DataType.FLOAT, false).getFirst();

        assertThat(provider.createShapeInformation(SHAPE, STRIDE, 1, 'c', DataType.DOUBLE, false).getFirst())
                .isNotSameAs(base);
        assertThat(provider.createShapeInformation(SHAPE, new long[] {1, 128}, 1, 'f', DataType.FLOAT, false)
                .getFirst()).isNotSameAs(base);
        assertThat(provider.createShapeInformation(SHAPE, new long[] {1568, 2}, 2, 'c', DataType.FLOAT, false)
                .getFirst()).isNotSameAs(base);
        assertThat(provider.createShapeInformation(new long[] {0, 784}, STRIDE, 1, 'c', DataType.FLOAT, true)
                .getFirst()).isNotSameAs(base);
        assertThat(provider.cachedShapes()).isEqualTo(5);
    }

    @Test
    void a_callers_later_change_to_its_shape_array_does_not_reach_the_cache() {
        CachingShapeInfoProvider provider = new CachingShapeInfoProvider();
        long[] shape = SHAPE.clone();
        DataBuffer cached = provider.createShapeInformation(shape, STRIDE, 1, 'c', DataType.FLOAT, false).getFirst();
        shape[0] = 64;

        assertThat(provider.createShapeInformation(SHAPE, STRIDE, 1, 'c', DataType.FLOAT, false).getFirst())
                .isSameAs(cached);
        assertThat(provider.createShapeInformation(shape, STRIDE, 1, 'c', DataType.FLOAT, false).getFirst().asLong())
                .isNotEqualTo(cached.asLong());
    }

    @Test
    void beyond_its_capacity_new_shapes_are_built_each_time_and_still_right() {
        CachingShapeInfoProvider provider = new CachingShapeInfoProvider(1);
        provider.createShapeInformation(SHAPE, STRIDE, 1, 'c', DataType.FLOAT, false);
        long[] other = {64, 784};
        Pair<DataBuffer, long[]> first = provider.createShapeInformation(other, STRIDE, 1, 'c', DataType.FLOAT, false);
        Pair<DataBuffer, long[]> second = provider.createShapeInformation(other, STRIDE, 1, 'c', DataType.FLOAT, false);

        assertThat(second.getFirst()).isNotSameAs(first.getFirst());
        assertThat(second.getFirst().asLong()).containsExactly(first.getFirst().asLong());
        assertThat(provider.cachedShapes()).isEqualTo(1);
    }
}
