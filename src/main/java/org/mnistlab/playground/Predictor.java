package org.mnistlab.playground;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.NetworkOutput;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Service;

/**
 * Runs drawings through trained models: one model, several side by side with their ensemble, or a batch
 * (for "My digits"). Networks come from the bounded {@link ModelCache}.
 */
@Service
public class Predictor {

    /** How many finished runs the model picker offers at most. */
    static final int MAX_CHOICES = 500;

    private final RunStore store;
    private final ModelCache cache;
    /**
     * Run id → name and model file, looked up once: a prediction then costs no database query. A run's
     * model file is deleted with the run, so a stale entry shows up as a missing file and is looked up again.
     */
    private final Map<Long, Located> located = new ConcurrentHashMap<>();

    public Predictor(RunStore store, ModelCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /**
     * Finished MNIST runs, best test accuracy first. Runs whose model file has gone stay listed, with the
     * problem, so the user sees why they cannot be used. (Fashion-MNIST models do not classify digits.)
     */
    public List<ModelChoice> models() {
        Map<Long, ModelChoice> choices = new LinkedHashMap<>();
        // finishedWithModel() has checked that each file exists: no file system or database call per run here
        for (RunRecord run : store.finishedWithModel()) {
            if (run.dataset() == DatasetKind.MNIST) {
                choices.put(run.id(), new ModelChoice(run, null));
            }
        }
        RunFilter finished = new RunFilter(DatasetKind.MNIST, null, RunStatus.FINISHED, null);
        for (RunRecord run : store.find(finished, new RunSort(RunSort.Column.TEST_ACCURACY, false), 0, MAX_CHOICES)) {
            choices.putIfAbsent(run.id(), new ModelChoice(run, missingMessage(run)));
        }
        List<ModelChoice> sorted = new ArrayList<>(choices.values());
        sorted.sort(Comparator.comparing((ModelChoice c) -> c.run().testAccuracy(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(c -> -c.runId()));
        return sorted;
    }

    /** The best usable model by test accuracy, if any. */
    public Optional<ModelChoice> defaultModel() {
        return models().stream().filter(ModelChoice::available).findFirst();
    }

    /** The run's name as the draw page shows it. */
    public String modelName(long runId) {
        return store.findById(runId).map(r -> new ModelChoice(r, null).name()).orElse("Run #" + runId);
    }

    /** Loads a model into the cache (e.g. when picked), so the next prediction is instant. */
    public void warmUp(long runId) {
        network(runId);
    }

    /**
     * @param input 784 floats, pixel / 255
     * @throws ModelUnavailableException with a message for the user
     */
    public Prediction predict(long runId, float[] input) {
        Loaded loaded = network(runId);
        return new Prediction(runId, loaded.name(), output(loaded, new float[][] {input})[0]);
    }

    /** Probabilities for many inputs at once (one forward pass). */
    public float[][] predictAll(long runId, float[][] inputs) {
        if (inputs.length == 0) {
            return new float[0][];
        }
        return output(network(runId), inputs);
    }

    /** The drawing through each model, plus the average of the probabilities of those that answered. */
    public Comparison compare(List<Long> runIds, float[] input) {
        List<Comparison.Outcome> outcomes = new ArrayList<>();
        float[] sum = new float[10];
        int answered = 0;
        for (long runId : runIds) {
            try {
                Prediction p = predict(runId, input);
                outcomes.add(new Comparison.Outcome(runId, p.modelName(), p, null));
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += p.probabilities()[i];
                }
                answered++;
            } catch (ModelUnavailableException e) {
                outcomes.add(new Comparison.Outcome(runId, modelName(runId), null, e.getMessage()));
            }
        }
        if (answered == 0) {
            return new Comparison(outcomes, null);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= answered;
        }
        return new Comparison(outcomes, sum);
    }

    private record Loaded(long runId, String name, MultiLayerNetwork network) {
    }

    private record Located(String name, Path file) {
    }

    private Loaded network(long runId) {
        Located known = located.get(runId);
        if (known != null) {
            try {
                return new Loaded(runId, known.name(), cache.get(known.file()));
            } catch (ModelUnavailableException e) {
                located.remove(runId); // deleted, moved or broken: ask the run store, which explains it
            }
        }
        RunRecord run = store.findById(runId)
                .orElseThrow(() -> new ModelUnavailableException("Run #" + runId + " no longer exists"));
        String name = new ModelChoice(run, null).name();
        Path file = store.modelFile(runId).orElseThrow(() -> new ModelUnavailableException(missingMessage(run)));
        try {
            Loaded loaded = new Loaded(runId, name, cache.get(file));
            located.put(runId, new Located(name, file));
            return loaded;
        } catch (ModelUnavailableException e) {
            throw new ModelUnavailableException("Run #" + runId + " (" + name + "): " + e.getMessage(), e);
        }
    }

    private static float[][] output(Loaded loaded, float[][] inputs) {
        INDArray features = Nd4j.create(inputs);
        float[][] probabilities;
        try {
            // A network is not safe for concurrent use; one forward pass takes about a millisecond.
            synchronized (loaded.network()) {
                probabilities = NetworkOutput.probabilities(loaded.network(), features);
            }
        } catch (RuntimeException e) {
            throw new ModelUnavailableException("Run #" + loaded.runId() + " (" + loaded.name()
                    + ") cannot classify 28×28 digits (" + e.getMessage() + ")", e);
        }
        if (probabilities.length != inputs.length || probabilities[0].length != 10) {
            throw new ModelUnavailableException("Run #" + loaded.runId() + " (" + loaded.name()
                    + ") does not output 10 classes");
        }
        return probabilities;
    }

    private static String missingMessage(RunRecord run) {
        return "The model file of run #" + run.id() + " is missing; choose another run or train it again";
    }
}
