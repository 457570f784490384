package org.mnistlab.ensembles.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.mnistlab.base.Roles;
import org.mnistlab.base.UserMessages;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.ensembles.Ensemble;
import org.mnistlab.ensembles.EnsembleService;
import org.mnistlab.ensembles.InvalidEnsembleException;
import org.mnistlab.training.RunAccessDeniedException;

/**
 * The ensembles evaluated so far, best first by averaged accuracy against their best member, and the form
 * that evaluates a new one. {@code ?runs=3,4,5} chooses those runs in the form.
 */
@RolesAllowed(Roles.VIEWER)
@Route("ensembles")
@PageTitle("Ensembles · MNIST Lab")
@Menu(order = 2.5, title = "Ensembles", icon = "lab:group")
public class EnsemblesView extends VerticalLayout implements BeforeEnterObserver {

    static final String RUNS = "runs";

    private final EnsembleService ensembles;
    final EnsembleForm form;
    final Grid<Ensemble> grid = new Grid<>();
    private final UiEventPump<Progress> pump;

    /** What the background evaluation reports to this page. */
    sealed interface Progress {
        record MembersDone(int done, int members) implements Progress {
        }

        record Finished(long ensembleId) implements Progress {
        }

        record Failed(String message) implements Progress {
        }
    }

    public EnsemblesView(EnsembleService ensembles, UiPushScheduler pushScheduler) {
        this.ensembles = ensembles;
        setWidthFull();
        setMaxWidth("1400px");
        form = new EnsembleForm(ensembles.candidates(), ensembles.mayEvaluate());
        form.addEvaluateListener(e -> evaluate(e.value()));
        pump = new UiEventPump<Progress>(this, pushScheduler, listener -> () -> { }, this::apply)
                .latestOnly(p -> p instanceof Progress.MembersDone);
        Paragraph intro = new Paragraph("Several models often make different mistakes. An ensemble classifies every"
                + " test image with each of its runs and combines the answers two ways: averaging the ten"
                + " probabilities, and a majority vote (a tie goes to the digit with the higher mean probability).");
        intro.setMaxWidth("60em");
        add(new H2("Ensembles"), intro, form, grid());
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Set<Long> ids = new HashSet<>();
        for (String value : event.getLocation().getQueryParameters().getParameters().getOrDefault(RUNS, List.of())) {
            for (String part : value.split(",")) {
                try {
                    ids.add(Long.parseLong(part.strip()));
                } catch (NumberFormatException ignored) {
                    // an address typed by hand: the runs that parse are chosen, the form shows which
                }
            }
        }
        form.choose(ids);
    }

    private Grid<Ensemble> grid() {
        grid.setId("ensembles");
        grid.addComponentColumn(e -> new RouterLink("#" + e.id(), EnsembleView.class, EnsembleView.params(e.id())))
                .setHeader("Ensemble").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Ensemble::memberIds).setHeader("Runs").setAutoWidth(true);
        grid.addColumn(e -> e.dataset().displayName()).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(e -> Format.percent(e.averageAccuracy())).setHeader("Averaged")
                .setTextAlign(ColumnTextAlign.END).setSortable(true).setComparator(Ensemble::averageAccuracy);
        grid.addColumn(e -> Format.percent(e.voteAccuracy())).setHeader("Majority vote")
                .setTextAlign(ColumnTextAlign.END).setSortable(true).setComparator(Ensemble::voteAccuracy);
        grid.addColumn(e -> Format.percent(e.bestMember().testAccuracy()) + " (#" + e.bestMember().runId() + ")")
                .setHeader("Best member").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(e -> Format.dateTime(e.createdAt())).setHeader("Evaluated").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void refresh() {
        List<Ensemble> all = ensembles.ensembles();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
    }

    private void evaluate(List<Long> runIds) {
        try {
            form.showProgress(0, runIds.size());
            ensembles.evaluateInBackground(runIds, done -> pump.offer(new Progress.MembersDone(done, runIds.size())))
                    .whenComplete((result, error) -> pump.offer(error == null
                            ? new Progress.Finished(result.ensemble().id())
                            : new Progress.Failed(message(error))));
        } catch (InvalidEnsembleException | RunAccessDeniedException e) {
            form.showProgress(null, 0);
            Notifications.error(e.getMessage());
        }
    }

    private void apply(List<Progress> events) {
        for (Progress p : events) {
            if (p instanceof Progress.MembersDone d) {
                form.showProgress(d.done(), d.members());
            } else if (p instanceof Progress.Finished f) {
                form.showProgress(null, 0);
                refresh();
                getUI().ifPresent(ui -> ui.navigate(EnsembleView.class, EnsembleView.params(f.ensembleId())));
            } else if (p instanceof Progress.Failed f) {
                form.showProgress(null, 0);
                Notifications.error("The ensemble could not be evaluated: " + f.message());
            }
        }
    }

    private static String message(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return UserMessages.withoutPaths(String.valueOf(cause.getMessage()));
    }
}
