package org.mnistlab.ensembles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.playground.EnsembleMode;
import org.mnistlab.playground.Prediction;
import org.mnistlab.playground.Predictor;
import org.mnistlab.training.EvaluationTally;
import org.mnistlab.training.NetworkInput;
import org.mnistlab.training.RunAccessDeniedException;
import org.mnistlab.training.RunPermissions;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Evaluates several finished runs together on the whole test set: each member classifies every test image once,
 * then the answers are combined by averaging the probabilities and by majority vote (a tie goes to the digit
 * with the higher mean probability), and both evaluations are stored.
 */
@Service
public class EnsembleService {

    public static final int MIN_MEMBERS = 2;
    public static final int MAX_MEMBERS = 10;
    /** Test images per forward pass: large enough to be fast, small enough for a CNN's activations. */
    private static final int CHUNK = 500;
    /** Both datasets have ten classes. */
    private static final int CLASSES = 10;

    private final RunStore runs;
    private final Predictor predictor;
    private final DatasetService datasets;
    private final EnsembleStore store;
    private final RunPermissions permissions;
    private final AsyncTaskExecutor executor;

    public EnsembleService(RunStore runs, Predictor predictor, DatasetService datasets, EnsembleStore store,
                           ObjectProvider<RunPermissions> permissions, AsyncTaskExecutor executor) {
        this.runs = runs;
        this.predictor = predictor;
        this.datasets = datasets;
        this.store = store;
        this.permissions = permissions.getIfAvailable(() -> RunPermissions.UNRESTRICTED);
        this.executor = executor;
    }

    /** Runs that can join an ensemble: finished, with a model file. */
    public List<RunRecord> candidates() {
        return runs.finishedWithModel();
    }

    public List<Ensemble> ensembles() {
        return store.findAll();
    }

    public Optional<EnsembleResult> find(long id) {
        return store.find(id);
    }

    /** Whether the current user may evaluate ensembles (the trainer role: it takes the CPU for a while). */
    public boolean mayEvaluate() {
        return permissions.maySubmit();
    }

    /** Evaluates now, in this thread (the command line, tests). */
    public EnsembleResult evaluate(List<Long> runIds, IntConsumer membersDone) {
        List<RunRecord> members = checked(runIds);
        return evaluate(members, permissions.currentUser().orElse(null), membersDone);
    }

    /**
     * Checks the choice and the user's right here, where the user is known, and evaluates in the background.
     *
     * @throws InvalidEnsembleException   when the runs cannot form an ensemble
     * @throws RunAccessDeniedException   when the user's role may not evaluate
     */
    public CompletableFuture<EnsembleResult> evaluateInBackground(List<Long> runIds, IntConsumer membersDone) {
        List<RunRecord> members = checked(runIds);
        String owner = permissions.currentUser().orElse(null);
        return CompletableFuture.supplyAsync(() -> evaluate(members, owner, membersDone), executor);
    }

    private List<RunRecord> checked(List<Long> runIds) {
        if (!permissions.maySubmit()) {
            throw new RunAccessDeniedException("Your role may not evaluate ensembles: ask an admin for the trainer role");
        }
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(runIds));
        if (distinct.size() < MIN_MEMBERS || distinct.size() > MAX_MEMBERS) {
            throw new InvalidEnsembleException("Choose " + MIN_MEMBERS + " to " + MAX_MEMBERS
                    + " different runs for an ensemble (" + distinct.size() + " chosen)");
        }
        List<RunRecord> members = new ArrayList<>();
        for (long id : distinct) {
            RunRecord run = runs.findById(id)
                    .orElseThrow(() -> new InvalidEnsembleException("Run #" + id + " does not exist"));
            if (run.status() != RunStatus.FINISHED || runs.modelFile(id).isEmpty()) {
                throw new InvalidEnsembleException("Run #" + id + " has no trained model (it is "
                        + run.status().name().toLowerCase(Locale.ROOT) + "): only finished runs can join");
            }
            RunRecord first = members.isEmpty() ? run : members.get(0);
            if (run.dataset() != first.dataset()) {
                throw new InvalidEnsembleException("Runs #" + first.id() + " (" + first.dataset().displayName()
                        + ") and #" + id + " (" + run.dataset().displayName() + ") were trained on different datasets:"
                        + " an ensemble needs one");
            }
            members.add(run);
        }
        return members;
    }

    /**
     * Evaluates the members on the test set and stores the ensemble; the same runs evaluated before (in any
     * order) give back that stored evaluation instead: finished runs never change, so neither would it.
     */
    private EnsembleResult evaluate(List<RunRecord> members, String owner, IntConsumer membersDone) {
        Optional<EnsembleResult> earlier = evaluatedBefore(members);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant start = Instant.now();
        DatasetKind kind = members.get(0).dataset();
        LabeledImages test = datasets.samples(kind, Split.TEST);
        List<float[][]> answers = new ArrayList<>();
        List<EnsembleMember> described = new ArrayList<>();
        for (RunRecord run : members) {
            float[][] probabilities = probabilities(run.id(), test);
            answers.add(probabilities);
            described.add(new EnsembleMember(run.id(), predictor.modelName(run.id()),
                    run.config().architecture().displayName(), accuracy(probabilities, test)));
            membersDone.accept(answers.size());
        }
        EvaluationTally average = new EvaluationTally(CLASSES, true);
        EvaluationTally vote = new EvaluationTally(CLASSES, true);
        for (int i = 0; i < test.size(); i++) {
            List<float[]> image = new ArrayList<>(answers.size());
            double trueClass = 0;
            int label = test.label(i);
            for (float[][] member : answers) {
                image.add(member[i]);
                trueClass += member[i][label] / answers.size();
            }
            EnsembleMode.Decision averaged = EnsembleMode.AVERAGE.decide(image);
            EnsembleMode.Decision voted = EnsembleMode.MAJORITY.decide(image);
            average.add(i, label, averaged.digit(), trueClass, averaged.support());
            vote.add(i, label, voted.digit(), trueClass, voted.support());
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Ensemble ensemble = new Ensemble(0, kind, described, start, owner, average.accuracy(), vote.accuracy(),
                seconds);
        return store.insert(ensemble, average.evaluation(), vote.evaluation());
    }

    private Optional<EnsembleResult> evaluatedBefore(List<RunRecord> members) {
        Set<Long> runIds = members.stream().map(RunRecord::id).collect(Collectors.toSet());
        return store.findAll().stream()
                .filter(e -> e.members().stream().map(EnsembleMember::runId).collect(Collectors.toSet()).equals(runIds))
                .findFirst()
                .flatMap(e -> store.find(e.id()));
    }

    private float[][] probabilities(long runId, LabeledImages test) {
        float[][] all = new float[test.size()][];
        for (int from = 0; from < test.size(); from += CHUNK) {
            int count = Math.min(CHUNK, test.size() - from);
            float[][] inputs = new float[count][];
            for (int i = 0; i < count; i++) {
                inputs[i] = NetworkInput.of(test.image(from + i));
            }
            System.arraycopy(predictor.predictAll(runId, inputs), 0, all, from, count);
        }
        return all;
    }

    private static double accuracy(float[][] probabilities, LabeledImages test) {
        int correct = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (Prediction.argMax(probabilities[i]) == test.label(i)) {
                correct++;
            }
        }
        return (double) correct / probabilities.length;
    }
}
