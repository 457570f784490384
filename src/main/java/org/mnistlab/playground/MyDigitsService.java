package org.mnistlab.playground;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "My digits": labelled drawings kept in H2 as a real-handwriting test set, and models evaluated on them. */
@Service
public class MyDigitsService {

    private final MyDigitsRepository repository;
    private final Predictor predictor;

    public MyDigitsService(MyDigitsRepository repository, Predictor predictor) {
        this.repository = repository;
        this.predictor = predictor;
    }

    /**
     * Saves a preprocessed drawing (the centered 28×28 step) with its true label.
     *
     * @throws IllegalArgumentException with a message for the user when the label or image is not valid
     */
    @Transactional
    public MyDigit save(int label, GrayImage centered) {
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("Choose the digit's true label (0–9)");
        }
        if (centered.width() != DigitPreprocessor.SIZE || centered.height() != DigitPreprocessor.SIZE) {
            throw new IllegalArgumentException("Only a preprocessed 28×28 digit can be saved");
        }
        return repository.insert(label, centered.pixels().clone(), Instant.now());
    }

    /** Newest first. */
    public List<MyDigit> all() {
        return repository.findAll();
    }

    /** The newest {@code limit} digits, for a gallery. */
    public List<MyDigit> newest(int limit) {
        return repository.findNewest(limit);
    }

    public int count() {
        return repository.count();
    }

    public void delete(long id) {
        repository.delete(id);
    }

    /**
     * The run's model on every saved digit.
     *
     * @throws ModelUnavailableException when the model cannot be used
     */
    public MyDigitsEvaluation evaluate(long runId) {
        List<MyDigit> digits = repository.findAll();
        float[][] outputs = predictor.predictAll(runId, inputs(digits));
        return evaluation(runId, predictor.modelName(runId), digits, outputs.length, i -> Prediction.argMax(outputs[i]),
                (i, predicted) -> outputs[i][predicted]);
    }

    /**
     * The models together on every saved digit, combined by {@code mode}; models that cannot be used are
     * left out (their own evaluation says why).
     *
     * @throws ModelUnavailableException when none can be used
     */
    public MyDigitsEvaluation evaluateEnsemble(List<Long> runIds, EnsembleMode mode) {
        List<MyDigit> digits = repository.findAll();
        float[][] inputs = inputs(digits);
        List<float[][]> outputs = new ArrayList<>();
        for (long runId : runIds) {
            try {
                outputs.add(predictor.predictAll(runId, inputs));
            } catch (ModelUnavailableException e) {
                // shown with that model's own line
            }
        }
        if (outputs.isEmpty()) {
            throw new ModelUnavailableException("None of the chosen models can be used");
        }
        EnsembleMode.Decision[] decisions = new EnsembleMode.Decision[digits.size()];
        for (int i = 0; i < decisions.length; i++) {
            int digit = i;
            decisions[i] = mode.decide(outputs.stream().map(o -> o[digit]).toList());
        }
        return evaluation(MyDigitsEvaluation.ENSEMBLE, "Ensemble (" + mode.label() + " of " + outputs.size() + ")",
                digits, decisions.length, i -> decisions[i].digit(), (i, predicted) -> decisions[i].support());
    }

    private static float[][] inputs(List<MyDigit> digits) {
        float[][] inputs = new float[digits.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = digits.get(i).networkInput();
        }
        return inputs;
    }

    private static MyDigitsEvaluation evaluation(long runId, String name, List<MyDigit> digits, int answered,
                                                 IntUnaryOperator predictedOf, Confidence confidenceOf) {
        int correct = 0;
        List<MyDigitsEvaluation.Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < answered; i++) {
            int predicted = predictedOf.applyAsInt(i);
            if (predicted == digits.get(i).label()) {
                correct++;
            } else {
                mistakes.add(new MyDigitsEvaluation.Mistake(digits.get(i), predicted, confidenceOf.of(i, predicted)));
            }
        }
        mistakes.sort(Comparator.comparingDouble((MyDigitsEvaluation.Mistake m) -> m.confidence()).reversed());
        return new MyDigitsEvaluation(runId, name, digits.size(), correct, mistakes);
    }

    private interface Confidence {
        float of(int digitIndex, int predicted);
    }
}
