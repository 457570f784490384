package org.mnistlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against a local HTTP server on the loopback interface: mirror failover, checksum
 * mismatch, unreachable mirrors. It serves the real MNIST test labels (4,542 bytes), whose MD5 is published.
 */
class DatasetDownloaderTest {

    private static final String FILE = "t10k-labels-idx1-ubyte.gz";

    @TempDir
    Path dir;

    private HttpServer server;
    private byte[] realBytes;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        realBytes = Files.readAllBytes(IdxReaderTest.DATASETS.resolve("mnist").resolve(FILE));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good/", exchange -> respond(exchange, 200, realBytes));
        server.createContext("/missing/", exchange -> respond(exchange, 404, "not here".getBytes()));
        server.createContext("/broken/", exchange -> respond(exchange, 500, "oops".getBytes()));
        server.createContext("/tampered/", exchange -> {
            byte[] changed = realBytes.clone();
            changed[changed.length / 2] ^= 1;
            respond(exchange, 200, changed);
        });
        server.start();
    }

    private void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        requests.add(exchange.getRequestURI().getPath());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String mirror(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path + "/";
    }

    /** A loopback port nobody listens on: connections are refused. */
    private static String deadMirror() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return "http://127.0.0.1:" + port + "/mnist/";
    }

    @Test
    void downloads_from_the_first_mirror_that_works_and_verifies_md5() throws IOException {
        Path target = dir.resolve("mnist").resolve(FILE);
        List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

        new DatasetDownloader().download(DatasetKind.MNIST, FILE,
                List.of(deadMirror(), mirror("missing"), mirror("broken"), mirror("good")), target, progress::add);

        assertThat(target).hasBinaryContent(realBytes);
        assertThat(DatasetDownloader.md5Of(target)).isEqualTo("ec29112dd5afa0611ce80d1b7f02629c");
        assertThat(requests).containsExactly("/missing/" + FILE, "/broken/" + FILE, "/good/" + FILE);
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).bytesRead()).isEqualTo(realBytes.length);
        assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
        assertNoPartialFiles(target.getParent());
    }

    @Test
    void skips_a_mirror_with_wrong_bytes_and_takes_the_next() {
        Path target = dir.resolve(FILE);
        new DatasetDownloader().download(DatasetKind.MNIST, FILE, List.of(mirror("tampered"), mirror("good")),
                target, p -> { });
        assertThat(target).hasBinaryContent(realBytes);
        assertThat(requests).containsExactly("/tampered/" + FILE, "/good/" + FILE);
    }

    @Test
    void md5_mismatch_everywhere_leaves_no_file_and_says_so() {
        Path target = dir.resolve(FILE);
        assertThatThrownBy(() -> new DatasetDownloader().download(DatasetKind.MNIST, FILE,
                List.of(mirror("tampered")), target, p -> { }))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("could not be downloaded")
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("expected ec29112dd5afa0611ce80d1b7f02629c");
        assertThat(target).doesNotExist();
        assertNoPartialFiles(dir);
    }

    @Test
    void unreachable_mirrors_are_each_named_in_the_message() throws IOException {
        Path target = dir.resolve(FILE);
        String dead = deadMirror();
        assertThatThrownBy(() -> new DatasetDownloader().download(DatasetKind.MNIST, FILE,
                List.of(dead, mirror("missing")), target, p -> { }))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining(target.toString())
                .hasMessageContaining("mirrors unreachable or wrong")
                .hasMessageContaining(dead + FILE + ": cannot connect")
                .hasMessageContaining(mirror("missing") + FILE + ": HTTP 404");
        assertThat(target).doesNotExist();
    }

    @Test
    void does_not_replace_an_existing_file_with_a_bad_download() throws IOException {
        Path target = IdxFiles.write(dir.resolve(FILE), "previous".getBytes());
        assertThatThrownBy(() -> new DatasetDownloader().download(DatasetKind.MNIST, FILE,
                List.of(mirror("tampered")), target, p -> { }))
                .isInstanceOf(DatasetFileException.class);
        assertThat(target).hasContent("previous");
    }

    private static void assertNoPartialFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
