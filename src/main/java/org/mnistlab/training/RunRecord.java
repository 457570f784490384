package org.mnistlab.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.mnistlab.dataset.DatasetKind;

/**
 * A run as stored in H2. Nullable: startedAt, finishedAt, bestEpoch, bestValidationAccuracy, testAccuracy,
 * testLoss, errorMessage, modelFile, images.
 *
 * @param softwareVersions e.g. java, dl4j, nd4j, backend
 * @param datasetChecksums MD5 of each dataset file the run read
 * @param images           the images it trained and validated on; null before it started (and for runs
 *                         stored before these were recorded)
 */
public record RunRecord(long id, String name, RunConfig config, RunStatus status, Instant createdAt,
                        Instant startedAt, Instant finishedAt, long parameterCount, int epochsDone,
                        Integer bestEpoch, Double bestValidationAccuracy, Double testAccuracy, Double testLoss,
                        String errorMessage, Map<String, String> softwareVersions,
                        Map<String, String> datasetChecksums, String modelFile, ImageCounts images) {

    /** This record with the images its run reported on starting. */
    public RunRecord withImages(ImageCounts counts) {
        return new RunRecord(id, name, config, status, createdAt, startedAt, finishedAt, parameterCount, epochsDone,
                bestEpoch, bestValidationAccuracy, testAccuracy, testLoss, errorMessage, softwareVersions,
                datasetChecksums, modelFile, counts);
    }

    public DatasetKind dataset() {
        return config.dataset();
    }

    public Architecture architecture() {
        return config.architecture();
    }

    public int epochsPlanned() {
        return config.epochs();
    }

    /** Wall time from start to finish (or to now while running); null before it started. */
    public Duration duration() {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : Instant.now());
    }
}
