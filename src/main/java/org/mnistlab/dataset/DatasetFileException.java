package org.mnistlab.dataset;

import java.nio.file.Path;

/** A dataset file that is missing or not what it should be; the message names the file and the problem. */
public class DatasetFileException extends RuntimeException {

    private final Path file;

    public DatasetFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public DatasetFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
