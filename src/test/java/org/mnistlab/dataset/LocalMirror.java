package org.mnistlab.dataset;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A dataset mirror on the loopback interface serving the real files of a folder, slowly if asked (so a
 * test can watch the progress), and a downloader that uses it instead of the public mirrors.
 */
public final class LocalMirror implements AutoCloseable {

    private final HttpServer server;

    /** @param pauseMsPer64k pause after each 64 KB sent */
    public LocalMirror(Path folder, int pauseMsPer64k) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int off = 0; off < body.length; off += 1 << 16) {
                    out.write(body, off, Math.min(1 << 16, body.length - off));
                    out.flush();
                    if (pauseMsPer64k > 0) {
                        Thread.sleep(pauseMsPer64k);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** A downloader that goes to this mirror whatever mirrors it is given. */
    public DatasetDownloader downloader() {
        return new DatasetDownloader() {
            @Override
            public void download(DatasetKind kind, String fileName, List<String> mirrors, Path target,
                                 Consumer<DownloadProgress> progress) {
                super.download(kind, fileName, List.of(url()), target, progress);
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
