package org.mnistlab.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.deeplearning4j.util.ModelSerializer;
import org.mnistlab.base.UserMessages;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.Split;
import org.mnistlab.training.Augmenter;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.ModelCatalog;
import org.mnistlab.training.RunCancelledException;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.Trainer;

/**
 * The Spark task of one run, on an executor: trains the whole model with the project's {@link Trainer} on the
 * datasets under a path every worker mounts, reports progress into the run's accumulator and stops when Spark
 * kills the task (the driver cancelled the run's job group).
 */
final class TrainTask implements Function<Integer, TaskOutcome> {

    private final long runId;
    private final String configJson;
    private final String datasetsDir;
    private final ProgressAccumulator progress;

    TrainTask(long runId, RunConfig config, Path datasetsDir, ProgressAccumulator progress) {
        this.runId = runId;
        this.configJson = Wire.write(config);
        this.datasetsDir = datasetsDir.toString();
        this.progress = progress;
    }

    @Override
    public TaskOutcome call(Integer ignored) {
        TaskContext task = TaskContext.get();
        try {
            RunConfig config = Wire.read(configJson, RunConfig.class);
            DatasetService datasets = ExecutorDatasets.in(Path.of(datasetsDir));
            Trainer trainer = new Trainer(new ModelCatalog(), new Augmenter());
            Trainer.Result result = trainer.train(runId, config, datasets.samples(config.dataset(), Split.TRAIN),
                    datasets.samples(config.dataset(), Split.TEST), listener(task));
            byte[] model = modelZip(result);
            return TaskOutcome.trained(new TaskOutcome.Measured(result.epochs(), result.bestEpoch(),
                    result.bestValidationAccuracy(), result.end(), result.evaluation(), result.evaluationMillis()),
                    model, progress.value());
        } catch (RunCancelledException e) {
            return TaskOutcome.failed("Cancelled", true, progress.value());
        } catch (OutOfMemoryError e) {
            return TaskOutcome.failed("Out of memory on the Spark executor: try a smaller batch size or model, or"
                    + " more spark.executor.memory", false, progress.value());
        } catch (RuntimeException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : UserMessages.withoutPaths(e.getMessage());
            return TaskOutcome.failed(message, false, progress.value());
        }
    }

    private Trainer.Listener listener(TaskContext task) {
        return new Trainer.Listener() {
            @Override
            public void started(int batchesPerEpoch, int trainImages, int validationImages) {
                progress.add(ProgressAccumulator.Message.of(
                        new ProgressAccumulator.Start(batchesPerEpoch, trainImages, validationImages)));
            }

            @Override
            public void batch(BatchProgress batch) {
                progress.add(ProgressAccumulator.Message.of(batch));
            }

            @Override
            public void epoch(EpochMetrics metrics, int bestEpoch, Double bestValidationAccuracy) {
                progress.add(ProgressAccumulator.Message.of(
                        new ProgressAccumulator.Epoch(metrics, bestEpoch, bestValidationAccuracy)));
            }

            @Override
            public boolean cancelled() {
                return task != null && task.isInterrupted();
            }
        };
    }

    private static byte[] modelZip(Trainer.Result result) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(result.network(), zip, false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the trained model: " + e.getMessage(), e);
        } finally {
            result.network().close();
        }
        return zip.toByteArray();
    }
}
