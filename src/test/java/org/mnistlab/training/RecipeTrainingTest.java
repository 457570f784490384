package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.Split;
import org.springframework.beans.factory.annotation.Autowired;

class RecipeTrainingTest extends SpringAppTest {

    @Autowired
    Trainer trainer;

    @Test
    void the_fast_recipe_learns_a_few_thousand_real_images_in_one_epoch_far_above_chance() {
        RunConfig config = Recipe.FAST.config(DatasetKind.MNIST).toBuilder().epochs(1).trainSubset(3_000)
                .lrSchedule(LrSchedule.oneCycle(0.005, 0.3)).build();
        Trainer.Result result = trainer.train(0, config, datasets.samples(DatasetKind.MNIST, Split.TRAIN),
                datasets.samples(DatasetKind.MNIST, Split.TEST), new Trainer.Listener() { });
        assertThat(result.evaluation().accuracy()).isGreaterThan(0.5); // five times chance; measured 0.71
        // the one-cycle schedule is on the network: the rate at the end is a hundredth of where it started
        assertThat(result.network().getLearningRate(0)).isCloseTo(0.0005 * LearningRateCurve.ONE_CYCLE_FINAL_SHARE,
                org.assertj.core.api.Assertions.within(1e-7));
        result.network().close();
    }
}
