package org.mnistlab.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.mnistlab.dataset.DatasetKind;

/**
 * A run as stored in H2. Nullable: startedAt, finishedAt, bestEpoch, bestValidationAccuracy, testAccuracy,
 * testLoss, errorMessage, modelFile, and stoppedEarly and restoredBestWeights (known once it finished).
 *
 * @param softwareVersions e.g. java, dl4j, nd4j, backend
 * @param datasetChecksums MD5 of each dataset file the run read
 */
public record RunRecord(long id, String name, RunConfig config, RunStatus status, Instant createdAt,
                        Instant startedAt, Instant finishedAt, long parameterCount, int epochsDone,
                        Integer bestEpoch, Double bestValidationAccuracy, Double testAccuracy, Double testLoss,
                        String errorMessage, Map<String, String> softwareVersions,
                        Map<String, String> datasetChecksums, String modelFile, Boolean stoppedEarly,
                        Boolean restoredBestWeights) {

    public DatasetKind dataset() {
        return config.dataset();
    }

    public Architecture architecture() {
        return config.architecture();
    }

    public int epochsPlanned() {
        return config.epochs();
    }

    /** How training ended and whose weights the test evaluation and model file hold; empty until finished. */
    public Optional<TrainingEnd> trainingEnd() {
        if (stoppedEarly == null || restoredBestWeights == null) {
            return Optional.empty();
        }
        return Optional.of(new TrainingEnd(epochsDone, config.epochs(), stoppedEarly,
                config.earlyStoppingPatience(), bestEpoch == null ? epochsDone : bestEpoch, restoredBestWeights));
    }

    /** Wall time from start to finish (or to now while running); null before it started. */
    public Duration duration() {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now());
    }
}
