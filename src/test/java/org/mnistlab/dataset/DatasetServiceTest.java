package org.mnistlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistlab.base.MnistLabProperties;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Loading whole datasets: the real files load and verify; a bad folder gives an unavailable dataset whose
 * message names the file and the problem, and the service keeps answering.
 */
class DatasetServiceTest {

    @TempDir
    Path dataDir;

    private DatasetService service(Path datasetsDir) {
        return new DatasetService(new MnistLabProperties(dataDir, datasetsDir, false, 1), new DatasetDownloader(),
                new SimpleAsyncTaskExecutor());
    }

    @Test
    void loads_real_mnist_with_verified_checksums() {
        DatasetService service = service(IdxReaderTest.DATASETS);
        LabeledImages train = service.samples(DatasetKind.MNIST, Split.TRAIN);
        LabeledImages test = service.samples(DatasetKind.MNIST, Split.TEST);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.classCounts()).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(service.checksums(DatasetKind.MNIST))
                .containsEntry("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873")
                .hasSize(4);
        assertThat(service.status(DatasetKind.MNIST).ready()).isTrue();
        assertThat(service.isLoaded(DatasetKind.MNIST)).isTrue();
        assertThat(service.isLoaded(DatasetKind.FASHION_MNIST)).isFalse();
    }

    @Test
    void loads_only_once_and_shares_the_arrays() {
        DatasetService service = service(IdxReaderTest.DATASETS);
        assertThat(service.samples(DatasetKind.MNIST, Split.TEST).pixels())
                .isSameAs(service.samples(DatasetKind.MNIST, Split.TEST).pixels());
    }

    @Test
    void class_means_of_real_mnist_look_like_their_digit() {
        DatasetService service = service(IdxReaderTest.DATASETS);
        byte[][] means = service.classMeans(DatasetKind.MNIST, Split.TRAIN);
        assertThat(means).hasNumberOfRows(10);
        // A mean "0" is a ring: ink around the centre, a hole in it; a mean "1" has ink in the very centre.
        int centre = 14 * 28 + 14;
        assertThat(means[0][centre] & 0xff).isLessThan(60);
        assertThat(means[1][centre] & 0xff).isGreaterThan(150);
        assertThat(service.classMeans(DatasetKind.MNIST, Split.TRAIN)).isSameAs(means);
    }

    @Test
    void names_the_missing_file_when_downloads_are_off() {
        DatasetService service = service(dataDir.resolve("datasets"));
        Path expected = dataDir.resolve("datasets/mnist/train-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> service.samples(DatasetKind.MNIST, Split.TRAIN))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("MNIST is not available: mnist/train-images-idx3-ubyte.gz: file is missing")
                .hasMessageNotContaining(dataDir.toString());
        assertThat(((DatasetFileException) caught(() -> service.samples(DatasetKind.MNIST, Split.TRAIN)).getCause())
                .file()).isEqualTo(expected);
        assertThat(service.status(DatasetKind.MNIST).state()).isEqualTo(DatasetStatus.State.FAILED);
        assertThat(service.status(DatasetKind.MNIST).message())
                .isEqualTo("mnist/train-images-idx3-ubyte.gz: file is missing (downloads are switched off)");
    }

    private static Throwable caught(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void rejects_image_label_count_mismatch() {
        Path dir = IdxFiles.smallDataset(dataDir.resolve("datasets/mnist"), 5, 3);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(4)));
        assertThatThrownBy(() -> service(dataDir.resolve("datasets")).samples(DatasetKind.MNIST, Split.TRAIN))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("mnist/train-labels-idx1-ubyte.gz")
                .hasMessageContaining("image/label count mismatch: 4 labels for 5 images in train-images-idx3-ubyte.gz");
    }

    @Test
    void bounds_each_split_by_its_published_size() {
        Path dir = IdxFiles.smallDataset(dataDir.resolve("datasets/mnist"), 5, 3);
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFiles.gzip(IdxFiles.labels(10_001)));
        assertThatThrownBy(() -> service(dataDir.resolve("datasets")).samples(DatasetKind.MNIST, Split.TEST))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz")
                .hasMessageContaining("header announces 10001 labels, more than the 10000");
    }

    @Test
    void rejects_well_formed_files_whose_checksum_is_not_the_published_one() {
        Path dir = IdxFiles.smallDataset(dataDir.resolve("datasets/mnist"), 5, 3);
        assertThatThrownBy(() -> service(dataDir.resolve("datasets")).samples(DatasetKind.MNIST, Split.TEST))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("mnist/train-images-idx3-ubyte.gz")
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("expected f68b3c2dcbeaaa9fbdd348bbdeb94873");
    }

    @Test
    void a_broken_dataset_leaves_the_other_one_usable() throws Exception {
        Path datasets = dataDir.resolve("datasets");
        // Real MNIST beside a Fashion-MNIST folder whose training images are not gzip.
        for (String file : DatasetKind.MNIST.fileNames()) {
            Files.createDirectories(datasets.resolve("mnist"));
            Files.copy(IdxReaderTest.DATASETS.resolve("mnist").resolve(file), datasets.resolve("mnist").resolve(file));
        }
        IdxFiles.smallDataset(datasets.resolve("fashion-mnist"), 2, 2);
        Path broken = IdxFiles.write(datasets.resolve("fashion-mnist/train-images-idx3-ubyte.gz"), IdxFiles.images(2));
        DatasetService service = service(datasets);

        assertThatThrownBy(() -> service.samples(DatasetKind.FASHION_MNIST, Split.TRAIN))
                .hasMessageContaining("Fashion-MNIST is not available")
                .hasMessageContaining("fashion-mnist/" + broken.getFileName())
                .hasMessageContaining("not a gzip file");
        assertThat(service.samples(DatasetKind.MNIST, Split.TEST).size()).isEqualTo(10_000);
        // Asking again tries again (the user may have fixed the file meanwhile) and fails the same way.
        assertThatThrownBy(() -> service.samples(DatasetKind.FASHION_MNIST, Split.TEST))
                .hasMessageContaining("not a gzip file");
    }

    @Test
    void background_load_reports_status_and_fails_with_the_reason() throws Exception {
        DatasetService service = service(dataDir.resolve("datasets"));
        List<DatasetStatus> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = service.subscribe(seen::add);

        assertThatThrownBy(() -> service.loadInBackground(DatasetKind.FASHION_MNIST).get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("file is missing");
        assertThat(seen).extracting(DatasetStatus::state).contains(DatasetStatus.State.FAILED);

        unsubscribe.run();
        seen.clear();
        assertThatThrownBy(() -> service.loadInBackground(DatasetKind.FASHION_MNIST).join())
                .isInstanceOf(CompletionException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void downloads_missing_files_with_progress_then_loads_them() throws Exception {
        Path datasets = dataDir.resolve("datasets");
        List<DatasetStatus> seen = new CopyOnWriteArrayList<>();
        try (LocalMirror mirror = new LocalMirror(IdxReaderTest.DATASETS.resolve("mnist"), 0)) {
            DatasetService service = new DatasetService(new MnistLabProperties(dataDir, datasets, true, 1),
                    mirror.downloader(), new SimpleAsyncTaskExecutor());
            service.subscribe(seen::add);
            assertThat(service.samples(DatasetKind.MNIST, Split.TRAIN).classCounts()[0]).isEqualTo(5923);
        }
        for (String file : DatasetKind.MNIST.fileNames()) {
            assertThat(DatasetDownloader.md5Of(datasets.resolve("mnist").resolve(file))).isEqualTo(DatasetKind.MNIST.md5(file));
        }
        List<DatasetStatus> downloading = seen.stream().filter(s -> s.state() == DatasetStatus.State.DOWNLOADING).toList();
        assertThat(downloading).extracting(DatasetStatus::message)
                .contains("Downloading train-images-idx3-ubyte.gz (1 of 4)", "Downloading t10k-labels-idx1-ubyte.gz (4 of 4)");
        // Whole-percent steps only: the 9.9 MB file arrives in ~150 chunks but is reported at most ~101 times.
        assertThat(downloading.stream().filter(s -> s.message().startsWith("Downloading train-images")).count())
                .isBetween(3L, 102L);
        assertThat(downloading).extracting(DatasetStatus::progress).contains(1.0);
        assertThat(seen.get(seen.size() - 1).state()).isEqualTo(DatasetStatus.State.READY);
    }

    @Test
    void a_failing_listener_does_not_stop_the_others() {
        DatasetService service = service(IdxReaderTest.DATASETS);
        List<DatasetStatus> seen = new CopyOnWriteArrayList<>();
        service.subscribe(s -> {
            throw new IllegalStateException("a closed browser tab");
        });
        service.subscribe(seen::add);
        service.samples(DatasetKind.MNIST, Split.TEST);
        assertThat(seen).extracting(DatasetStatus::state).contains(DatasetStatus.State.LOADING, DatasetStatus.State.READY);
    }
}
