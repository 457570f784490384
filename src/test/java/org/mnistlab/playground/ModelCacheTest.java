package org.mnistlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {

    @TempDir
    Path dir;

    @Test
    void loads_a_model_once_and_serves_it_from_memory_afterwards() throws IOException {
        Path file = copy("a.zip");
        ModelCache cache = new ModelCache(4);

        long t0 = System.nanoTime();
        MultiLayerNetwork first = cache.get(file);
        long t1 = System.nanoTime();
        MultiLayerNetwork second = cache.get(file);
        long t2 = System.nanoTime();

        System.out.printf("model load: first %.1f ms, cached %.3f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        assertThat(second).isSameAs(first);
        assertThat(first.numParams()).isEqualTo(784 * 64 + 64 + 64 * 10 + 10);
        assertThat(cache.contains(file)).isTrue();
    }

    @Test
    void keeps_only_the_most_recently_used_models() throws IOException {
        Path a = copy("a.zip");
        Path b = copy("b.zip");
        Path c = copy("c.zip");
        ModelCache cache = new ModelCache(2);

        MultiLayerNetwork netA = cache.get(a);
        cache.get(b);
        cache.get(a); // a is now more recent than b
        cache.get(c); // evicts b

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.contains(a)).isTrue();
        assertThat(cache.contains(b)).isFalse();
        assertThat(cache.contains(c)).isTrue();
        assertThat(cache.get(a)).isSameAs(netA);
    }

    @Test
    void reloads_a_model_file_that_was_saved_again() throws IOException {
        Path file = copy("a.zip");
        ModelCache cache = new ModelCache(4);
        MultiLayerNetwork before = cache.get(file);

        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        assertThat(cache.get(file)).isNotSameAs(before);
    }

    @Test
    void a_missing_model_file_gives_a_clear_message() {
        ModelCache cache = new ModelCache(4);

        assertThatThrownBy(() -> cache.get(dir.resolve("gone.zip")))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("The model file gone.zip is missing");
    }

    @Test
    void an_unreadable_model_file_gives_a_clear_message_and_is_not_cached() throws IOException {
        Path broken = dir.resolve("broken.zip");
        Files.writeString(broken, "this is not a DL4J model");
        ModelCache cache = new ModelCache(4);

        assertThatThrownBy(() -> cache.get(broken))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("The model file broken.zip cannot be read");
        assertThat(cache.size()).isZero();
    }

    private Path copy(String name) throws IOException {
        return Files.copy(TinyModel.file(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
