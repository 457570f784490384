package org.mnistlab.runs.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunSetting;

/** The configurator form in a mocked Vaadin UI: the engine's validation per field, presets, Start. */
class RunConfigFormTest {

    private RunConfigForm form;
    private final List<RunConfig> started = new ArrayList<>();
    private final List<RunConfigForm.ConfigChangedEvent> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        form = new RunConfigForm();
        form.addStartListener(e -> started.add(e.value()));
        form.addConfigChangedListener(changes::add);
        UI.getCurrent().add(form);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @SuppressWarnings("unchecked")
    private <V> HasValue<?, V> field(String id) {
        return (HasValue<?, V>) _get(form, Component.class, spec -> spec.withId(id));
    }

    private Button start() {
        return _get(form, Button.class, spec -> spec.withId("start"));
    }

    private <V> void set(String id, V value) {
        HasValue<?, V> f = field(id);
        _setValue(f, value);
    }

    private String error(String id) {
        HasValidation f = (HasValidation) field(id);
        return f.isInvalid() ? f.getErrorMessage() : null;
    }

    /** Each invalid value of a field and the engine's message for it. */
    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("field-name", "x".repeat(101), "Name must be at most 100 characters"),
                Arguments.of("field-learningRate", "0.0", "Learning rate must be greater than 0 and at most 10"),
                Arguments.of("field-learningRate", "-0.1", "Learning rate must be greater than 0 and at most 10"),
                Arguments.of("field-learningRate", "11.0", "Learning rate must be greater than 0 and at most 10"),
                Arguments.of("field-learningRate", "", RunConfigForm.ENTER_A_VALUE),
                Arguments.of("field-batchSize", "0", "Batch size must be between 1 and 4096"),
                Arguments.of("field-batchSize", "5000", "Batch size must be between 1 and 4096"),
                Arguments.of("field-epochs", "0", "Epochs must be between 1 and 100"),
                Arguments.of("field-epochs", "101", "Epochs must be between 1 and 100"),
                Arguments.of("field-l1", "-0.001", "L1 must be between 0 and 1"),
                Arguments.of("field-l2", "2.0", "L2 must be between 0 and 1"),
                Arguments.of("field-denseDropout", "1.0", "Dropout must be at least 0 and below 1"),
                Arguments.of("field-labelSmoothing", "0.6", "Label smoothing must be between 0 and 0.5"),
                Arguments.of("field-augmentation-maxRotationDegrees", "46.0", "Rotation must be between 0 and 45 degrees"),
                Arguments.of("field-augmentation-maxShiftPixels", "9.0", "Shift must be between 0 and 8 pixels"),
                Arguments.of("field-augmentation-zoomRange", "0.6", "Zoom range must be between 0 and 0.5"),
                Arguments.of("field-validationFraction", "0.7", "Validation split must be between 0 and 0.5"),
                Arguments.of("field-earlyStoppingPatience", "-1", "Patience must be between 0 (off) and 100"),
                Arguments.of("field-trainSubset", "5", "A training subset needs at least 10 images (one per class)"),
                Arguments.of("field-trainSubset", "70000", "Training subset must be between 0 (all) and 60000 images"),
                Arguments.of("field-hiddenLayers", "", "An MLP needs 1 to 5 hidden layers"),
                Arguments.of("field-hiddenLayers", "128, 0", "Hidden layer sizes must be between 1 and 4096"),
                Arguments.of("field-hiddenLayers", "1, 2, 3, 4, 5, 6", "An MLP needs 1 to 5 hidden layers"),
                Arguments.of("field-hiddenLayers", "128, abc", HiddenLayersConverter.NOT_NUMBERS));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void each_invalid_field_shows_the_engines_message_and_start_is_disabled(String id, Object value, String message) {
        assertThat(start().isEnabled()).isTrue();

        set(id, value);

        assertThat(error(id)).isEqualTo(message);
        assertThat(start().isEnabled()).isFalse();
        assertThat(changes.get(changes.size() - 1).isValid()).isFalse();
    }

    @Test
    void fixing_the_value_clears_the_message_and_enables_start() {
        set("field-learningRate", "-1.0");
        assertThat(error("field-learningRate")).isNotNull();

        set("field-learningRate", "0.01");

        assertThat(error("field-learningRate")).isNull();
        assertThat(start().isEnabled()).isTrue();
        assertThat(form.getConfig().learningRate()).isEqualTo(0.01);
    }

    @Test
    void only_the_invalid_field_is_marked() {
        set("field-epochs", "0");

        assertThat(error("field-epochs")).isNotNull();
        assertThat(error("field-batchSize")).isNull();
        assertThat(error("field-learningRate")).isNull();
    }

    @Test
    void momentum_is_checked_for_sgd() {
        set("field-optimizer", OptimizerKind.SGD);
        set("field-momentum", "1.0");

        assertThat(error("field-momentum")).isEqualTo("Momentum must be between 0 and 1 (exclusive)");
        assertThat(start().isEnabled()).isFalse();
    }

    @Test
    void conv_dropout_is_shown_and_checked_for_cnns() {
        assertThat(form.convDropout.isVisible()).isFalse();
        set("field-architecture", Architecture.SIMPLE_CNN);
        assertThat(form.convDropout.isVisible()).isTrue();
        assertThat(form.hiddenLayers.isVisible()).isFalse();

        set("field-convDropout", "1.5");

        assertThat(error("field-convDropout")).isEqualTo("Dropout must be at least 0 and below 1");
    }

    @Test
    void schedule_settings_are_checked_for_their_schedule() {
        set("field-lrSchedule-type", LrSchedule.Type.STEP);
        set("field-lrSchedule-factor", "1.0");
        set("field-lrSchedule-stepEpochs", "0");

        assertThat(error("field-lrSchedule-factor")).isEqualTo("Decay factor must be between 0 and 1 (exclusive)");
        assertThat(error("field-lrSchedule-stepEpochs")).isEqualTo("Step must be between 1 and 100 epochs");

        set("field-lrSchedule-type", LrSchedule.Type.PLATEAU);
        set("field-lrSchedule-factor", "0.5");
        set("field-lrSchedule-patience", "0");
        assertThat(error("field-lrSchedule-patience")).isEqualTo("Plateau patience must be between 1 and 100");
    }

    @Test
    void a_change_in_one_field_can_invalidate_another() {
        set("field-earlyStoppingPatience", "3");
        assertThat(start().isEnabled()).isTrue();

        set("field-validationFraction", "0.0");

        assertThat(error("field-validationFraction")).isNull();
        assertThat(error("field-earlyStoppingPatience")).isEqualTo("Early stopping needs a validation split above 0");
        assertThat(start().isEnabled()).isFalse();

        set("field-earlyStoppingPatience", "0");
        assertThat(error("field-earlyStoppingPatience")).isNull();
        assertThat(start().isEnabled()).isTrue();
    }

    @Test
    void a_subset_beyond_what_the_validation_split_leaves_is_refused_with_the_maximum() {
        set("field-validationFraction", "0.1");
        set("field-trainSubset", "60000");

        assertThat(error("field-trainSubset"))
                .isEqualTo("A validation split of 0.1 leaves at most 54000 training images (0 = all of them)");
        assertThat(start().isEnabled()).isFalse();

        set("field-validationFraction", "0");
        assertThat(error("field-trainSubset")).isNull();
        assertThat(start().isEnabled()).isTrue();
    }

    @Test
    void plateau_schedule_needs_a_validation_split() {
        set("field-validationFraction", "0.0");
        set("field-lrSchedule-type", LrSchedule.Type.PLATEAU);

        assertThat(error("field-lrSchedule-type")).isEqualTo("Reduce on plateau needs a validation split above 0");
        assertThat(start().isEnabled()).isFalse();
    }

    @Test
    void presets_fill_the_seeds_settings() {
        _click(_get(form, Button.class, spec -> spec.withId("preset-regularized-cnn-augmented")));

        RunConfig config = form.getConfig();
        assertThat(config.architecture()).isEqualTo(Architecture.REGULARIZED_CNN);
        assertThat(config.augmentation()).isEqualTo(new Augmentation(10, 2, 0.1));
        assertThat(config.convDropout()).isEqualTo(0.25);
        assertThat(config.denseDropout()).isEqualTo(0.5);
        assertThat(config.batchNorm()).isTrue();
        assertThat(this.<String>field("field-augmentation-maxRotationDegrees").getValue()).isEqualTo("10");
        assertThat(this.<String>field("field-augmentation-maxShiftPixels").getValue()).isEqualTo("2");
        assertThat(this.<String>field("field-augmentation-zoomRange").getValue()).isEqualTo("0.1");
        assertThat(this.<Architecture>field("field-architecture").getValue()).isEqualTo(Architecture.REGULARIZED_CNN);
        assertThat(start().isEnabled()).isTrue();

        _click(_get(form, Button.class, spec -> spec.withId("preset-simple-cnn")));
        assertThat(form.getConfig()).isEqualTo(RunConfig.defaults(Architecture.SIMPLE_CNN, DatasetKind.MNIST));
        assertThat(this.<String>field("field-batchSize").getValue()).isEqualTo("64");

        _click(_get(form, Button.class, spec -> spec.withId("preset-regularized-cnn")));
        assertThat(form.getConfig()).isEqualTo(RunPreset.REGULARIZED_CNN.config(DatasetKind.MNIST));

        _click(_get(form, Button.class, spec -> spec.withId("preset-baseline-mlp")));
        assertThat(form.getConfig()).isEqualTo(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST));
        assertThat(this.<String>field("field-hiddenLayers").getValue()).isEqualTo("128");
    }

    @Test
    void a_preset_keeps_the_chosen_dataset_and_clears_old_errors() {
        set("field-dataset", DatasetKind.FASHION_MNIST);
        set("field-epochs", "0");

        _click(_get(form, Button.class, spec -> spec.withId("preset-simple-cnn")));

        assertThat(form.getConfig().dataset()).isEqualTo(DatasetKind.FASHION_MNIST);
        assertThat(error("field-epochs")).isNull();
        assertThat(start().isEnabled()).isTrue();
    }

    @Test
    void start_raises_an_event_with_the_form_config() {
        set("field-epochs", "2");
        set("field-trainSubset", "1000");
        set("field-hiddenLayers", "256, 64");
        set("field-name", "tiny");

        _click(start());

        assertThat(started).hasSize(1);
        RunConfig config = started.get(0);
        assertThat(config.epochs()).isEqualTo(2);
        assertThat(config.trainSubset()).isEqualTo(1000);
        assertThat(config.hiddenLayers()).containsExactly(256, 64);
        assertThat(config.name()).isEqualTo("tiny");
        assertThat(config.validate()).isEmpty();
    }

    @Test
    void start_is_refused_while_the_form_is_invalid() {
        set("field-batchSize", "0");

        assertThat(start().isEnabled()).isFalse();
        assertThatThrownBy(() -> _click(start())).isInstanceOf(IllegalStateException.class);
        assertThat(started).isEmpty();
    }

    @Test
    void problems_from_the_service_are_shown_on_their_fields_or_below_start_if_hidden() {
        form.showProblems(List.of(new ConfigProblem(RunSetting.EPOCHS, "Too many epochs for this server"),
                new ConfigProblem(RunSetting.CONV_DROPOUT, "No dropout on this server")));

        assertThat(error("field-epochs")).isEqualTo("Too many epochs for this server");
        assertThat(_get(form, Span.class, spec -> spec.withId("form-problems")).getText())
                .isEqualTo("No dropout on this server");
    }

    @Test
    void a_stored_config_fills_every_field() {
        RunConfig stored = RunConfig.builder().name("clone me").dataset(DatasetKind.FASHION_MNIST)
                .architecture(Architecture.MLP).hiddenLayers(List.of(300, 100)).optimizer(OptimizerKind.NESTEROV)
                .learningRate(0.05).momentum(0.8).batchSize(32).epochs(7).seed(123).l1(0.001).l2(0.0005)
                .convDropout(0.1).denseDropout(0.3).batchNorm(true).labelSmoothing(0.05)
                .augmentation(new Augmentation(5, 1, 0.05)).validationFraction(0.2).earlyStoppingPatience(3)
                .restoreBestWeights(false).lrSchedule(LrSchedule.step(0.5, 2)).trainSubset(5000).build();

        form.setConfig(stored);

        assertThat(form.getConfig()).isEqualTo(stored);
        assertThat(this.<String>field("field-hiddenLayers").getValue()).isEqualTo("300, 100");
        assertThat(this.<String>field("field-momentum").getValue()).isEqualTo("0.8");
        assertThat(this.<String>field("field-labelSmoothing").getValue()).isEqualTo("0.05");
        assertThat(((HasEnabled) field("field-momentum")).isEnabled()).isTrue();
        assertThat(start().isEnabled()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {(1L << 40) + 1, (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE})
    void a_stored_seed_of_any_size_is_shown_and_started_exactly(long seed) {
        RunConfig stored = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().seed(seed).build();

        form.setConfig(stored);

        assertThat(this.<String>field("field-seed").getValue()).isEqualTo(Long.toString(seed));
        assertThat(form.getConfig()).isEqualTo(stored);
        _click(start());
        assertThat(started).extracting(RunConfig::seed).containsExactly(seed);
    }

    @Test
    void a_typed_seed_is_used_exactly_or_refused_on_its_field() {
        set("field-seed", "9007199254740993"); // 2^53 + 1: a double would round it
        assertThat(error("field-seed")).isNull();
        assertThat(form.getConfig().seed()).isEqualTo(9_007_199_254_740_993L);

        for (String refused : List.of("9223372036854775808", "1.5", "seven")) {
            set("field-seed", refused);
            assertThat(error("field-seed")).as(refused).isNotBlank();
            assertThat(start().isEnabled()).isFalse();
            assertThat(form.getConfig().seed()).isEqualTo(9_007_199_254_740_993L);
        }
        set("field-seed", "");
        assertThat(error("field-seed")).isEqualTo(RunConfigForm.ENTER_A_VALUE);

        set("field-seed", "-5");
        assertThat(start().isEnabled()).isTrue();
        assertThat(form.getConfig().seed()).isEqualTo(-5);
    }

    @Test
    void a_seed_out_of_range_says_which_seeds_are_possible() {
        set("field-seed", "99999999999999999999");

        assertThat(error("field-seed"))
                .isEqualTo("Enter a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        assertThat(start().isEnabled()).isFalse();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"5e-4, 0.0005", "5E-4, 0.0005", "1E-3, 0.001", "0.001, 0.001", "1e-2, 0.01", "+0.05, 0.05",
            ".5, 0.5"})
    void a_learning_rate_in_any_notation_is_read_whole_and_shown_as_it_will_be_used(String typed, String used) {
        set("field-learningRate", typed);

        assertThat(error("field-learningRate")).isNull();
        assertThat(form.getConfig().learningRate()).isEqualTo(Double.parseDouble(used));
        assertThat(this.<String>field("field-learningRate").getValue()).isEqualTo(used);
        _click(start());
        assertThat(started).extracting(RunConfig::learningRate).containsExactly(Double.parseDouble(used));
    }

    @Test
    void scientific_notation_is_read_whole_in_every_decimal_field() {
        set("field-l2", "1e-4");
        set("field-l1", "2E-5");
        set("field-validationFraction", "2e-1");
        set("field-augmentation-zoomRange", "5e-2");

        RunConfig config = form.getConfig();
        assertThat(config.l2()).isEqualTo(0.0001);
        assertThat(config.l1()).isEqualTo(0.00002);
        assertThat(config.validationFraction()).isEqualTo(0.2);
        assertThat(config.augmentation().zoomRange()).isEqualTo(0.05);
        assertThat(start().isEnabled()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5e-4x", "5 e-4", "0,001", "1e", "e-4", "0x10", "1d", "NaN", "Infinity", "5e-4.1"})
    void text_that_is_not_entirely_a_number_is_refused_not_half_read(String typed) {
        double before = form.getConfig().learningRate();

        set("field-learningRate", typed);

        assertThat(error("field-learningRate")).isEqualTo(NumberConverter.NOT_A_NUMBER);
        assertThat(start().isEnabled()).isFalse();
        assertThat(form.getConfig().learningRate()).isEqualTo(before);
    }

    @Test
    void numbers_beyond_what_a_double_holds_are_refused_rather_than_rounded_to_infinity_or_zero() {
        set("field-l2", "1e-400");
        assertThat(error("field-l2")).isEqualTo(NumberConverter.TOO_SMALL);

        set("field-learningRate", "1e400");
        assertThat(error("field-learningRate")).isEqualTo(NumberConverter.TOO_LARGE);
        assertThat(start().isEnabled()).isFalse();
    }

    @Test
    void a_huge_learning_rate_in_scientific_notation_is_refused_by_the_engine_not_read_as_1() {
        set("field-learningRate", "1e9");

        assertThat(error("field-learningRate")).isEqualTo("Learning rate must be greater than 0 and at most 10");
        assertThat(start().isEnabled()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2.5", "1e-1", "1.25e1"})
    void whole_number_fields_refuse_fractions(String typed) {
        set("field-epochs", typed);

        assertThat(error("field-epochs")).isEqualTo(NumberConverter.NOT_WHOLE);
        assertThat(start().isEnabled()).isFalse();
        assertThat(form.getConfig().epochs()).isEqualTo(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).epochs());
    }

    @Test
    void whole_number_fields_take_exact_whole_numbers_in_any_notation() {
        set("field-trainSubset", "1e3");
        set("field-epochs", "2.0");
        set("field-seed", "1E3");

        assertThat(form.getConfig().trainSubset()).isEqualTo(1000);
        assertThat(form.getConfig().epochs()).isEqualTo(2);
        assertThat(form.getConfig().seed()).isEqualTo(1000);
        assertThat(this.<String>field("field-trainSubset").getValue()).isEqualTo("1000");
        assertThat(this.<String>field("field-epochs").getValue()).isEqualTo("2");
        assertThat(start().isEnabled()).isTrue();
    }

    @Test
    void a_whole_number_beyond_the_fields_type_says_the_range() {
        set("field-batchSize", "3000000000");

        assertThat(error("field-batchSize"))
                .isEqualTo("Enter a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
    }

    @Test
    void each_setting_has_one_field_labelled_by_its_description() {
        for (RunSetting setting : RunSetting.values()) {
            String id = "field-" + setting.key().replace('.', '-');
            // hidden fields too (e.g. conv dropout for an MLP), so the whole tree rather than Karibu's visible one
            List<Component> fields = descendants(form).filter(c -> c.getId().filter(id::equals).isPresent()).toList();
            assertThat(fields).as(id).hasSize(1);
            assertThat(((HasLabel) fields.get(0)).getLabel()).as(id).isEqualTo(setting.formLabel());
        }
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(RunConfigFormTest::descendants));
    }

    @Test
    void the_name_placeholder_is_the_readable_default() {
        assertThat(_get(form, TextField.class, spec -> spec.withId("field-name")).getPlaceholder())
                .isEqualTo(RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).displayName());
    }
}
