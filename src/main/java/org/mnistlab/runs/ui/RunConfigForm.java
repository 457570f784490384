package org.mnistlab.runs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunPreset;

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
    /** Engine field name → the field that shows its problems. */
    private final Map<String, HasValidation> fieldsByProblem = new LinkedHashMap<>();

    final TextField name = new TextField("Run name");
    final Select<DatasetKind> dataset = new Select<>();
    final Select<Architecture> architecture = new Select<>();
    final TextField hiddenLayers = new TextField("Hidden layers");
    final Select<OptimizerKind> optimizer = new Select<>();
    final NumberField learningRate = new NumberField("Learning rate");
    final NumberField momentum = new NumberField("Momentum");
    final IntegerField batchSize = new IntegerField("Batch size");
    final IntegerField epochs = new IntegerField("Epochs");
    final IntegerField seed = new IntegerField("Random seed");
    final NumberField l1 = new NumberField("L1");
    final NumberField l2 = new NumberField("L2 (weight decay)");
    final NumberField convDropout = new NumberField("Dropout after conv blocks");
    final NumberField denseDropout = new NumberField("Dropout after dense layers");
    final Checkbox batchNorm = new Checkbox("Batch normalization");
    final NumberField rotation = new NumberField("Rotation ± degrees");
    final NumberField shift = new NumberField("Shift ± pixels");
    final NumberField zoom = new NumberField("Zoom ± fraction");
    final NumberField validationFraction = new NumberField("Validation split");
    final IntegerField earlyStoppingPatience = new IntegerField("Early stopping patience");
    final Checkbox restoreBestWeights = new Checkbox("Keep the best epoch's weights");
    final Select<LrSchedule.Type> scheduleType = new Select<>();
    final NumberField scheduleFactor = new NumberField("Decay factor");
    final IntegerField scheduleStepEpochs = new IntegerField("Every N epochs");
    final IntegerField schedulePatience = new IntegerField("Plateau patience");
    final IntegerField trainSubset = new IntegerField("Training images");
    final Button start = new Button("Start training", VaadinIcon.PLAY.create());
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

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("420px", 2));
        section(form, "Data and model");
        form.add(name, 2);
        form.add(dataset, architecture, hiddenLayers, trainSubset);
        section(form, "Optimization");
        form.add(optimizer, learningRate, momentum, batchSize, epochs, seed);
        section(form, "Regularization");
        form.add(l1, l2, convDropout, denseDropout, batchNorm);
        section(form, "Augmentation (training batches only)");
        form.add(rotation, shift, zoom);
        section(form, "Validation, early stopping and learning-rate schedule");
        form.add(validationFraction, earlyStoppingPatience, restoreBestWeights, scheduleType, scheduleFactor,
                scheduleStepEpochs, schedulePatience);

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
            HasValidation field = fieldsByProblem.get(p.field());
            if (field != null && ((Component) field).isVisible()) {
                field.setErrorMessage(p.message());
                field.setInvalid(true);
            } else {
                unplaced.append(unplaced.isEmpty() ? "" : " · ").append(p.message());
            }
        }
        problems.setText(unplaced.toString());
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
        Architecture arch = draft.getArchitecture();
        hiddenLayers.setVisible(arch == Architecture.MLP);
        convDropout.setVisible(arch != null && arch.convolutional());
        momentum.setEnabled(draft.getOptimizer() != null && draft.getOptimizer().usesMomentum());
        LrSchedule.Type type = draft.getScheduleType();
        scheduleFactor.setVisible(type != null && type != LrSchedule.Type.NONE);
        scheduleStepEpochs.setVisible(type == LrSchedule.Type.STEP);
        schedulePatience.setVisible(type == LrSchedule.Type.PLATEAU);
        restoreBestWeights.setEnabled(draft.getEarlyStoppingPatience() != null && draft.getEarlyStoppingPatience() > 0);
        architecture.setHelperText(arch == null ? "" : arch.description());
        RunConfig config = draft.toConfig();
        name.setPlaceholder(config.dataset() != null && config.architecture() != null && config.optimizer() != null
                ? config.withName("").displayName() : "");

        boolean fieldsOk = binder.validate().isOk();
        List<ConfigProblem> found = config.validate();
        // problems whose field is hidden would otherwise be invisible
        problems.setText(found.stream()
                .filter(p -> !(fieldsByProblem.get(p.field()) instanceof Component c) || !c.isVisible())
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
        dataset.setLabel("Dataset");
        dataset.setItems(DatasetKind.values());
        dataset.setItemLabelGenerator(DatasetKind::displayName);
        architecture.setLabel("Model");
        architecture.setItems(Architecture.values());
        architecture.setItemLabelGenerator(Architecture::displayName);
        optimizer.setLabel("Optimizer");
        optimizer.setItems(OptimizerKind.values());
        optimizer.setItemLabelGenerator(OptimizerKind::displayName);
        scheduleType.setLabel("Learning-rate schedule");
        scheduleType.setItems(LrSchedule.Type.values());
        scheduleType.setItemLabelGenerator(t -> switch (t) {
            case NONE -> "Constant";
            case STEP -> "Step decay";
            case PLATEAU -> "Reduce on plateau";
        });

        name.setClearButtonVisible(true);
        name.setHelperText("Leave empty for a name made from the settings");
        hiddenLayers.setHelperText("Units per hidden layer, e.g. 256, 128");
        trainSubset.setHelperText("0 = all; a small number (e.g. 2000) trains in seconds");
        learningRate.setHelperText("Adam: about 0.001; SGD: about 0.01–0.1");
        momentum.setHelperText("SGD and Nesterov only");
        l2.setHelperText("Penalty on large weights, e.g. 0.0001");
        validationFraction.setHelperText("Share of the training images held out, e.g. 0.1");
        earlyStoppingPatience.setHelperText("Stop after this many epochs without a better validation loss; 0 = off");
        rotation.setHelperText("0–45; e.g. 10");
        shift.setHelperText("0–8; e.g. 2");
        zoom.setHelperText("0–0.5; e.g. 0.1");

        name.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        hiddenLayers.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    }

    private void bindFields() {
        bind(name, "name", RunConfigDraft::getName, RunConfigDraft::setName, false);
        bind(dataset, "dataset", RunConfigDraft::getDataset, RunConfigDraft::setDataset, true);
        bind(architecture, "architecture", RunConfigDraft::getArchitecture, RunConfigDraft::setArchitecture, true);
        hiddenLayers.setId("field-hiddenLayers");
        fieldsByProblem.put("hiddenLayers", hiddenLayers);
        binder.forField(hiddenLayers)
                .withConverter(new HiddenLayersConverter())
                .withValidator(engineCheck("hiddenLayers", RunConfigDraft::setHiddenLayers, false))
                .bind(RunConfigDraft::getHiddenLayers, RunConfigDraft::setHiddenLayers);
        bind(optimizer, "optimizer", RunConfigDraft::getOptimizer, RunConfigDraft::setOptimizer, true);
        bind(learningRate, "learningRate", RunConfigDraft::getLearningRate, RunConfigDraft::setLearningRate, true);
        bind(momentum, "momentum", RunConfigDraft::getMomentum, RunConfigDraft::setMomentum, true);
        bind(batchSize, "batchSize", RunConfigDraft::getBatchSize, RunConfigDraft::setBatchSize, true);
        bind(epochs, "epochs", RunConfigDraft::getEpochs, RunConfigDraft::setEpochs, true);
        bind(seed, "seed", RunConfigDraft::getSeed, RunConfigDraft::setSeed, true);
        bind(l1, "l1", RunConfigDraft::getL1, RunConfigDraft::setL1, true);
        bind(l2, "l2", RunConfigDraft::getL2, RunConfigDraft::setL2, true);
        bind(convDropout, "convDropout", RunConfigDraft::getConvDropout, RunConfigDraft::setConvDropout, true);
        bind(denseDropout, "denseDropout", RunConfigDraft::getDenseDropout, RunConfigDraft::setDenseDropout, true);
        bind(batchNorm, "batchNorm", RunConfigDraft::isBatchNorm, RunConfigDraft::setBatchNorm, true);
        bind(rotation, "augmentation.maxRotationDegrees", RunConfigDraft::getRotation, RunConfigDraft::setRotation, true);
        bind(shift, "augmentation.maxShiftPixels", RunConfigDraft::getShift, RunConfigDraft::setShift, true);
        bind(zoom, "augmentation.zoomRange", RunConfigDraft::getZoom, RunConfigDraft::setZoom, true);
        bind(validationFraction, "validationFraction", RunConfigDraft::getValidationFraction,
                RunConfigDraft::setValidationFraction, true);
        bind(earlyStoppingPatience, "earlyStoppingPatience", RunConfigDraft::getEarlyStoppingPatience,
                RunConfigDraft::setEarlyStoppingPatience, true);
        bind(restoreBestWeights, "restoreBestWeights", RunConfigDraft::isRestoreBestWeights,
                RunConfigDraft::setRestoreBestWeights, true);
        bind(scheduleType, "lrSchedule.type", RunConfigDraft::getScheduleType, RunConfigDraft::setScheduleType, true);
        bind(scheduleFactor, "lrSchedule.factor", RunConfigDraft::getScheduleFactor,
                RunConfigDraft::setScheduleFactor, true);
        bind(scheduleStepEpochs, "lrSchedule.stepEpochs", RunConfigDraft::getScheduleStepEpochs,
                RunConfigDraft::setScheduleStepEpochs, true);
        bind(schedulePatience, "lrSchedule.patience", RunConfigDraft::getSchedulePatience,
                RunConfigDraft::setSchedulePatience, true);
        bind(trainSubset, "trainSubset", RunConfigDraft::getTrainSubset, RunConfigDraft::setTrainSubset, true);
        binder.addValueChangeListener(e -> onFieldChanged());
    }

    private <F extends Component & HasValue<?, V>, V> void bind(F field, String problemField,
            ValueProvider<RunConfigDraft, V> getter, Setter<RunConfigDraft, V> setter, boolean required) {
        field.setId("field-" + problemField.replace('.', '-'));
        if (field instanceof HasValidation v) {
            fieldsByProblem.put(problemField, v);
        }
        binder.forField(field).withValidator(engineCheck(problemField, setter, required)).bind(getter, setter);
    }

    /** Checks a candidate value with the engine's validation, keeping the other fields as they are. */
    private <V> Validator<V> engineCheck(String problemField, Setter<RunConfigDraft, V> setter, boolean required) {
        return (value, context) -> {
            if (required && value == null) {
                return ValidationResult.error(ENTER_A_VALUE);
            }
            if (draft == null) {
                return ValidationResult.ok();
            }
            RunConfigDraft probe = draft.copy();
            setter.accept(probe, value);
            Optional<ConfigProblem> problem = probe.toConfig().validate().stream()
                    .filter(p -> p.field().equals(problemField)).findFirst();
            return problem.map(p -> ValidationResult.error(p.message())).orElse(ValidationResult.ok());
        };
    }

    private static void section(FormLayout form, String title) {
        H4 heading = new H4(title);
        heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.NONE);
        form.add(heading, 2);
    }

    /** The form's configuration changed; {@code valid} says whether it could be started as it is. */
    public static class ConfigChangedEvent extends ComponentEvent<RunConfigForm> {
        private final RunConfig config;
        private final boolean valid;

        ConfigChangedEvent(RunConfigForm source, RunConfig config, boolean valid) {
            super(source, false);
            this.config = config;
            this.valid = valid;
        }

        public RunConfig getConfig() {
            return config;
        }

        public boolean isValid() {
            return valid;
        }
    }

    /** The user asked to start a valid configuration. */
    public static class StartEvent extends ComponentEvent<RunConfigForm> {
        private final RunConfig config;

        StartEvent(RunConfigForm source, RunConfig config) {
            super(source, false);
            this.config = config;
        }

        public RunConfig getConfig() {
            return config;
        }
    }
}
