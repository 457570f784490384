package org.mnistlab.api;

import java.time.Instant;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;

/**
 * A run as the API lists it. {@code config} is accepted back by {@code POST /api/runs} as it is (a re-run).
 *
 * @param model      the model's id (logistic, mlp, cnn, regcnn, lenet5, compact)
 * @param owner      who queued it; null for runs of the command line or the system
 * @param trainImages images it trains on once started (validation held out); null before
 * @param hasModel   whether a model file was saved (finished runs)
 */
public record RunJson(long id, String name, String status, String dataset, String model, String owner,
                      Instant createdAt, Instant startedAt, Instant finishedAt, int epochsDone, int epochsPlanned,
                      long parameterCount, Integer bestEpoch, Double bestValidationAccuracy, Double testAccuracy,
                      Double testLoss, String error, Integer trainImages, Integer validationImages,
                      boolean hasModel, RunConfig config) {

    static RunJson of(RunRecord r) {
        return new RunJson(r.id(), r.name(), r.status().name(), r.dataset().id(), r.architecture().id(), r.owner(),
                r.createdAt(), r.startedAt(), r.finishedAt(), r.epochsDone(), r.epochsPlanned(), r.parameterCount(),
                r.bestEpoch(), r.bestValidationAccuracy(), r.testAccuracy(), r.testLoss(), r.errorMessage(),
                r.images() == null ? null : r.images().train(), r.images() == null ? null : r.images().validation(),
                r.modelFile() != null, r.config());
    }

    /** Queued or running: not yet final. */
    public boolean active() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }
}
