package org.mnistlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

class SparkTrainingEngineMessagesTest {

    @Test
    void a_lost_executor_fails_the_run_with_its_reason_and_no_stack_trace() {
        SparkException lost = new SparkException("Job aborted due to stage failure: Task 0 in stage 3.0 failed 1 times,"
                + " most recent failure: Lost task 0.0 in stage 3.0 (TID 3) (10.0.0.7 executor 1): ExecutorLostFailure"
                + " (executor 1 exited caused by one of the running tasks) Reason: Remote RPC client disassociated.\n"
                + "Driver stacktrace:\n\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:2856)");

        String message = SparkTrainingEngine.jobFailure(lost);

        assertThat(message).startsWith("The Spark executor training this run was lost (ExecutorLostFailure (executor 1"
                        + " exited caused by one of the running tasks) Reason: Remote RPC client disassociated.)")
                .endsWith("the epochs it finished are kept and the run can be re-run")
                .doesNotContain("DAGScheduler", "\tat ");
    }

    @Test
    void other_job_failures_keep_only_their_first_line() {
        String message = SparkTrainingEngine.jobFailure(new SparkException("Master removed our application: KILLED\n\tat x.y(Z.java:1)"));

        assertThat(message).isEqualTo("The Spark job failed: Master removed our application: KILLED");
    }

    @Test
    void passes_any_spark_setting_through_over_the_defaults_for_runs_as_tasks() {
        SparkConf conf = SparkTrainingEngine.sparkConf(new SparkProperties("spark://master:7077",
                Map.of("spark.executor.memory", "4g", "spark.executor.heartbeatInterval", "2s"), null));

        assertThat(conf.get("spark.master")).isEqualTo("spark://master:7077");
        assertThat(conf.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(conf.get("spark.task.maxFailures")).isEqualTo("1");
        assertThat(conf.get("spark.executor.memory")).isEqualTo("4g");
        assertThat(conf.get("spark.executor.heartbeatInterval")).isEqualTo("2s");
    }
}
