package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class RunPresetTest {

    @Test
    void every_preset_is_valid_on_both_datasets() {
        for (RunPreset preset : RunPreset.values()) {
            for (DatasetKind kind : DatasetKind.values()) {
                assertThat(preset.config(kind).validate()).as(preset + " on " + kind).isEmpty();
                assertThat(preset.config(kind).dataset()).isEqualTo(kind);
            }
        }
    }

    @Test
    void augmented_preset_adds_rotation_shift_and_zoom_to_the_regularized_cnn() {
        RunConfig config = RunPreset.REGULARIZED_CNN_AUGMENTED.config(DatasetKind.MNIST);

        assertThat(config.architecture()).isEqualTo(Architecture.REGULARIZED_CNN);
        assertThat(config.augmentation()).isEqualTo(new Augmentation(10, 2, 0.1));
        assertThat(RunPreset.REGULARIZED_CNN.config(DatasetKind.MNIST).augmentation().enabled()).isFalse();
    }

    @Test
    void augmented_preset_trains_20_epochs_halving_the_rate_every_5_and_the_others_keep_model_defaults() {
        RunConfig augmented = RunPreset.REGULARIZED_CNN_AUGMENTED.config(DatasetKind.MNIST);
        assertThat(augmented.epochs()).isEqualTo(20);
        assertThat(augmented.lrSchedule()).isEqualTo(new LrSchedule(LrSchedule.Type.STEP, 0.5, 5, 2));

        assertThat(RunPreset.REGULARIZED_CNN.config(DatasetKind.MNIST))
                .isEqualTo(RunConfig.defaults(Architecture.REGULARIZED_CNN, DatasetKind.MNIST));
        assertThat(RunPreset.SIMPLE_CNN.config(DatasetKind.FASHION_MNIST))
                .isEqualTo(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.FASHION_MNIST));
    }
}
