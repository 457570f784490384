package org.mnistlab.cluster;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistlab.base.MnistLabProperties;
import org.mnistlab.base.UserMessages;
import org.mnistlab.training.RunCancelledException;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.Trainer;
import org.mnistlab.training.TrainingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code mnistlab.executor=spark}: this app is the Spark driver (client mode) and each run is a one-task Spark job
 * in the run's job group, training the whole model on an executor. The queue's thread waits for the job and
 * polls the run's cancel flag; cancelling kills the job group. Spark retries no task (a retry would train the
 * run again from epoch 1 under the same epochs): a lost executor fails the run, its reported epochs stay.
 */
@Component
@ConditionalOnProperty(name = "mnistlab.executor", havingValue = "spark")
public class SparkTrainingEngine implements TrainingEngine {

    private static final Logger log = LoggerFactory.getLogger(SparkTrainingEngine.class);
    private static final long CANCEL_POLL_MILLIS = 200;

    private final JavaSparkContext spark;
    private final RunTracker tracker = new RunTracker();
    private final Path datasetsDir;
    private final int taskCpus;

    public SparkTrainingEngine(SparkProperties settings, MnistLabProperties properties) {
        SparkConf conf = sparkConf(settings);
        this.spark = new JavaSparkContext(conf);
        this.spark.sc().addSparkListener(tracker);
        this.datasetsDir = settings.datasetsDir() != null ? settings.datasetsDir() : properties.datasetsDir();
        this.taskCpus = conf.getInt("spark.task.cpus", 1);
        log.info("Runs train on Spark {} (application {}), datasets read from {} on the executors",
                settings.master(), spark.sc().applicationId(), datasetsDir);
    }

    /** Defaults for runs as tasks; anything under {@code mnistlab.spark.conf} overrides them. */
    static SparkConf sparkConf(SparkProperties settings) {
        SparkConf conf = new SparkConf()
                .setMaster(settings.master())
                .setAppName("MNIST Lab")
                .set("spark.ui.enabled", "false")
                .set("spark.metrics.conf.*.sink.servlet.class", NoMetricsServlet.class.getName())
                .set("spark.task.maxFailures", "1")
                // progress reaches the app with each heartbeat
                .set("spark.executor.heartbeatInterval", "1s");
        for (Map.Entry<String, String> setting : settings.conf().entrySet()) {
            conf.set(setting.getKey(), setting.getValue());
        }
        return conf;
    }

    @Override
    public Trainer.Result train(long runId, RunConfig config, Trainer.Listener listener) {
        ProgressAccumulator progress = new ProgressAccumulator();
        spark.sc().register(progress, "mnistlab run " + runId);
        RunChannel channel = new RunChannel(listener);
        tracker.follow(progress.id(), channel);
        String group = RunTracker.jobGroup(runId);
        spark.setJobGroup(group, config.displayName(), false);
        try {
            JavaFutureAction<List<TaskOutcome>> job = spark.parallelize(List.of(0), 1)
                    .map(new TrainTask(runId, config, datasetsDir, progress))
                    .collectAsync();
            TaskOutcome outcome = await(job, group, listener);
            channel.deliver(outcome.progress());
            if (outcome.cancelled()) {
                throw new RunCancelledException();
            }
            if (outcome.failure() != null) {
                throw new IllegalStateException(outcome.failure());
            }
            TaskOutcome.Measured measured = outcome.measured();
            return new Trainer.Result(network(outcome.model()), measured.epochs(), measured.bestEpoch(),
                    measured.bestValidationAccuracy(), measured.end(), measured.evaluation(),
                    measured.evaluationMillis());
        } finally {
            spark.clearJobGroup();
            tracker.forget(runId, progress.id());
        }
    }

    private TaskOutcome await(JavaFutureAction<List<TaskOutcome>> job, String group, Trainer.Listener listener) {
        boolean cancelSent = false;
        while (true) {
            try {
                return job.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS).get(0);
            } catch (TimeoutException e) {
                if (!cancelSent && listener.cancelled()) {
                    spark.cancelJobGroup(group);
                    cancelSent = true;
                }
            } catch (CancellationException e) {
                throw new RunCancelledException();
            } catch (ExecutionException e) {
                if (cancelSent || listener.cancelled()) {
                    throw new RunCancelledException();
                }
                throw new IllegalStateException(jobFailure(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                spark.cancelJobGroup(group);
                Thread.currentThread().interrupt();
                throw new RunCancelledException();
            }
        }
    }

    /** Spark's message names the stage and task and may carry a stack trace: keep what a user can act on. */
    static String jobFailure(Throwable e) {
        String message = e == null || e.getMessage() == null ? "" : e.getMessage();
        String firstLine = message.lines().findFirst().orElse("").strip();
        int lost = message.indexOf("ExecutorLostFailure");
        if (lost >= 0) {
            String reason = message.substring(lost).lines().findFirst().orElse("").strip();
            return "The Spark executor training this run was lost (" + UserMessages.withoutPaths(reason)
                    + "); the epochs it finished are kept and the run can be re-run";
        }
        return "The Spark job failed: " + UserMessages.withoutPaths(firstLine.isEmpty() ? "no reason given" : firstLine);
    }

    private static MultiLayerNetwork network(byte[] model) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), false);
        } catch (IOException e) {
            throw new IllegalStateException("The model the Spark executor sent back cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String placement(long runId) {
        return tracker.placement(runId).orElse("Spark, waiting for a free slot");
    }

    /** Cores of the registered executors (local[N]: N) over spark.task.cpus, less the tasks running now. */
    @Override
    public Optional<Slots> slots() {
        if (spark.sc().isStopped()) {
            return Optional.empty();
        }
        int total = spark.sc().defaultParallelism() / Math.max(1, taskCpus);
        int running = 0;
        for (SparkExecutorInfo executor : spark.sc().statusTracker().getExecutorInfos()) {
            running += executor.numRunningTasks();
        }
        return Optional.of(new Slots(Math.max(0, total - running), total));
    }

    @PreDestroy
    void stop() {
        spark.stop();
    }
}
