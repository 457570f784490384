package org.mnistlab.cluster;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code mnistlab.executor=spark}.
 *
 * @param master {@code spark://host:7077}, {@code k8s://https://host:443} or {@code local[N]}
 * @param conf any Spark setting, passed through as given ({@code mnistlab.spark.conf.spark.executor.memory=4g})
 * @param datasetsDir where executors read the IDX files: a path every worker mounts; empty = the app's
 *                    {@code mnistlab.datasets-dir}
 */
@ConfigurationProperties("mnistlab.spark")
public record SparkProperties(
        @DefaultValue("local[2]") String master,
        @DefaultValue Map<String, String> conf,
        Path datasetsDir) {

    public SparkProperties {
        conf = conf == null ? Map.of() : Map.copyOf(conf);
    }
}
