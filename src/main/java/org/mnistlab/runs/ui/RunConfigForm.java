package org.mnistlab.runs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.SavedPreset;
import org.mnistlab.base.ui.ValueEvent;
import org.mnistlab.base.ui.LabIcon;

/**
 * The run configuration form. Every field is checked by {@link RunConfig#validate()} (the engine's rules and
 * messages), so each shows its own problem and Start stays disabled until the whole configuration is valid.
 * Like a CRUD form it only raises events ({@link ConfigChangedEvent}, {@link StartEvent}); the view submits.
 */
public class RunConfigForm extends Composite<VerticalLayout> {

    static final String ENTER_A_VALUE = "Enter a value";

    private final Binder<RunConfigDraft> binder = new Binder<>();
    /** The values the fields hold that passed validation; validators test a candidate value against it. */
    private RunConfigDraft draft;
    /** Set while readBean fills the fields, so their change events do not write half a config back. */
    private boolean reading;
    /** Each setting's field, which shows its problems. */
    private final Map<RunSetting, Component> fields = new EnumMap<>(RunSetting.class);
    /** Shown disabled rather than hidden when the configuration does not use them, so they can be found. */
    private static final Set<RunSetting> DISABLED_WHEN_UNUSED = EnumSet.of(RunSetting.MOMENTUM,
            RunSetting.RESTORE_BEST_WEIGHTS);

    final TextField name = new TextField();
    // Numbers are text fields read by NumberConverter: a number field stops reading at a lowercase "e"
    // (5e-4 became 5) and a browser's number input rounds seeds beyond 2^53.
    final Select<DatasetKind> dataset = new Select<>();
    final Select<Architecture> architecture = new Select<>();
    final TextField hiddenLayers = new TextField();
    final Select<OptimizerKind> optimizer = new Select<>();
    final TextField learningRate = new TextField();
    final TextField momentum = new TextField();
    final TextField batchSize = new TextField();
    final TextField epochs = new TextField();
    final TextField seed = new TextField();
    final TextField l1 = new TextField();
    final TextField l2 = new TextField();
    final TextField convDropout = new TextField();
    final TextField denseDropout = new TextField();
    final Checkbox batchNorm = new Checkbox();
    final TextField labelSmoothing = new TextField();
    final TextField rotation = new TextField();
    final TextField shift = new TextField();
    final TextField zoom = new TextField();
    final TextField validationFraction = new TextField();
    final TextField earlyStoppingPatience = new TextField();
    final Checkbox restoreBestWeights = new Checkbox();
    final Select<LrSchedule.Type> scheduleType = new Select<>();
    final TextField scheduleFactor = new TextField();
    final TextField scheduleStepEpochs = new TextField();
    final TextField schedulePatience = new TextField();
    final TextField scheduleWarmupEpochs = new TextField();
    final TextField scheduleMaxLearningRate = new TextField();
    final TextField trainSubset = new TextField();
    final Button start = new Button("Start training", LabIcon.Name.PLAY.create());
    /** The presets users saved, after the built-in ones; filled by the view (a form calls no services). */
    private final HorizontalLayout savedPresets = new HorizontalLayout();
    private final Span problems = new Span();

