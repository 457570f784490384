package org.mnistlab.cluster;

import java.io.Serializable;
import java.util.List;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.TrainingEnd;

/**
 * What a run's Spark task sends back to the driver: the trained model (a DL4J model zip) with what the trainer
 * measured, or why it failed. Failures come back as a message rather than a thrown exception, so the driver
 * never shows a user an executor's stack trace.
 *
 * @param resultJson a {@link Measured} as JSON, null on failure
 * @param model the model zip, null on failure
 * @param failure a user message, null on success
 * @param progress the run's progress at its end, for anything the last heartbeat did not carry
 */
record TaskOutcome(String resultJson, byte[] model, String failure, boolean cancelled,
                   ProgressAccumulator.Snapshot progress) implements Serializable {

    /** {@link org.mnistlab.training.Trainer.Result} without the network. */
    record Measured(List<EpochMetrics> epochs, int bestEpoch, Double bestValidationAccuracy, TrainingEnd end,
                    Evaluation evaluation, long evaluationMillis) {
    }

    static TaskOutcome trained(Measured measured, byte[] model, ProgressAccumulator.Snapshot progress) {
        return new TaskOutcome(Wire.write(measured), model, null, false, progress);
    }

    static TaskOutcome failed(String failure, boolean cancelled, ProgressAccumulator.Snapshot progress) {
        return new TaskOutcome(null, null, failure, cancelled, progress);
    }

    Measured measured() {
        return Wire.read(resultJson, Measured.class);
    }
}
