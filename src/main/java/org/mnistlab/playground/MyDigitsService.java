package org.mnistlab.playground;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        float[][] inputs = new float[digits.size()][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = digits.get(i).networkInput();
        }
        float[][] outputs = predictor.predictAll(runId, inputs);
        int correct = 0;
        List<MyDigitsEvaluation.Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            int predicted = Prediction.argMax(outputs[i]);
            if (predicted == digits.get(i).label()) {
                correct++;
            } else {
                mistakes.add(new MyDigitsEvaluation.Mistake(digits.get(i), predicted, outputs[i][predicted]));
            }
        }
        mistakes.sort(Comparator.comparingDouble((MyDigitsEvaluation.Mistake m) -> m.confidence()).reversed());
        return new MyDigitsEvaluation(runId, predictor.modelName(runId), digits.size(), correct, mistakes);
    }
}
