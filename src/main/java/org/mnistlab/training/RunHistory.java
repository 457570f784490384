package org.mnistlab.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mnistlab.base.MnistLabProperties;
import org.springframework.stereotype.Service;

/** Read and manage stored runs, for views and the CLI (views never touch the repository). */
@Service
public class RunHistory {

    private final RunRepository repository;
    private final TrainingService training;
    private final MnistLabProperties properties;

    public RunHistory(RunRepository repository, TrainingService training, MnistLabProperties properties) {
        this.repository = repository;
        this.training = training;
        this.properties = properties;
    }

    public List<RunRecord> find(RunFilter filter, RunSort sort, int offset, int limit) {
        return repository.find(filter, sort, offset, limit);
    }

    public int count(RunFilter filter) {
        return repository.count(filter);
    }

    public Optional<RunRecord> findById(long runId) {
        return repository.findById(runId);
    }

    /** Finished epochs in order. */
    public List<EpochMetrics> epochs(long runId) {
        return repository.epochs(runId);
    }

    /** Test-set evaluation of a finished run. */
    public Optional<Evaluation> evaluation(long runId) {
        return repository.evaluation(runId);
    }

    /** The saved model (a DL4J MultiLayerNetwork zip) when the file exists. */
    public Optional<Path> modelFile(long runId) {
        return repository.findById(runId).flatMap(this::existingModel);
    }

    /** Finished runs that have a model file, best test accuracy first. */
    public List<RunRecord> finishedWithModel() {
        return repository.findFinishedWithModel().stream().filter(r -> existingModel(r).isPresent()).toList();
    }

    public void rename(long runId, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("A run name needs 1 to 100 characters");
        }
        if (!repository.rename(runId, name)) {
            throw new IllegalArgumentException("Run " + runId + " does not exist");
        }
        training.publishChanged(runId);
    }

    /** Deletes the run, its metrics, evaluation and model file. Refuses an active run (cancel it first). */
    public void delete(long runId) {
        Optional<RunRecord> run = repository.findById(runId);
        if (run.isEmpty()) {
            return;
        }
        if (run.get().status().active() && training.isActive(runId)) {
            throw new IllegalStateException("Run " + runId + " is " + run.get().status().name().toLowerCase()
                    + ": cancel it before deleting it");
        }
        Optional<Path> model = modelPath(run.get());
        repository.delete(runId);
        if (model.isPresent()) {
            try {
                Files.deleteIfExists(model.get());
            } catch (IOException e) {
                throw new UncheckedIOException("Run " + runId + " deleted, but its model file could not be: "
                        + model.get(), e);
            }
        }
        training.publishChanged(runId);
    }

    private Optional<Path> existingModel(RunRecord run) {
        return modelPath(run).filter(Files::isRegularFile);
    }

    private Optional<Path> modelPath(RunRecord run) {
        if (run.modelFile() == null) {
            return Optional.empty();
        }
        return Optional.of(properties.dataDir().resolve(run.modelFile()));
    }
}
