package org.mnistlab.dataset;

import java.nio.file.Path;

/** A dataset file that is missing or not what it should be; the message names the file and the problem. */
public class DatasetFileException extends RuntimeException {

    private final Path file;
    private final String problem;

    public DatasetFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public DatasetFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The message with the file named relative to {@code dir} (e.g. the datasets dir), for users' eyes. */
    public String messageRelativeTo(Path dir) {
        Path shown = file.startsWith(dir) ? dir.relativize(file) : file.getFileName();
        return shown + ": " + problem;
    }

    public Path file() {
        return file;
    }
}
