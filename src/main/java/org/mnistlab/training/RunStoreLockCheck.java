package org.mnistlab.training;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start, in a few clear lines, when another process (a CLI {@code train}, a second server) holds
 * the run store's database file, instead of letting the connection pool fail with H2's long stack trace.
 * Registered in META-INF/spring.factories, since it must run before the context (and its pool) exists.
 */
public class RunStoreLockCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** The run store's file is locked by another process. */
    static final class StoreInUseException extends IllegalStateException {
        StoreInUseException(Path file) {
            super("The run store " + file + " is in use by another process");
        }
    }

    /** Prints the refusal without a stack trace. */
    public static final class Analyzer extends AbstractFailureAnalyzer<StoreInUseException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, StoreInUseException cause) {
            return new FailureAnalysis(cause.getMessage() + ", probably a 'java -jar mnist-lab.jar train' or "
                    + "another MNIST Lab server.", "Wait for it to end or stop it, or start with another data "
                    + "directory (MNISTLAB_DATA_DIR or --mnistlab.data-dir).", cause);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String url = event.getEnvironment().getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:file:")) {
            String base = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            check(Path.of(base + ".mv.db"));
        }
    }

    /** Throws when another process holds the file's lock (as H2 does while it has the database open). */
    static void check(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new StoreInUseException(file);
            }
            lock.release();
        } catch (OverlappingFileLockException sameProcess) {
            // H2 lets every context of one process share the database
        } catch (IOException unreadable) {
            // H2 reports it when it opens the file
        }
    }
}
