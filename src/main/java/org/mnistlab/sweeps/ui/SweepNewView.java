package org.mnistlab.sweeps.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.runs.ui.RunConfigForm;
import org.mnistlab.sweeps.InvalidSweepException;
import org.mnistlab.sweeps.Sweep;
import org.mnistlab.sweeps.SweepProblem;
import org.mnistlab.sweeps.SweepService;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.PresetStore;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/** {@code /sweeps/new}: the configurator's form for the base run, the swept settings, the budget; starts a sweep. */
@RolesAllowed(Roles.TRAINER)
@Route("sweeps/new")
@PageTitle("New sweep · MNIST Lab")
public class SweepNewView extends VerticalLayout {

    private final SweepService service;
    private final RunConfigForm form = new RunConfigForm();
    private final SweepSettingsPanel sweep = new SweepSettingsPanel();
    private final Paragraph budget = new Paragraph();
    private final Paragraph problems = new Paragraph();

    public SweepNewView(SweepService service, PresetStore presets) {
        this.service = service;
        setSizeFull();
        form.setId("sweep-base-form");
        form.setSavedPresets(presets.list());
        form.setStartText("Start sweep");
        form.getStyle().set("flex", "1 1 520px").set("min-width", "320px");
        sweep.getStyle().set("flex", "1 1 420px").set("min-width", "320px");
        FlexLayout columns = new FlexLayout(form, sweep);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        budget.setId("sweep-budget");
        problems.setId("sweep-problems");
        problems.addClassName(LumoUtility.TextColor.ERROR);
        add(new H2("New sweep"), budget, problems, columns);

        form.addConfigChangedListener(e -> showBudget());
        form.addStartListener(e -> start());
        sweep.inputs().forEach(input -> input.addValueChangeListener(e -> showBudget()));
        showBudget();
    }

    private RunConfig base() {
        return form.getConfig().toBuilder().name("").build();
    }

    private void showBudget() {
        SweepSettingsPanel.Read read = sweep.read(base());
        if (!read.problems().isEmpty() || read.spec().swept().isEmpty()) {
            budget.setText(read.spec().swept().isEmpty() ? "Give at least one setting a list or a range."
                    : "Fix the swept values to see the budget.");
            return;
        }
        budget.setText("Budget: " + service.budget(read.spec()).describe());
    }

    void start() {
        SweepSettingsPanel.Read read = sweep.read(base());
        List<SweepProblem> found = new ArrayList<>(read.problems());
        if (found.isEmpty()) {
            found.addAll(read.spec().validate());
        }
        if (!found.isEmpty()) {
            show(found);
            return;
        }
        try {
            Sweep started = service.start(read.spec());
            UI.getCurrent().navigate(SweepView.class, SweepView.params(started.id()));
        } catch (InvalidSweepException e) {
            show(e.problems());
        }
    }

    private void show(List<SweepProblem> found) {
        List<SweepProblem> elsewhere = sweep.showProblems(found);
        List<ConfigProblem> onForm = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (SweepProblem p : elsewhere) {
            RunSetting setting = java.util.Arrays.stream(RunSetting.values()).filter(s -> s.key().equals(p.field()))
                    .findFirst().orElse(null);
            if (setting != null) {
                onForm.add(new ConfigProblem(setting, p.message()));
            } else {
                unplaced.add(p.message());
            }
        }
        form.showProblems(onForm);
        problems.setText(unplaced.isEmpty() ? "" : String.join(" · ", unplaced));
        Notifications.error("The sweep was not started: " + found.stream().map(SweepProblem::message)
                .collect(Collectors.joining("; ")));
    }
}
