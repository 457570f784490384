package org.mnistlab.playground.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.insight.ModelInsight;
import org.mnistlab.insight.ui.SampleInsightPanel;
import org.mnistlab.playground.DigitPreprocessor;
import org.mnistlab.playground.EmptyDrawingException;
import org.mnistlab.playground.EnsembleMode;
import org.mnistlab.playground.GrayImage;
import org.mnistlab.playground.ModelChoice;
import org.mnistlab.playground.ModelUnavailableException;
import org.mnistlab.playground.MyDigitsService;
import org.mnistlab.playground.Predictor;
import org.mnistlab.playground.PreprocessingSteps;

/**
 * Draw a digit and see what trained models make of it: the preprocessing steps (what the model sees), the
 * ten class probabilities (live while drawing and on pen-up), several models side by side with their
 * ensemble, and "My digits", a labelled test set of your own handwriting.
 */
@RolesAllowed(Roles.VIEWER)
@Route("draw")
@PageTitle("Draw · MNIST Lab")
@Menu(order = 50, title = "Draw", icon = "lab:pencil")
public class DrawView extends VerticalLayout implements BeforeEnterObserver {

    /** {@code ?compare=3,4,5&mode=majority}: those models side by side with their ensemble (an ensemble's page links here). */
    static final String COMPARE = "compare";
    static final String MODE = "mode";

    private static final String DRAW_A_DIGIT = "Draw a digit on the pad";

    private final DigitPreprocessor preprocessor;
    private final Predictor predictor;
    private final MyDigitsService myDigits;

    private final DrawingPad pad = new DrawingPad();
    private final StepFigure rawStep = new StepFigure("step-raw", "Drawn", 96, false);
    private final StepFigure croppedStep = new StepFigure("step-cropped", "Cropped", 96, false);
    private final StepFigure fittedStep = new StepFigure("step-fitted", "Fit 20×20", 96, true);
    private final StepFigure centeredStep = new StepFigure("step-centered", "Centered 28×28", 96, true);
    private final Div steps = new Div(rawStep, croppedStep, fittedStep, centeredStep);
    private final Span stepsEmpty = new Span(DRAW_A_DIGIT);
    private final Select<ModelChoice> modelPicker = new Select<>();
    private final Checkbox compareToggle = new Checkbox("Compare models");
    private final MultiSelectComboBox<ModelChoice> comparePicker = new MultiSelectComboBox<>("Models to compare");
    private final RadioButtonGroup<EnsembleMode> ensembleChoice = new RadioButtonGroup<>("Ensemble");
    private final Div noModel = new Div();
    private final ProbabilityPanel probabilities = new ProbabilityPanel();
    private final MyDigitsPanel myDigitsPanel = new MyDigitsPanel();
    private final ModelInsight insight;
    private final SampleInsightPanel insightPanel = new SampleInsightPanel();

    /** The current drawing after preprocessing; null while the pad is empty. */
    private PreprocessingSteps current;

