package org.mnistlab.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How runs ended when the run store could not record it (full disk, closed database): one small file per run
 * beside the database, written into the store as soon as it can take it (the next submit, the next start), so
 * the real cause is not replaced by "interrupted". A run reserves its file when it starts, so recording its end
 * later overwrites bytes already on disk and needs no free space.
 */
final class PendingEnds {

    private static final Logger log = LoggerFactory.getLogger(PendingEnds.class);
    /** Room for the status, the time and the message (which the store truncates to 2,000 characters anyway). */
    static final int SIZE = 4096;

    private final Path dir;

    PendingEnds(Path dataDir) {
        this.dir = dataDir.resolve("pending-ends");
    }

    private Path file(long runId) {
        return dir.resolve("run-" + runId + ".end");
    }

    /** Sets aside the file a started run's end may need. */
    void reserve(long runId) {
        try {
            Files.createDirectories(dir);
            byte[] blank = new byte[SIZE];
            Arrays.fill(blank, (byte) ' ');
            Files.write(file(runId), blank);
        } catch (IOException e) {
            log.warn("Cannot reserve room for run {}'s end: {}", runId, e.getMessage());
        }
    }

    /** Keeps an end the store refused; returns whether it reached the disk. */
    boolean record(long runId, RunStatus status, Instant finishedAt, String message) {
        byte[] text = (status.name() + "\n" + finishedAt.toEpochMilli() + "\n" + (message == null ? "" : message))
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[SIZE];
        Arrays.fill(content, (byte) ' ');
        System.arraycopy(text, 0, content, 0, Math.min(text.length, SIZE));
        try (FileChannel file = FileChannel.open(file(runId), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(content), 0);
            file.force(true);
            return true;
        } catch (IOException e) {
            log.error("Run {} ended {}, and neither the run store nor {} could keep it: {}", runId, status,
                    file(runId).getFileName(), e.getMessage());
            return false;
        }
    }

    /** The run's end is in the store (or it never needed one): its file goes. */
    void release(long runId) {
        try {
            Files.deleteIfExists(file(runId));
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file(runId).getFileName(), e.getMessage());
        }
    }

    /**
     * Writes every recorded end into the store and deletes its file; with {@code dropReservations}, also deletes
     * the files of runs that ended without a recorded end (a killed process: the caller marks them interrupted).
     * Returns how many ends were written.
     */
    int replay(RunStore store, boolean dropReservations) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int written = 0;
        try (var files = Files.newDirectoryStream(dir, "run-*.end")) {
            for (Path path : files) {
                String name = path.getFileName().toString();
                long runId = Long.parseLong(name.substring(4, name.length() - 4));
                String[] parts = new String(Files.readAllBytes(path), StandardCharsets.UTF_8).strip().split("\n", 3);
                if (parts.length < 2) {
                    if (dropReservations) {
                        release(runId);
                    }
                    continue;
                }
                store.markEnded(runId, RunStatus.valueOf(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
                        parts.length == 3 ? parts[2] : null);
                release(runId);
                written++;
                log.warn("Run {}: wrote its end ({}) that the run store could not take when it happened", runId, parts[0]);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot write the pending run ends yet: {}", e.getMessage());
        }
        return written;
    }
}