    public RunConfigForm() {
        configureFields();
        bindFields();

        HorizontalLayout presets = new HorizontalLayout();
        presets.setId("presets");
        presets.setWrap(true);
        presets.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        presets.add(new Span("Presets:"));
        for (RunPreset preset : RunPreset.values()) {
            Button b = new Button(preset.displayName(), e -> applyPreset(preset));
            b.setId("preset-" + preset.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            presets.add(b);
        }
        savedPresets.setId("saved-presets");
        savedPresets.setWrap(true);
        savedPresets.setSpacing(false);
        savedPresets.getStyle().set("gap", "var(--lumo-space-s)");
        savedPresets.setVisible(false);
        presets.add(savedPresets);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("420px", 2));
        section(form, "Data and model");
        form.add(name, 2);
        form.add(dataset, architecture, hiddenLayers, trainSubset);
        section(form, "Optimization");
        form.add(optimizer, learningRate, momentum, batchSize, epochs, seed);
        section(form, "Regularization");
        form.add(l1, l2, convDropout, denseDropout, labelSmoothing, batchNorm);
        section(form, "Augmentation (training batches only)");
        form.add(rotation, shift, zoom);
        section(form, "Validation, early stopping and learning-rate schedule");
        form.add(validationFraction, earlyStoppingPatience, restoreBestWeights, scheduleType, scheduleFactor,
                scheduleStepEpochs, schedulePatience, scheduleWarmupEpochs, scheduleMaxLearningRate);

        problems.setId("form-problems");
        problems.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        start.setId("start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> requestStart());
        HorizontalLayout actions = new HorizontalLayout(start, problems);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        VerticalLayout root = getContent();
        root.setPadding(false);
        // Start sits at the top: the form is long and most runs change only a few fields
        root.add(presets, actions, form);

        setConfig(RunPreset.BASELINE_MLP.config(DatasetKind.MNIST));
    }

    /** Shows a configuration in the form (a preset, or a stored run's settings). */
    public void setConfig(RunConfig config) {
        draft = RunConfigDraft.of(config);
        reading = true;
        try {
            binder.readBean(draft);
        } finally {
            reading = false;
        }
        refresh();
    }

    public void applyPreset(RunPreset preset) {
        DatasetKind current = dataset.getValue() != null ? dataset.getValue() : DatasetKind.MNIST;
        setConfig(preset.config(current));
    }

    /** Offers these saved presets beside the built-in ones. */
    public void setSavedPresets(List<SavedPreset> saved) {
        savedPresets.removeAll();
        for (SavedPreset preset : saved) {
            Button b = new Button(preset.name(), LabIcon.Name.BOOKMARK_O.create(), e -> setConfig(preset.config()));
            b.setId("preset-saved-" + preset.id());
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
            b.setTooltipText("Saved" + (preset.owner() == null ? "" : " by " + preset.owner()) + ": "
                    + preset.config().settingsName());
            savedPresets.add(b);
        }
        savedPresets.setVisible(!saved.isEmpty());
    }

    /** The configuration as the fields hold it (invalid fields keep their last valid value). */
    public RunConfig getConfig() {
        return draft.toConfig();
    }

    /** True when every field is valid and the engine accepts the whole configuration. */
    public boolean isValid() {
        return binder.validate().isOk() && draft.toConfig().validate().isEmpty();
    }

    /** Shows problems found elsewhere (e.g. by the service on submit) on their fields. */
    public void showProblems(List<ConfigProblem> found) {
        StringBuilder unplaced = new StringBuilder();
        for (ConfigProblem p : found) {
            if (fields.get(p.setting()) instanceof HasValidation field && ((Component) field).isVisible()) {
                field.setErrorMessage(p.message());
                field.setInvalid(true);
            } else {
                unplaced.append(unplaced.isEmpty() ? "" : " · ").append(p.message());
            }
        }
        problems.setText(unplaced.toString());
    }

    /** The start button's words, e.g. "Start sweep" where the form configures a sweep's base. */
    public void setStartText(String text) {
        start.setText(text);
    }

    public Registration addConfigChangedListener(ComponentEventListener<ConfigChangedEvent> listener) {
        return addListener(ConfigChangedEvent.class, listener);
    }

    public Registration addStartListener(ComponentEventListener<StartEvent> listener) {
        return addListener(StartEvent.class, listener);
    }

    private void requestStart() {
        if (!isValid()) {
            // the button is disabled while invalid; this guards a stale client and says why
            showProblems(draft.toConfig().validate());
            if (problems.getText().isEmpty()) {
                problems.setText("Fix the highlighted fields first");
            }
            return;
        }
        fireEvent(new StartEvent(this, draft.toConfig()));
    }

    private void refresh() {
        RunConfig config = draft.toConfig();
        fields.forEach((setting, field) -> {
            boolean applies = setting.appliesTo(config);
            if (DISABLED_WHEN_UNUSED.contains(setting)) {
                ((HasEnabled) field).setEnabled(applies);
            } else {
                field.setVisible(applies);
            }
        });
        architecture.setHelperText(config.architecture() == null ? "" : config.architecture().description());
        name.setPlaceholder(config.dataset() != null && config.architecture() != null && config.optimizer() != null
                ? config.settingsName() : "");

        boolean fieldsOk = binder.validate().isOk();
        List<ConfigProblem> found = config.validate();
        // problems whose field is hidden would otherwise be invisible
        problems.setText(found.stream()
                .filter(p -> !fields.containsKey(p.setting()) || !fields.get(p.setting()).isVisible())
                .map(ConfigProblem::message).collect(Collectors.joining(" · ")));
        boolean valid = fieldsOk && found.isEmpty();
        start.setEnabled(valid);
        fireEvent(new ConfigChangedEvent(this, config, valid));
    }

    private void onFieldChanged() {
        if (reading) {
            return;
        }
        // Keep every valid value, then re-check all fields: a change here can fix or break another field
        // (e.g. a validation split of 0 with early stopping on).
        binder.writeBeanAsDraft(draft);
        refresh();
    }

    private void configureFields() {
        dataset.setItems(DatasetKind.values());
        dataset.setItemLabelGenerator(DatasetKind::displayName);
        architecture.setItems(Architecture.values());
        architecture.setItemLabelGenerator(Architecture::displayName);
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(OptimizerKind::displayName);
        scheduleType.setItems(LrSchedule.Type.values());
        scheduleType.setItemLabelGenerator(t -> switch (t) {
            case NONE -> "Constant";
            case STEP -> "Step decay";
            case PLATEAU -> "Reduce on plateau";
            case ONE_CYCLE -> "One-cycle";
            case COSINE -> "Cosine with warm-up";
        });

        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        hiddenLayers.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    }

    private void bindFields() {
        bind(name, RunSetting.NAME, false);
        bind(dataset, RunSetting.DATASET, true);
        bind(architecture, RunSetting.ARCHITECTURE, true);
        bind(hiddenLayers, RunSetting.HIDDEN_LAYERS, new HiddenLayersConverter(), false);
        bind(optimizer, RunSetting.OPTIMIZER, true);
        bindNumber(learningRate, RunSetting.LEARNING_RATE);
        bindNumber(momentum, RunSetting.MOMENTUM);
        bindNumber(batchSize, RunSetting.BATCH_SIZE);
        bindNumber(epochs, RunSetting.EPOCHS);
        bindNumber(seed, RunSetting.SEED);
        bindNumber(l1, RunSetting.L1);
        bindNumber(l2, RunSetting.L2);
        bindNumber(convDropout, RunSetting.CONV_DROPOUT);
        bindNumber(denseDropout, RunSetting.DENSE_DROPOUT);
        bind(batchNorm, RunSetting.BATCH_NORM, true);
        bindNumber(labelSmoothing, RunSetting.LABEL_SMOOTHING);
        bindNumber(rotation, RunSetting.AUGMENTATION_ROTATION);
        bindNumber(shift, RunSetting.AUGMENTATION_SHIFT);
        bindNumber(zoom, RunSetting.AUGMENTATION_ZOOM);
        bindNumber(validationFraction, RunSetting.VALIDATION_FRACTION);
        bindNumber(earlyStoppingPatience, RunSetting.EARLY_STOPPING_PATIENCE);
        bind(restoreBestWeights, RunSetting.RESTORE_BEST_WEIGHTS, true);
        bind(scheduleType, RunSetting.LR_SCHEDULE_TYPE, true);
        bindNumber(scheduleFactor, RunSetting.LR_SCHEDULE_FACTOR);
        bindNumber(scheduleStepEpochs, RunSetting.LR_SCHEDULE_STEP_EPOCHS);
        bindNumber(schedulePatience, RunSetting.LR_SCHEDULE_PATIENCE);
        bindNumber(scheduleWarmupEpochs, RunSetting.LR_SCHEDULE_WARMUP);
        bindNumber(scheduleMaxLearningRate, RunSetting.LR_SCHEDULE_MAX_RATE);
        bindNumber(trainSubset, RunSetting.TRAIN_SUBSET);
        binder.addValueChangeListener(e -> onFieldChanged());
    }

    /** A number setting in a text field, read whole by the converter of the setting's type. */
    private void bindNumber(TextField field, RunSetting setting) {
        bind(field, setting, NumberConverter.of(setting.type()), true);
    }

    private <F extends Component & HasValue<?, V>, V> void bind(F field, RunSetting setting, boolean required) {
        bind(field, setting, Converter.identity(), required);
    }

    /** Binds a field to a setting: its id, label, value in the draft and the engine's check of that setting. */
    private <F extends Component & HasValue<?, P>, P, V> void bind(F field, RunSetting setting,
            Converter<P, V> converter, boolean required) {
        field.setId("field-" + setting.key().replace('.', '-'));
        if (field instanceof HasLabel labelled) {
            labelled.setLabel(setting.formLabel());
        }
        if (field instanceof HasHelper helped && !setting.hint().isEmpty()) {
            helped.setHelperText(setting.hint());
        }
        fields.put(setting, field);
        binder.forField(field)
                .withConverter(converter)
                .withValidator(engineCheck(setting, required))
                .bind(d -> valueOf(d, setting), (d, value) -> d.set(setting, value));
    }

    /** The draft's value, of the setting's type: the field bound to it converts to that type. */
    @SuppressWarnings("unchecked")
    private static <V> V valueOf(RunConfigDraft draft, RunSetting setting) {
        return (V) draft.get(setting);
    }

    /** Checks a candidate value with the engine's validation, keeping the other fields as they are. */
    private <V> Validator<V> engineCheck(RunSetting setting, boolean required) {
        return (value, context) -> {
            if (required && value == null) {
                return ValidationResult.error(ENTER_A_VALUE);
            }
            if (draft == null) {
                return ValidationResult.ok();
            }
            RunConfigDraft probe = draft.copy();
            probe.set(setting, value);
            Optional<ConfigProblem> problem = probe.toConfig().validate().stream()
                    .filter(p -> p.setting() == setting).findFirst();
            return problem.map(p -> ValidationResult.error(p.message())).orElse(ValidationResult.ok());
        };
    }

    private static void section(FormLayout form, String title) {
        H4 heading = new H4(title);
        heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        form.add(heading, 2);
    }

    /** The form's configuration changed; {@code valid} says whether it could be started as it is. */
    public static class ConfigChangedEvent extends ValueEvent<RunConfigForm, RunConfig> {
        private final boolean valid;

        ConfigChangedEvent(RunConfigForm source, RunConfig config, boolean valid) {
            super(source, config);
            this.valid = valid;
        }

        public boolean isValid() {
            return valid;
        }
    }

    /** The user asked to start a valid configuration. */
    public static class StartEvent extends ValueEvent<RunConfigForm, RunConfig> {
        StartEvent(RunConfigForm source, RunConfig config) {
            super(source, config);
        }
    }
}