    public DrawView(DigitPreprocessor preprocessor, Predictor predictor, MyDigitsService myDigits,
                    ModelInsight insight) {
        this.insight = insight;
        this.preprocessor = preprocessor;
        this.predictor = predictor;
        this.myDigits = myDigits;
        setSizeFull();

        pad.setId("drawing-pad");
        pad.addPadChangedListener(e -> onDrawing(e.image()));
        pad.addStrokeEndListener(e -> {
            onDrawing(e.image());
            explain();
        });
        pad.addClearedListener(e -> {
            onDrawing(null);
            explain();
        });
        Span keys = new Span("Esc clears · Ctrl+Z undoes");
        keys.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        VerticalLayout padColumn = column("Draw", pad, keys);

        steps.setId("preprocessing-steps");
        steps.addClassNames(LumoUtility.Display.GRID, LumoUtility.Grid.Column.COLUMNS_2, LumoUtility.Gap.MEDIUM);
        stepsEmpty.setId("steps-empty");
        stepsEmpty.addClassName(LumoUtility.TextColor.SECONDARY);
        VerticalLayout stepsColumn = column("What the model sees", stepsEmpty, steps);

        modelPicker.setId("model-picker");
        modelPicker.setLabel("Model");
        modelPicker.setWidth("24em");
        modelPicker.setItemLabelGenerator(ModelChoice::label);
        modelPicker.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                warmUp(e.getValue());
            }
            predict();
            explain();
        });
        compareToggle.setId("compare-toggle");
        compareToggle.addValueChangeListener(e -> {
            comparePicker.setVisible(e.getValue());
            ensembleChoice.setVisible(e.getValue());
            modelPicker.setVisible(!e.getValue());
            predict();
            explain();
        });
        comparePicker.setId("compare-picker");
        comparePicker.setWidth("24em");
        comparePicker.setItemLabelGenerator(ModelChoice::label);
        comparePicker.setVisible(false);
        comparePicker.addValueChangeListener(e -> predict());
        ensembleChoice.setId("ensemble-mode");
        ensembleChoice.setItems(EnsembleMode.values());
        ensembleChoice.setItemLabelGenerator(EnsembleMode::label);
        ensembleChoice.setValue(EnsembleMode.AVERAGE);
        ensembleChoice.setVisible(false);
        ensembleChoice.addValueChangeListener(e -> predict());
        Span mnistOnly = new Span("Only MNIST runs are offered: a Fashion-MNIST model knows ten kinds of clothing,"
                + " not digits, so a drawn digit would only get a garment's name.");
        mnistOnly.setId("mnist-only-note");
        mnistOnly.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        mnistOnly.setMaxWidth("24em");
        noModel.setId("no-model");
        noModel.add(new Span("No trained model yet. "), trainLink(),
                new Span(" and come back to see what it makes of your digits."));
        VerticalLayout predictionColumn = column("Prediction", noModel, modelPicker, compareToggle, comparePicker,
                ensembleChoice, mnistOnly, probabilities);

        HorizontalLayout top = new HorizontalLayout(padColumn, stepsColumn, predictionColumn);
        top.setWrap(true);
        top.setWidthFull();
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);

        myDigitsPanel.addSaveListener(e -> save(e.value()));
        myDigitsPanel.addDeleteListener(e -> {
            myDigits.delete(e.value());
            refreshGallery();
        });
        myDigitsPanel.addEvaluateListener(e -> evaluate());
        H3 insideTitle = new H3("Inside the model");
        insideTitle.setId("inside-the-model");
        add(top, insideTitle, insightPanel, myDigitsPanel);

        loadModels();
        refreshGallery();
        onDrawing(null);
        explain();
    }

    /**
     * Why the chosen model said what it said (saliency) and what each layer made of the drawing; after a
     * stroke, not while drawing, as occlusion sends ~600 images through the model.
     */
    private void explain() {
        ModelChoice model = modelPicker.getValue();
        if (current == null || compareToggle.getValue() || model == null || !model.available()) {
            insightPanel.showNothing(compareToggle.getValue() ? "Choose one model (not Compare) to look inside it."
                    : "Draw a digit to see why the model says what it says and what each layer makes of it.");
            return;
        }
        try {
            insight.explain(model.runId(), current.networkInput(), -1).ifPresentOrElse(
                    i -> insightPanel.show(i, DatasetKind.MNIST),
                    () -> insightPanel.showNothing("This run has no model file."));
        } catch (RuntimeException e) {
            insightPanel.showNothing("This model cannot be looked into: " + e.getMessage());
        }
    }

    /** The address parameters that open the pad comparing these runs, combined by {@code mode}. */
    public static QueryParameters compareParameters(List<Long> runIds, EnsembleMode mode) {
        return QueryParameters.simple(Map.of(COMPARE, String.join(",", runIds.stream().map(String::valueOf).toList()),
                MODE, mode.name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        List<String> compare = query.getOrDefault(COMPARE, List.of());
        if (compare.isEmpty()) {
            return;
        }
        List<String> ids = List.of(compare.get(0).split(","));
        List<ModelChoice> chosen = comparePicker.getListDataView().getItems()
                .filter(m -> ids.contains(String.valueOf(m.runId()))).toList();
        if (chosen.size() < 2) {
            return; // runs deleted since, or not MNIST: the pad keeps its usual choice
        }
        compareToggle.setValue(true);
        comparePicker.setValue(chosen);
        query.getOrDefault(MODE, List.of()).stream().findFirst()
                .flatMap(m -> Arrays.stream(EnsembleMode.values())
                        .filter(e -> e.name().equalsIgnoreCase(m)).findFirst())
                .ifPresent(ensembleChoice::setValue);
    }

    private static VerticalLayout column(String title, com.vaadin.flow.component.Component... content) {
        VerticalLayout column = new VerticalLayout(new H3(title));
        column.add(content);
        column.setWidth("auto");
        column.setPadding(false);
        return column;
    }

    private void loadModels() {
        List<ModelChoice> models = predictor.models();
        modelPicker.setItems(models);
        comparePicker.setItems(models);
        boolean any = !models.isEmpty();
        noModel.setVisible(!any);
        modelPicker.setVisible(any);
        compareToggle.setVisible(any && models.size() > 1);
        predictor.defaultModel().ifPresent(best -> {
            modelPicker.setValue(best);
            comparePicker.setValue(models.stream().filter(ModelChoice::available).limit(3).toList());
        });
        if (any && modelPicker.getValue() == null) {
            modelPicker.setValue(models.get(0));
        }
    }

    private void warmUp(ModelChoice choice) {
        if (choice == null || !choice.available()) {
            return;
        }
        try {
            predictor.warmUp(choice.runId());
        } catch (ModelUnavailableException e) {
            // predict() shows the message where the chart is
        }
    }

    private void onDrawing(GrayImage image) {
        current = null;
        if (image != null) {
            try {
                current = preprocessor.process(image);
            } catch (EmptyDrawingException e) {
                current = null;
            }
        }
        showSteps();
        predict();
    }

    private void showSteps() {
        steps.setVisible(current != null);
        stepsEmpty.setVisible(current == null);
        if (current == null) {
            return;
        }
        rawStep.show(current.raw(), current.raw().width() + "×" + current.raw().height());
        croppedStep.show(current.cropped(), current.cropped().width() + "×" + current.cropped().height());
        fittedStep.show(current.fitted(), "area-averaged");
        centeredStep.show(current.centered(), String.format(Locale.ROOT, "mass center (%.1f, %.1f)",
                current.centerX(), current.centerY()));
    }

    private void predict() {
        if (current == null) {
            probabilities.showNothing(DRAW_A_DIGIT);
            return;
        }
        if (compareToggle.getValue()) {
            List<Long> ids = comparePicker.getSelectedItems().stream().map(ModelChoice::runId).sorted().toList();
            if (ids.isEmpty()) {
                probabilities.showNothing("Choose models to compare");
            } else {
                probabilities.show(predictor.compare(ids, current.networkInput()), ensembleMode());
            }
            return;
        }
        ModelChoice model = modelPicker.getValue();
        if (model == null) {
            probabilities.showNothing("No trained model yet: train one to see predictions");
            return;
        }
        try {
            probabilities.show(predictor.predict(model.runId(), current.networkInput()));
        } catch (ModelUnavailableException e) {
            probabilities.showNothing(e.getMessage());
        }
    }

    private void save(int label) {
        if (current == null) {
            Notifications.error(EmptyDrawingException.MESSAGE);
            return;
        }
        try {
            myDigits.save(label, current.centered());
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
            return;
        }
        Notifications.success("Saved as a " + label);
        refreshGallery();
        pad.clear(); // ready for the next one; the pad reports the clearing back
    }

    private void evaluate() {
        myDigitsPanel.clearResults();
        List<ModelChoice> models = new ArrayList<>();
        if (compareToggle.getValue()) {
            models.addAll(comparePicker.getSelectedItems());
        } else if (modelPicker.getValue() != null) {
            models.add(modelPicker.getValue());
        }
        if (models.isEmpty()) {
            myDigitsPanel.showProblem("Choose a model first");
            return;
        }
        for (ModelChoice model : models) {
            try {
                myDigitsPanel.showEvaluation(myDigits.evaluate(model.runId()));
            } catch (ModelUnavailableException e) {
                myDigitsPanel.showProblem(e.getMessage());
            }
        }
        if (models.size() > 1) {
            try {
                myDigitsPanel.showEvaluation(myDigits.evaluateEnsemble(
                        models.stream().map(ModelChoice::runId).sorted().toList(), ensembleMode()));
            } catch (ModelUnavailableException e) {
                myDigitsPanel.showProblem(e.getMessage());
            }
        }
    }

    private EnsembleMode ensembleMode() {
        return ensembleChoice.getValue() == null ? EnsembleMode.AVERAGE : ensembleChoice.getValue();
    }

    private void refreshGallery() {
        myDigitsPanel.showDigits(myDigits.newest(MyDigitsPanel.GALLERY_LIMIT), myDigits.count());
    }

    /** The playground may not depend on the run screens, so it links to the configurator by its address. */
    private static Anchor trainLink() {
        return new Anchor("train", "Train one in the configurator");
    }
}
