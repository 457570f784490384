package org.mnistlab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches a missing dataset file from the public mirrors, in order. The bytes go to a temporary file beside
 * the target and are moved in place only after their MD5 matches the published one, so a half-written
 * or wrong file never takes the real name.
 */
@Component
public class DatasetDownloader {

    private static final Logger log = LoggerFactory.getLogger(DatasetDownloader.class);

    private final HttpClient http;

    public DatasetDownloader() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    DatasetDownloader(HttpClient http) {
        this.http = http;
    }

    /**
     * Downloads {@code fileName} of {@code kind} to {@code target}, trying each mirror base URL in turn.
     *
     * @throws DatasetFileException naming the file and what every mirror answered
     */
    public void download(DatasetKind kind, String fileName, List<String> mirrors, Path target,
                         Consumer<DownloadProgress> progress) {
        String expectedMd5 = kind.md5(fileName);
        List<String> failures = new ArrayList<>();
        for (String mirror : mirrors) {
            URI uri = URI.create(mirror + fileName);
            try {
                String md5 = fetch(uri, kind, fileName, target, progress);
                if (md5.equalsIgnoreCase(expectedMd5)) {
                    log.info("Downloaded {} from {} (MD5 {} verified)", fileName, mirror, md5);
                    return;
                }
                failures.add(uri + ": checksum mismatch (MD5 " + md5 + ", expected " + expectedMd5 + ")");
            } catch (IOException e) {
                failures.add(uri + ": " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatasetFileException(target, "download interrupted", e);
            }
            log.warn("Mirror failed for {}: {}", fileName, failures.get(failures.size() - 1));
        }
        throw new DatasetFileException(target, "could not be downloaded; mirrors unreachable or wrong: "
                + String.join("; ", failures));
    }

    /** Streams one URL to a temp file, moves it to target if the MD5 matches; returns the MD5 seen. */
    private String fetch(URI uri, DatasetKind kind, String fileName, Path target,
                         Consumer<DownloadProgress> progress) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), fileName, ".part");
            try {
                MessageDigest md5 = md5();
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), md5)) {
                    byte[] buffer = new byte[1 << 16];
                    long read = 0;
                    int n;
                    while ((n = body.read(buffer)) > 0) {
                        out.write(buffer, 0, n);
                        read += n;
                        progress.accept(new DownloadProgress(kind, fileName, read, total));
                    }
                }
                String hex = HexFormat.of().formatHex(md5.digest());
                if (hex.equalsIgnoreCase(kind.md5(fileName))) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                return hex;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Says what went wrong in words: the JDK's connect failures often carry no message. */
    private static String describe(IOException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
        if (e instanceof ConnectException) {
            return "cannot connect: refused, unknown host or no network" + detail;
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out" + detail;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** MD5 of a file on disk, lower-case hex. */
    public static String md5Of(Path file) throws IOException {
        MessageDigest md5 = md5();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
