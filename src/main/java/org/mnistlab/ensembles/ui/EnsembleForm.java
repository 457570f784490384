package org.mnistlab.ensembles.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mnistlab.base.ui.ValueEvent;
import org.mnistlab.ensembles.EnsembleService;
import org.mnistlab.playground.ModelChoice;
import org.mnistlab.training.RunRecord;

/** Picks the runs of a new ensemble and raises {@link EvaluateEvent}; the view evaluates. */
class EnsembleForm extends HorizontalLayout {

    final MultiSelectComboBox<RunRecord> runs = new MultiSelectComboBox<>("Runs (2 to " + EnsembleService.MAX_MEMBERS
            + " finished runs on one dataset)");
    final Button evaluate = new Button("Evaluate ensemble");
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();

    EnsembleForm(List<RunRecord> candidates, boolean mayEvaluate) {
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        runs.setId("ensemble-runs");
        runs.setWidth("36em");
        runs.setItems(candidates.stream().sorted(Comparator.comparingLong(RunRecord::id).reversed()).toList());
        runs.setItemLabelGenerator(r -> new ModelChoice(r, null).label() + " · " + r.dataset().displayName());
        runs.addValueChangeListener(e -> evaluate.setEnabled(mayEvaluate && e.getValue().size() >= 2));
        evaluate.setId("evaluate-ensemble");
        evaluate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        evaluate.setEnabled(false);
        evaluate.addClickListener(e -> fireEvent(new EvaluateEvent(this, runs.getValue().stream()
                .map(RunRecord::id).sorted().toList())));
        if (!mayEvaluate) {
            evaluate.setTooltipText("Evaluating an ensemble needs the trainer role");
        }
        progress.setId("ensemble-progress");
        progress.setWidth("12em");
        progress.setVisible(false);
        status.setId("ensemble-status");
        add(runs, evaluate, progress, status);
    }

    /** Chooses the runs with these ids among the candidates (an address like /ensembles?runs=3,4,5). */
    void choose(Set<Long> ids) {
        runs.getListDataView().getItems().filter(r -> ids.contains(r.id())).forEach(runs::select);
    }

    /** Shows that {@code done} of {@code members} have classified the test set; null hides the bar. */
    void showProgress(Integer done, int members) {
        progress.setVisible(done != null);
        evaluate.setEnabled(done == null && runs.getValue().size() >= 2);
        if (done != null) {
            progress.setValue((double) done / members);
            status.setText(done + " of " + members + " models have classified the 10,000 test images");
        } else {
            status.setText("");
        }
    }

    Registration addEvaluateListener(ComponentEventListener<EvaluateEvent> listener) {
        return addListener(EvaluateEvent.class, listener);
    }

    static final class EvaluateEvent extends ValueEvent<EnsembleForm, List<Long>> {
        EvaluateEvent(EnsembleForm source, List<Long> runIds) {
            super(source, runIds);
        }
    }
}
