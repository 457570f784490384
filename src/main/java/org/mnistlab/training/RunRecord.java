package org.mnistlab.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mnistlab.dataset.DatasetKind;

/**
 * A run as stored in H2. Nullable: startedAt, finishedAt, bestEpoch, bestValidationAccuracy, testAccuracy,
 * testLoss, errorMessage, modelFile, images, and stoppedEarly and restoredBestWeights (known once it
 * finished).
 *
 * @param softwareVersions e.g. java, dl4j, nd4j, backend
 * @param datasetChecksums MD5 of each dataset file the run read
 * @param images           the images it trained and validated on; null before it started (and for runs
 *                         stored before these were recorded)
 * @param owner            the user who queued it; null for runs of the command line or the system
 */
public record RunRecord(long id, String name, RunConfig config, RunStatus status, Instant createdAt,
                        Instant startedAt, Instant finishedAt, long parameterCount, int epochsDone,
                        Integer bestEpoch, Double bestValidationAccuracy, Double testAccuracy, Double testLoss,
                        String errorMessage, Map<String, String> softwareVersions,
                        Map<String, String> datasetChecksums, String modelFile, ImageCounts images,
                        Boolean stoppedEarly, Boolean restoredBestWeights, String owner) {

    /** A run without an owner (command line, system, or stored before owners were recorded). */
    public RunRecord(long id, String name, RunConfig config, RunStatus status, Instant createdAt,
                     Instant startedAt, Instant finishedAt, long parameterCount, int epochsDone,
                     Integer bestEpoch, Double bestValidationAccuracy, Double testAccuracy, Double testLoss,
                     String errorMessage, Map<String, String> softwareVersions,
                     Map<String, String> datasetChecksums, String modelFile, ImageCounts images,
                     Boolean stoppedEarly, Boolean restoredBestWeights) {
        this(id, name, config, status, createdAt, startedAt, finishedAt, parameterCount, epochsDone, bestEpoch,
                bestValidationAccuracy, testAccuracy, testLoss, errorMessage, softwareVersions, datasetChecksums,
                modelFile, images, stoppedEarly, restoredBestWeights, null);
    }

    private static final Pattern RERUN_SUFFIX = Pattern.compile(" \\(re-run of #\\d+\\)$");

    /** This record with the images its run reported on starting. */
    public RunRecord withImages(ImageCounts counts) {
        return new RunRecord(id, name, config, status, createdAt, startedAt, finishedAt, parameterCount, epochsDone,
                bestEpoch, bestValidationAccuracy, testAccuracy, testLoss, errorMessage, softwareVersions,
                datasetChecksums, modelFile, counts, stoppedEarly, restoredBestWeights, owner);
    }

    /**
     * What a re-run of this run trains: the same settings under a name that tells it from this run,
     * "&lt;name&gt; (re-run of #12)" (a re-run of a re-run names the run it repeats, not the whole chain).
     */
    public RunConfig rerunConfig() {
        String suffix = " (re-run of #" + id + ")";
        String base = RERUN_SUFFIX.matcher(config.displayName()).replaceFirst("");
        if (base.length() + suffix.length() > RunConfig.MAX_NAME) {
            base = base.substring(0, RunConfig.MAX_NAME - suffix.length() - 1).stripTrailing() + "…";
        }
        return config.toBuilder().name(base + suffix).build();
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
