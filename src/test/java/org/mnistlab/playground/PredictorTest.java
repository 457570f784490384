package org.mnistlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.training.Architecture;
import org.springframework.beans.factory.annotation.Autowired;

/** Predictions from models trained by the real engine. */
class PredictorTest extends SpringAppTest {

    @Autowired
    Predictor predictor;

    @Autowired
    DigitPreprocessor preprocessor;

    @Autowired
    ModelCache cache;

    @Test
    void predicts_a_drawn_digit_with_a_trained_model_and_serves_it_from_the_cache_afterwards() {
        long run = runs.tiny(Architecture.MLP, 2000);
        float[] input = preprocessor.process(MnistTestDigits.drawnBackOnPad(MnistTestDigits.image(0), 30, -20))
                .networkInput();

        long t0 = System.nanoTime();
        Prediction first = predictor.predict(run, input);
        long t1 = System.nanoTime();
        Prediction again = predictor.predict(run, input);
        long t2 = System.nanoTime();

        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            predictor.predict(run, input);
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("prediction (MLP): first %.1f ms (loads the model), second %.2f ms, then median %.2f ms,"
                + " p95 %.2f ms over %d calls%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, nanos[100] / 1e6, nanos[190] / 1e6,
                nanos.length);
        assertThat(sum(first.probabilities())).isCloseTo(1f, within(1e-4f));
        assertThat(again.probabilities()).containsExactly(first.probabilities());
        assertThat(cache.contains(store.modelFile(run).orElseThrow())).isTrue();
        Prediction original = predictor.predict(run, new PreprocessingSteps(null, null, null,
                new GrayImage(28, 28, MnistTestDigits.image(0)), 14, 14).networkInput());
        assertThat(first.probabilities()).containsExactly(original.probabilities());
    }

    @Test
    void lists_finished_runs_best_first_and_defaults_to_the_best() {
        long weak = runs.tiny(Architecture.LOGISTIC, 500);
        long strong = runs.tiny(Architecture.MLP, 2000);

        List<ModelChoice> models = predictor.models();

        assertThat(models).extracting(ModelChoice::runId).contains(weak, strong);
        for (int i = 1; i < models.size(); i++) {
            assertThat(models.get(i - 1).run().testAccuracy()).isGreaterThanOrEqualTo(models.get(i).run().testAccuracy());
        }
        assertThat(predictor.defaultModel()).map(ModelChoice::runId).contains(models.stream()
                .filter(ModelChoice::available).findFirst().orElseThrow().runId());
    }

    @Test
    void a_run_whose_model_file_is_gone_stays_listed_with_a_clear_message() throws IOException {
        long run = runs.freshTiny("model file will be deleted");
        Path file = store.modelFile(run).orElseThrow();
        Files.delete(file);

        ModelChoice choice = predictor.models().stream().filter(c -> c.runId() == run).findFirst().orElseThrow();
        assertThat(choice.available()).isFalse();
        assertThat(choice.label()).endsWith("(model file missing)");
        assertThatThrownBy(() -> predictor.predict(run, new float[784]))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("model file of run #" + run + " is missing");
    }

    @Test
    void an_unreadable_model_file_gives_a_clear_message() throws IOException {
        long run = runs.freshTiny("model file will be corrupted");
        Files.writeString(store.modelFile(run).orElseThrow(), "not a model");

        assertThatThrownBy(() -> predictor.predict(run, new float[784]))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("Run #" + run)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void compares_models_and_averages_their_probabilities() {
        long a = runs.tiny(Architecture.LOGISTIC, 500);
        long b = runs.tiny(Architecture.MLP, 2000);
        float[] input = preprocessor.process(MnistTestDigits.drawnBackOnPad(MnistTestDigits.image(1), 0, 0))
                .networkInput();

        Comparison comparison = predictor.compare(List.of(a, b, 999_999L), input);

        assertThat(comparison.outcomes()).hasSize(3);
        float[] pa = comparison.outcomes().get(0).prediction().probabilities();
        float[] pb = comparison.outcomes().get(1).prediction().probabilities();
        for (int i = 0; i < 10; i++) {
            assertThat(comparison.ensemble()[i]).isCloseTo((pa[i] + pb[i]) / 2, within(1e-6f));
        }
        assertThat(comparison.outcomes().get(2).prediction()).isNull();
        assertThat(comparison.outcomes().get(2).problem()).isEqualTo("Run #999999 no longer exists");
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
