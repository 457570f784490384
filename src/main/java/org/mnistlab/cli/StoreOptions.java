package org.mnistlab.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where a command keeps its runs and finds the datasets (both default to the web app's settings), and how much
 * it logs.
 */
final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", order = 100,
            description = "Run store and model files (default: the web app's)")
    String dataDir;

    @Option(names = "--datasets-dir", paramLabel = "DIR", order = 101,
            description = "Where the MNIST files are, or are downloaded to (default: the web app's)")
    String datasetsDir;

    @Option(names = {"-v", "--verbose"}, order = 102,
            description = "Log warnings and errors with their stack traces (default: only the command's own lines)")
    boolean verbose;

    /** The Spring properties these options set. */
    List<String> springArguments() {
        List<String> args = new ArrayList<>();
        if (dataDir != null) {
            args.add("--mnistlab.data-dir=" + dataDir);
        }
        if (datasetsDir != null) {
            args.add("--mnistlab.datasets-dir=" + datasetsDir);
        }
        return args;
    }
}
