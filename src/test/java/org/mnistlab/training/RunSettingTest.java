package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class RunSettingTest {

    /** A configuration whose every setting differs from the MLP defaults. */
    private static final RunConfig OTHER = RunConfig.builder().name("other").dataset(DatasetKind.FASHION_MNIST)
            .architecture(Architecture.LENET5).hiddenLayers(List.of(7, 3)).optimizer(OptimizerKind.SGD)
            .learningRate(0.03).momentum(0.7).batchSize(17).epochs(4).seed(1L << 40).l1(0.002).l2(0.003)
            .convDropout(0.2).denseDropout(0.4).batchNorm(true).labelSmoothing(0.15)
            .augmentation(new Augmentation(5, 1, 0.05))
            .validationFraction(0.2).earlyStoppingPatience(3).restoreBestWeights(false)
            .lrSchedule(new LrSchedule(LrSchedule.Type.PLATEAU, 0.3, 4, 5, 0.5, 0.05)).trainSubset(999).build();

    private static final RunConfig MLP = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST);

    /** The component a key names, read by reflection: "augmentation.zoomRange" → augmentation().zoomRange(). */
    private static Object component(RunConfig config, String key) throws ReflectiveOperationException {
        Object value = config;
        for (String name : key.split("\\.")) {
            RecordComponent component = Arrays.stream(value.getClass().getRecordComponents())
                    .filter(c -> c.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no component " + name + " in " + key));
            value = component.getAccessor().invoke(value);
        }
        return value;
    }

    @Test
    void every_key_is_unique_and_names_the_run_config_component_its_value_reads() throws Exception {
        assertThat(Arrays.stream(RunSetting.values()).map(RunSetting::key)).doesNotHaveDuplicates();
        for (RunSetting s : RunSetting.values()) {
            assertThat(s.value(OTHER)).as(s.key()).isEqualTo(component(OTHER, s.key()));
            assertThat(s.value(OTHER)).as(s.key()).isNotEqualTo(s.value(MLP));
            assertThat(s.type().isInstance(s.value(OTHER))).as(s.key()).isTrue();
        }
    }

    @Test
    void writing_each_value_into_a_builder_gives_back_the_same_config() {
        RunConfig.Builder builder = MLP.toBuilder();
        for (RunSetting s : RunSetting.values()) {
            s.write(builder, s.value(OTHER));
        }
        assertThat(builder.build()).isEqualTo(OTHER);
        assertThat(OTHER.toBuilder().build()).isEqualTo(OTHER);
    }

    @Test
    void every_top_level_component_has_its_own_cli_option_shared_only_by_its_parts() {
        Map<String, String> componentByOption = new HashMap<>();
        Map<String, String> optionByComponent = new HashMap<>();
        for (RunSetting s : RunSetting.values()) {
            String component = s.key().split("\\.")[0];
            assertThat(s.cliOption()).as(s.key()).startsWith("--");
            assertThat(componentByOption.putIfAbsent(s.cliOption(), component)).as(s.cliOption())
                    .isIn(null, component);
            assertThat(optionByComponent.putIfAbsent(component, s.cliOption())).as(component)
                    .isIn(null, s.cliOption());
        }
        assertThat(optionByComponent.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RunConfig.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void every_problem_of_an_invalid_config_names_a_setting_with_a_key() {
        RunConfig invalid = RunConfig.builder().name("x".repeat(101)).architecture(Architecture.MLP)
                .learningRate(-1).momentum(2).earlyStoppingPatience(-1)
                .augmentation(new Augmentation(99, 99, 99)).lrSchedule(new LrSchedule(LrSchedule.Type.PLATEAU, 2, 0, 0))
                .trainSubset(5).build();
        List<ConfigProblem> problems = invalid.validate();
        assertThat(problems).hasSizeGreaterThan(15);
        assertThat(problems).allSatisfy(p -> assertThat(p.setting().key()).isNotBlank());
    }

    @Test
    void settings_a_config_does_not_use_are_marked() {
        RunConfig adamMlp = MLP;
        assertThat(RunSetting.MOMENTUM.appliesTo(adamMlp)).isFalse();
        assertThat(RunSetting.HIDDEN_LAYERS.appliesTo(adamMlp)).isTrue();
        assertThat(RunSetting.CONV_DROPOUT.appliesTo(adamMlp)).isFalse();
        assertThat(RunSetting.RESTORE_BEST_WEIGHTS.appliesTo(adamMlp)).isFalse();
        assertThat(RunSetting.LR_SCHEDULE_FACTOR.appliesTo(adamMlp)).isFalse();
        assertThat(RunSetting.MOMENTUM.appliesTo(OTHER)).isTrue();
        assertThat(RunSetting.HIDDEN_LAYERS.appliesTo(OTHER)).isFalse();
        assertThat(RunSetting.CONV_DROPOUT.appliesTo(OTHER)).isTrue();
        assertThat(RunSetting.LR_SCHEDULE_PATIENCE.appliesTo(OTHER)).isTrue();
        assertThat(RunSetting.LR_SCHEDULE_STEP_EPOCHS.appliesTo(OTHER)).isFalse();
    }

    @Test
    void values_are_formatted_for_reading() {
        assertThat(RunSetting.LEARNING_RATE.format(MLP)).isEqualTo("0.001");
        assertThat(RunSetting.L2.format(MLP)).isEqualTo("0.0001");
        assertThat(RunSetting.ARCHITECTURE.format(MLP)).isEqualTo("MLP");
        assertThat(RunSetting.BATCH_NORM.format(MLP)).isEqualTo("no");
        assertThat(RunSetting.TRAIN_SUBSET.format(MLP)).isEqualTo("all");
        assertThat(RunSetting.EARLY_STOPPING_PATIENCE.format(MLP)).isEqualTo("off");
        assertThat(RunSetting.HIDDEN_LAYERS.format(OTHER)).isEqualTo("7, 3");
        assertThat(RunSetting.LR_SCHEDULE_TYPE.format(OTHER)).isEqualTo("plateau");
        assertThat(RunSetting.SEED.format(OTHER)).isEqualTo("1099511627776");
        assertThat(RunSetting.listedSettings()).doesNotContain(RunSetting.NAME).hasSize(RunSetting.values().length - 1);
    }
}
