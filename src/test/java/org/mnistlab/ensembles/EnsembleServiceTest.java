package org.mnistlab.ensembles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.playground.EnsembleMode;
import org.mnistlab.playground.Predictor;
import org.mnistlab.security.Role;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunAccessDeniedException;
import org.mnistlab.training.RunRecord;
import org.springframework.beans.factory.annotation.Autowired;

/** Ensembles of models trained by the real engine, evaluated on the real test set. */
class EnsembleServiceTest extends SpringAppTest {

    @Autowired
    EnsembleService ensembles;

    @Autowired
    Predictor predictor;

    @Test
    void combines_the_members_answers_on_every_test_image_and_stores_both_evaluations() {
        // a pair no other test evaluates: the same runs again would give back the stored ensemble
        long mlp = runs.tiny(Architecture.MLP, 2000);
        long logistic = runs.tiny(Architecture.LOGISTIC, 1500);
        List<Integer> progress = new ArrayList<>();

        EnsembleResult result = ensembles.evaluate(List.of(mlp, logistic, mlp), progress::add);

        Ensemble ensemble = result.ensemble();
        assertThat(progress).containsExactly(1, 2);
        assertThat(ensemble.members()).extracting(EnsembleMember::runId).containsExactly(mlp, logistic);
        // each member classifies the test set exactly as its own evaluation did
        for (EnsembleMember member : ensemble.members()) {
            RunRecord run = store.findById(member.runId()).orElseThrow();
            assertThat(member.testAccuracy()).isEqualTo(run.testAccuracy());
        }
        // recount both modes from the members' probabilities
        LabeledImages test = datasets.samples(DatasetKind.MNIST, Split.TEST);
        float[][] a = predictor.predictAll(mlp, inputs(test));
        float[][] b = predictor.predictAll(logistic, inputs(test));
        int averaged = 0;
        int voted = 0;
        for (int i = 0; i < test.size(); i++) {
            averaged += EnsembleMode.AVERAGE.decide(List.of(a[i], b[i])).digit() == test.label(i) ? 1 : 0;
            voted += EnsembleMode.MAJORITY.decide(List.of(a[i], b[i])).digit() == test.label(i) ? 1 : 0;
        }
        assertThat(result.average().accuracy()).isEqualTo(averaged / 10_000.0);
        assertThat(result.vote().accuracy()).isEqualTo(voted / 10_000.0);
        assertThat(result.average().misclassified()).hasSize(10_000 - averaged);
        assertThat(ensemble.averageAccuracy()).isEqualTo(result.average().accuracy());

        EnsembleResult stored = ensembles.find(ensemble.id()).orElseThrow();
        assertThat(stored.ensemble()).isEqualTo(ensemble);
        assertThat(stored.vote().confusion()).isDeepEqualTo(result.vote().confusion());
        assertThat(stored.average().misclassified()).isEqualTo(result.average().misclassified());
        assertThat(ensembles.ensembles()).first().isEqualTo(ensemble);
    }

    @Test
    void the_same_runs_evaluated_again_in_any_order_give_back_the_stored_ensemble() {
        long mlp = runs.tiny(Architecture.MLP, 1000);
        long logistic = runs.tiny(Architecture.LOGISTIC, 1000);
        EnsembleResult first = ensembles.evaluate(List.of(mlp, logistic), done -> { });
        int stored = ensembles.ensembles().size();
        List<Integer> progress = new ArrayList<>();

        EnsembleResult again = ensembles.evaluate(List.of(logistic, mlp), progress::add);

        assertThat(again.ensemble()).isEqualTo(first.ensemble());
        assertThat(again.average().confusion()).isDeepEqualTo(first.average().confusion());
        assertThat(ensembles.ensembles()).hasSize(stored);
        assertThat(progress).isEmpty(); // nothing was classified again

        long other = runs.tiny(Architecture.LOGISTIC, 500);
        EnsembleResult larger = ensembles.evaluate(List.of(mlp, logistic, other), done -> { });
        assertThat(larger.ensemble().id()).isNotEqualTo(first.ensemble().id());
        assertThat(ensembles.ensembles()).hasSize(stored + 1);
    }

    private static float[][] inputs(LabeledImages test) {
        float[][] inputs = new float[test.size()][];
        for (int i = 0; i < inputs.length; i++) {
            byte[] image = test.image(i);
            inputs[i] = new float[image.length];
            for (int p = 0; p < image.length; p++) {
                inputs[i][p] = (image[p] & 0xFF) / 255f;
            }
        }
        return inputs;
    }

    @Test
    void refuses_fewer_than_two_runs_missing_runs_and_mixed_datasets_with_a_reason() {
        long mnist = runs.tiny(Architecture.LOGISTIC, 500);
        long fashion = runs.trainToEnd(TestRuns.quick(Architecture.LOGISTIC, 500, 1).toBuilder()
                .dataset(DatasetKind.FASHION_MNIST).build());

        assertThatThrownBy(() -> ensembles.evaluate(List.of(mnist, mnist), n -> { }))
                .isInstanceOf(InvalidEnsembleException.class)
                .hasMessage("Choose 2 to 10 different runs for an ensemble (1 chosen)");
        assertThatThrownBy(() -> ensembles.evaluate(List.of(mnist, 999_999L), n -> { }))
                .hasMessage("Run #999999 does not exist");
        assertThatThrownBy(() -> ensembles.evaluate(List.of(mnist, fashion), n -> { }))
                .hasMessage("Runs #" + mnist + " (MNIST) and #" + fashion + " (Fashion-MNIST) were trained on different"
                        + " datasets: an ensemble needs one");
    }

    @Test
    void a_viewer_may_read_ensembles_but_not_evaluate_one() {
        long a = runs.tiny(Architecture.LOGISTIC, 500);
        long b = runs.tiny(Architecture.LOGISTIC, 600);
        loginAs("visitor", Role.VIEWER);

        assertThat(ensembles.mayEvaluate()).isFalse();
        assertThatThrownBy(() -> ensembles.evaluate(List.of(a, b), n -> { }))
                .isInstanceOf(RunAccessDeniedException.class);
        assertThat(ensembles.ensembles()).isNotNull();
    }
}
