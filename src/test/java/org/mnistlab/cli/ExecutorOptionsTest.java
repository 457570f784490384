package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutorOptionsTest {

    @Test
    void train_passes_the_executor_the_master_and_spark_settings_to_the_app_as_its_properties() {
        ExecutorOptions options = new ExecutorOptions();
        new picocli.CommandLine(options).parseArgs("--mnistlab.executor=spark", "--mnistlab.spark.master=local[2]",
                "--spark-conf", "spark.executor.memory=4g");

        assertThat(options.springArguments()).containsExactly("--mnistlab.executor=spark",
                "--mnistlab.spark.master=local[2]", "--mnistlab.spark.conf.spark.executor.memory=4g");
    }

    @Test
    void without_options_train_runs_where_the_app_is_configured_to() {
        ExecutorOptions options = new ExecutorOptions();
        new picocli.CommandLine(options).parseArgs();

        assertThat(options.springArguments()).isEmpty();
    }
}
