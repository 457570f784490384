package org.mnistlab.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Read and manage stored runs, for views and the CLI (views never touch the repository). */
@Service
public class RunHistory {

    public List<RunRecord> find(RunFilter filter, RunSort sort, int offset, int limit) {
        throw new UnsupportedOperationException("TODO engine");
    }

    public int count(RunFilter filter) {
        throw new UnsupportedOperationException("TODO engine");
    }

    public Optional<RunRecord> findById(long runId) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Finished epochs in order. */
    public List<EpochMetrics> epochs(long runId) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Test-set evaluation of a finished run. */
    public Optional<Evaluation> evaluation(long runId) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** The saved model (a DL4J MultiLayerNetwork zip) when the file exists. */
    public Optional<Path> modelFile(long runId) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Finished runs that have a model file, best test accuracy first. */
    public List<RunRecord> finishedWithModel() {
        throw new UnsupportedOperationException("TODO engine");
    }

    public void rename(long runId, String newName) {
        throw new UnsupportedOperationException("TODO engine");
    }

    /** Deletes the run, its metrics, evaluation and model file. Refuses an active run (cancel it first). */
    public void delete(long runId) {
        throw new UnsupportedOperationException("TODO engine");
    }
}
