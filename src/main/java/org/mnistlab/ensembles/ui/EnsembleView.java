package org.mnistlab.ensembles.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.mnistlab.base.Roles;
import org.mnistlab.base.ui.Format;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.DatasetUnavailableException;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.ensembles.Ensemble;
import org.mnistlab.ensembles.EnsembleMember;
import org.mnistlab.ensembles.EnsembleResult;
import org.mnistlab.ensembles.EnsembleService;
import org.mnistlab.playground.EnsembleMode;
import org.mnistlab.playground.ui.DrawView;
import org.mnistlab.runs.ui.EvaluationPanel;
import org.mnistlab.runs.ui.RunDetailView;
import org.mnistlab.training.Evaluation;

/** One ensemble: its members, what each way of combining them scored and why, and the test-set evaluation. */
@RolesAllowed(Roles.VIEWER)
@Route("ensembles/:" + EnsembleView.ID)
public class EnsembleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "ensembleId";

    private final EnsembleService ensembles;
    private final DatasetService datasets;
    private String title = "Ensemble · MNIST Lab";

    public EnsembleView(EnsembleService ensembles, DatasetService datasets) {
        this.ensembles = ensembles;
        this.datasets = datasets;
        setWidthFull();
        setMaxWidth("1400px");
    }

    public static RouteParameters params(long ensembleId) {
        return new RouteParameters(ID, String.valueOf(ensembleId));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String raw = event.getRouteParameters().get(ID).orElse("");
        EnsembleResult result;
        try {
            result = ensembles.find(Long.parseLong(raw)).orElse(null);
        } catch (NumberFormatException e) {
            result = null;
        }
        if (result == null) {
            Paragraph missing = new Paragraph("There is no ensemble #" + raw + ".");
            missing.setId("ensemble-missing");
            add(new H2("Ensemble not found"), missing, new RouterLink("All ensembles", EnsemblesView.class));
            return;
        }
        show(result);
    }

    private void show(EnsembleResult result) {
        Ensemble ensemble = result.ensemble();
        title = "Ensemble #" + ensemble.id() + " · MNIST Lab";
        add(new H2("Ensemble #" + ensemble.id() + " · " + ensemble.dataset().displayName() + " · "
                + ensemble.members().size() + " runs"));
        add(verdict("average-verdict", "Averaging the probabilities", ensemble, result.average()),
                verdict("vote-verdict", "Majority vote", ensemble, result.vote()));
        add(members(ensemble));
        if (ensemble.dataset() == DatasetKind.MNIST) {
            RouterLink pad = new RouterLink("Try these models on the drawing pad", DrawView.class);
            pad.setQueryParameters(DrawView.compareParameters(
                    ensemble.members().stream().map(EnsembleMember::runId).toList(), EnsembleMode.AVERAGE));
            pad.setId("ensemble-pad-link");
            add(pad);
        }
        add(evaluations(result));
    }

    /** The figure and why it is what it is: the gain over the best member in images, not only points. */
    static Paragraph verdict(String id, String how, Ensemble ensemble, Evaluation evaluation) {
        EnsembleMember best = ensemble.bestMember();
        int images = evaluation.confusion().length == 0 ? 0 : total(evaluation.confusion());
        long ensembleWrong = Math.round((1 - evaluation.accuracy()) * images);
        long bestWrong = Math.round((1 - best.testAccuracy()) * images);
        double points = (evaluation.accuracy() - best.testAccuracy()) * 100;
        String comparison;
        if (ensembleWrong < bestWrong) {
            comparison = String.format(Locale.ROOT, "%.2f points above its best member, #%d (%s): %d fewer of the"
                    + " %,d test images wrong, because the members' mistakes differ", points, best.runId(),
                    Format.percent(best.testAccuracy()), bestWrong - ensembleWrong, images);
        } else if (ensembleWrong == bestWrong) {
            comparison = "the same as its best member, #" + best.runId() + ": the members get the same images wrong";
        } else {
            comparison = String.format(Locale.ROOT, "%.2f points below its best member, #%d (%s): the weaker members"
                    + " outvote it on %d images; leave them out", -points, best.runId(),
                    Format.percent(best.testAccuracy()), ensembleWrong - bestWrong);
        }
        Paragraph p = new Paragraph(how + ": " + Format.percent(evaluation.accuracy()) + " test accuracy, "
                + comparison + ".");
        p.setId(id);
        return p;
    }

    private static int total(int[][] confusion) {
        int n = 0;
        for (int[] row : confusion) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    private static Grid<EnsembleMember> members(Ensemble ensemble) {
        Grid<EnsembleMember> grid = new Grid<>();
        grid.setId("ensemble-members");
        grid.addComponentColumn(m -> new RouterLink("#" + m.runId(), RunDetailView.class,
                RunDetailView.params(m.runId()))).setHeader("Run").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(EnsembleMember::name).setHeader("Name");
        grid.addColumn(EnsembleMember::model).setHeader("Model").setAutoWidth(true);
        grid.addColumn(m -> Format.percent(m.testAccuracy())).setHeader("Test accuracy alone")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.setItems(ensemble.members());
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("60em");
        return grid;
    }

    private Component evaluations(EnsembleResult result) {
        LabeledImages images = testImages(result.ensemble().dataset());
        Tab average = new Tab("Averaged probabilities");
        Tab vote = new Tab("Majority vote");
        Tabs tabs = new Tabs(average, vote);
        tabs.setId("ensemble-mode-tabs");
        Div content = new Div();
        content.setWidthFull();
        content.add(new EvaluationPanel(result.ensemble().dataset(), result.average(), images));
        tabs.addSelectedChangeListener(e -> {
            content.removeAll();
            EnsembleMode mode = e.getSelectedTab() == vote ? EnsembleMode.MAJORITY : EnsembleMode.AVERAGE;
            content.add(new EvaluationPanel(result.ensemble().dataset(), result.evaluation(mode), images));
        });
        VerticalLayout layout = new VerticalLayout(tabs, content);
        layout.setPadding(false);
        return layout;
    }

    private LabeledImages testImages(DatasetKind kind) {
        try {
            return datasets.samples(kind, Split.TEST);
        } catch (DatasetUnavailableException e) {
            return null;
        }
    }
}
