package org.mnistlab.runs.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.Split;
import org.mnistlab.training.Augmenter;
import org.mnistlab.training.InvalidConfigException;
import org.mnistlab.training.ModelCatalog;
import org.mnistlab.training.PresetStore;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.MemoryEstimate;
import org.mnistlab.training.RunAccessDeniedException;
import org.mnistlab.training.RunLimitException;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.RunQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment configurator: the run form on the left; on the right, live as the settings change, the
 * network's layer table and an augmentation preview on real training images. {@code ?from=<runId>} starts
 * from a stored run's settings ("clone into configurator").
 */
@RolesAllowed(Roles.TRAINER)
@Route("train")
@PageTitle("Train · MNIST Lab")
@Menu(order = 1, title = "Train", icon = "lab:play-circle-o")
public class TrainView extends VerticalLayout implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(TrainView.class);
    private static final String FROM = "from";

    private final RunQueue queue;
    private final RunStore store;
    private final ModelCatalog catalog;
    private final RunConfigForm form = new RunConfigForm();
    private final ModelSummaryPanel summary = new ModelSummaryPanel();
    /** What the run would need in memory against what one run may use; red when the queue would refuse it. */
    private final Span memory = new Span();
    private final LrCurvePanel lrCurve = new LrCurvePanel();
    private final AugmentationPreview preview;
    private final Span origin = new Span();
    private List<Object> summarizedModel;

    public TrainView(RunQueue queue, RunStore store, ModelCatalog catalog, DatasetService datasets,
                     Augmenter augmenter, PresetStore presets) {
        this.queue = queue;
        this.store = store;
        this.catalog = catalog;
        this.preview = new AugmentationPreview(kind -> datasets.samples(kind, Split.TRAIN), augmenter);
        setSizeFull();

        origin.setId("cloned-from");
        origin.addClassNames(LumoUtility.TextColor.SECONDARY);
        origin.setVisible(false);

        form.setId("run-config-form");
        form.setSavedPresets(presets.list());
        form.getStyle().set("flex", "1 1 520px").set("min-width", "320px");
        memory.setId("memory-estimate");
        VerticalLayout side = new VerticalLayout(memory, summary, lrCurve, preview);
        side.setPadding(false);
        side.getStyle().set("flex", "1 1 380px").set("min-width", "320px");
        FlexLayout columns = new FlexLayout(form, side);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        add(new H2("Configure a training run"), origin, columns);

        form.addConfigChangedListener(e -> showModel(e.value()));
        form.addStartListener(e -> start(e.value()));
        showModel(form.getConfig());
    }

    /** Opens the configurator with a stored run's settings ({@code train?from=<runId>}). */
    public static QueryParameters copying(long runId) {
        return QueryParameters.of(FROM, String.valueOf(runId));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        queue.warmUpSoon(); // while the person fills in the form, the server compiles its training code
        Optional<String> from = event.getLocation().getQueryParameters().getSingleParameter(FROM);
        if (from.isEmpty()) {
            return;
        }
        Optional<RunRecord> source = parseId(from.get()).flatMap(store::findById);
        if (source.isEmpty()) {
            Notifications.error("Run " + from.get() + " was not found; showing the default settings.");
            return;
        }
        RunRecord run = source.get();
        // the new run gets a fresh readable name from its (possibly changed) settings
        form.setConfig(run.config().toBuilder().name("").build());
        origin.setText("Settings copied from run #" + run.id() + " “" + run.name() + "”. Change what you like and start.");
        origin.setVisible(true);
    }

    private void showModel(RunConfig config) {
        preview.show(config.dataset(), config.augmentation());
        showMemory(config);
        lrCurve.show(config);
        List<Object> model = modelKey(config);
        if (model.equals(summarizedModel)) {
            return;
        }
        boolean modelFieldsValid = config.validate().stream().noneMatch(p -> p.setting().shapesModel());
        if (!modelFieldsValid) {
            summarizedModel = null;
            summary.showMessage("Fix the model settings to see its layers.");
            return;
        }
        try {
            summary.show(catalog.summarize(config));
            summarizedModel = model;
        } catch (RuntimeException e) {
            log.warn("Cannot summarize {}: {}", config.architecture(), e.toString());
            summarizedModel = null;
            summary.showMessage("The layer table is not available: " + e.getMessage());
        }
    }

    private void showMemory(RunConfig config) {
        if (!config.validate().isEmpty()) {
            memory.setVisible(false);
            return;
        }
        try {
            MemoryEstimate estimate = queue.estimateMemory(config);
            memory.setText(estimate.fits() ? estimate.describe() : estimate.refusal());
            memory.getStyle().set("color", estimate.fits() ? null : "var(--lumo-error-text-color)");
            memory.setVisible(true);
        } catch (RuntimeException e) {
            log.warn("Cannot estimate the memory of {}: {}", config.architecture(), e.toString());
            memory.setVisible(false);
        }
    }

    /** Only the settings that shape the model change the layer table; the rest need no new summary. */
    private static List<Object> modelKey(RunConfig c) {
        return Arrays.stream(RunSetting.values()).filter(RunSetting::shapesModel).map(s -> s.value(c)).toList();
    }

    private void start(RunConfig config) {
        RunConfig named = config.name().isEmpty() ? config.toBuilder().name(config.settingsName()).build() : config;
        try {
            RunRecord run = queue.submit(named, queue.currentUser().orElse(null));
            UI.getCurrent().navigate(LiveRunView.class, LiveRunView.params(run.id()));
        } catch (InvalidConfigException e) {
            form.showProblems(e.problems());
            Notifications.error("The run was not started: " + e.getMessage());
        } catch (RunLimitException | RunAccessDeniedException e) {
            Notifications.error("The run was not started: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Submitting a run failed", e);
            Notifications.error("The run could not be started: " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
