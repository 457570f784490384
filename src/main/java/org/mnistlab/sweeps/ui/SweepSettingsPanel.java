package org.mnistlab.sweeps.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mnistlab.sweeps.AshaPolicy;
import org.mnistlab.sweeps.SweepProblem;
import org.mnistlab.sweeps.SweepSpec;
import org.mnistlab.sweeps.SweepStrategy;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/**
 * What a sweep varies: beside each sweepable setting a field that turns it into a list ({@code 0, 0.2, 0.5})
 * or a range ({@code 1e-4..1e-2:log}, {@code :N} points in a grid); empty keeps the configuration's value.
 * Then the strategy and early stopping of weak trials. Reads into a {@link SweepSpec}; calls no service.
 */
class SweepSettingsPanel extends Composite<VerticalLayout> {

    /** The spec read from the fields, or the fields' own parse problems. */
    record Read(SweepSpec spec, List<SweepProblem> problems) {
    }

    private final Map<RunSetting, TextField> values = new LinkedHashMap<>();
    final Select<SweepStrategy> strategy = new Select<>();
    final IntegerField trials = new IntegerField("Trials (random search)");
    final IntegerField seed = new IntegerField("Search seed");
    final Checkbox asha = new Checkbox("Stop weak trials early (ASHA)");
    final TextField rungs = new TextField("Compare after epochs");
    final NumberField fraction = new NumberField("Share stopped at each");
    final TextField name = new TextField("Sweep name");

    SweepSettingsPanel() {
        VerticalLayout root = getContent();
        root.setPadding(false);
        FormLayout swept = new FormLayout();
        swept.setId("swept-settings");
        for (RunSetting s : SweptSetting.sweepable()) {
            TextField field = new TextField(s.formLabel());
            field.setId(fieldId(s.key()));
            field.setPlaceholder(s.type() == Integer.class ? "e.g. 32, 64, 128 or 16..256:log" : "e.g. 0, 0.2, 0.5 or 1e-4..1e-2:log");
            field.setClearButtonVisible(true);
            field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            values.put(s, field);
            swept.add(field);
        }
        name.setId("sweep-name");
        name.setPlaceholder("Made from the swept settings");
        strategy.setId("sweep-strategy");
        strategy.setLabel("Strategy");
        strategy.setItems(SweepStrategy.values());
        strategy.setItemLabelGenerator(s -> s == SweepStrategy.GRID ? "Grid (every combination)" : "Random search");
        strategy.setValue(SweepStrategy.GRID);
        trials.setId("sweep-trials");
        trials.setValue(12);
        trials.setMin(1);
        trials.setMax(SweepSpec.MAX_TRIALS);
        seed.setId("sweep-seed");
        seed.setValue(1);
        asha.setId("sweep-asha");
        rungs.setId("sweep-asha-rungs");
        rungs.setPlaceholder("e.g. 1, 2 (default: a quarter and half of the epochs)");
        fraction.setId("sweep-asha-fraction");
        fraction.setValue(0.5);
        FormLayout how = new FormLayout(name, strategy, trials, seed, asha, rungs, fraction);
        how.setId("sweep-strategy-form");
        root.add(new H3("Swept settings"),
                new Paragraph("Give 1 to 4 settings a list (0, 0.2, 0.5) or a range (low..high, :log for a log "
                        + "scale, :N points in a grid). The others keep the configuration's values."),
                swept, new H3("Search"), how);
    }

    static String fieldId(String key) {
        return "sweep-" + key.replace('.', '-');
    }

    /** Every field whose change can change the sweep. */
    List<com.vaadin.flow.component.HasValue<?, ?>> inputs() {
        List<com.vaadin.flow.component.HasValue<?, ?>> all = new ArrayList<>(values.values());
        all.addAll(List.of(strategy, trials, seed, asha, rungs, fraction, name));
        return all;
    }

    Read read(RunConfig base) {
        List<SweepProblem> problems = new ArrayList<>();
        List<SweptSetting> swept = new ArrayList<>();
        values.forEach((setting, field) -> {
            if (!field.getValue().isBlank()) {
                try {
                    swept.add(SweptSetting.parse(setting, field.getValue()));
                } catch (IllegalArgumentException e) {
                    problems.add(new SweepProblem(setting.key(), e.getMessage()));
                }
            }
        });
        AshaPolicy policy = null;
        if (asha.getValue()) {
            AshaPolicy defaults = AshaPolicy.defaults(base.epochs());
            List<Integer> epochs = defaults.rungs();
            if (!rungs.getValue().isBlank()) {
                try {
                    epochs = java.util.Arrays.stream(rungs.getValue().split(",")).map(String::strip)
                            .filter(t -> !t.isEmpty()).map(Integer::valueOf).toList();
                } catch (NumberFormatException e) {
                    problems.add(new SweepProblem(SweepProblem.ASHA, "Rung epochs are whole numbers, e.g. 1, 2"));
                }
            }
            policy = new AshaPolicy(epochs, fraction.getValue() == null ? Double.NaN : fraction.getValue());
        }
        SweepSpec spec = new SweepSpec(name.getValue(), base, swept, strategy.getValue(),
                trials.getValue() == null ? 0 : trials.getValue(), seed.getValue() == null ? 0 : seed.getValue(), policy);
        return new Read(spec, problems);
    }

    /** Puts each problem on its field; returns the ones that are not about a field of this panel. */
    List<SweepProblem> showProblems(List<SweepProblem> problems) {
        values.values().forEach(f -> f.setInvalid(false));
        trials.setInvalid(false);
        rungs.setInvalid(false);
        name.setInvalid(false);
        List<SweepProblem> elsewhere = new ArrayList<>();
        for (SweepProblem p : problems) {
            TextField field = values.entrySet().stream().filter(e -> e.getKey().key().equals(p.field()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (field != null && !field.getValue().isBlank()) {
                field.setErrorMessage(p.message());
                field.setInvalid(true);
            } else if (p.field().equals(SweepProblem.TRIALS)) {
                trials.setErrorMessage(p.message());
                trials.setInvalid(true);
            } else if (p.field().equals(SweepProblem.ASHA)) {
                rungs.setErrorMessage(p.message());
                rungs.setInvalid(true);
            } else if (p.field().equals(RunSetting.NAME.key())) {
                name.setErrorMessage(p.message());
                name.setInvalid(true);
            } else {
                elsewhere.add(p);
            }
        }
        return elsewhere;
    }

    /** Sets a swept setting's text, as a person would type it. */
    void setValues(RunSetting setting, String text) {
        values.get(setting).setValue(text);
    }
}
