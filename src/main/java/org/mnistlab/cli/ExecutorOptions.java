package org.mnistlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where {@code train} trains: in this process (default) or on a Spark cluster, as the web app's settings say. */
final class ExecutorOptions {

    @Option(names = "--mnistlab.executor", paramLabel = "local|spark", order = 110,
            description = "Train in this process (local, default) or as a Spark task (spark)")
    String executor;

    @Option(names = "--mnistlab.spark.master", paramLabel = "URL", order = 111,
            description = "Spark master with --mnistlab.executor=spark: spark://host:7077, k8s://..., local[N]")
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", order = 112,
            description = "Any Spark setting, e.g. --spark-conf spark.executor.memory=4g (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    /** The Spring properties these options set. */
    List<String> springArguments() {
        List<String> args = new ArrayList<>();
        if (executor != null) {
            args.add("--mnistlab.executor=" + executor);
        }
        if (master != null) {
            args.add("--mnistlab.spark.master=" + master);
        }
        conf.forEach((key, value) -> args.add("--mnistlab.spark.conf." + key + "=" + value));
        return args;
    }
}
