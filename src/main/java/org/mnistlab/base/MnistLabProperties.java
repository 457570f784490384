package org.mnistlab.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where MNIST Lab keeps things.
 *
 * @param dataDir what the app writes: the H2 database and trained models
 * @param datasetsDir where {@code mnist/} and {@code fashion-mnist/} IDX files are read from (and downloaded to)
 * @param download whether missing dataset files may be fetched from the public mirrors
 * @param maxConcurrentRuns how many training runs execute at once
 */
@ConfigurationProperties("mnistlab")
public record MnistLabProperties(
        @DefaultValue(MnistLabProperties.DEFAULT_DATA_DIR) Path dataDir,
        @DefaultValue("./data/datasets") Path datasetsDir,
        @DefaultValue("true") boolean download,
        @DefaultValue("1") int maxConcurrentRuns) {

    /** The data directory when nothing sets {@code mnistlab.data-dir}. */
    public static final String DEFAULT_DATA_DIR = "./data";

    public Path modelsDir() {
        return dataDir.resolve("models");
    }
}
