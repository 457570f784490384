package org.mnistlab.runs.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility.Width;
import java.util.function.IntConsumer;
import org.mnistlab.base.ui.Format;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.training.ClassMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.RunRecord;

/**
 * How a run does on the test set: the confusion heat map with the images behind each cell, precision,
 * recall and F1 per class, and the most confidently wrong images.
 */
public class EvaluationPanel extends Div {

    /** Thumbnails per page of the gallery and per confusion cell. */
    static final int PAGE = 100;

    private MisclassifiedGallery gallery;
    private IntConsumer onMisclassifiedClick;
    /** Builds the per-class table and the misclassified gallery into their places; null once done or for none. */
    private Runnable pendingBelow;

    /**
     * @param evaluation null when the run has none (yet)
     * @param images     the test images, or null when the dataset cannot be loaded
     * Its per-class table and misclassified gallery wait for {@link #showBelow()}, so the run page can draw the
     * rest first.
     */
    EvaluationPanel(RunRecord run, Evaluation evaluation, LabeledImages images) {
        addClassName(Width.FULL);
        if (evaluation == null) {
            add(new H3("Test set"), new Paragraph(run.status().active()
                    ? "The test-set evaluation appears when the run finishes."
                    : "This run has no test-set evaluation."));
            return;
        }
        show(run.dataset(), evaluation, images);
    }

    /**
     * An evaluation that is not one run's (an ensemble's).
     *
     * @param images the test images, or null when the dataset cannot be loaded
     */
    public EvaluationPanel(DatasetKind kind, Evaluation evaluation, LabeledImages images) {
        addClassName(Width.FULL);
        show(kind, evaluation, images);
        showBelow();
    }

    private void show(DatasetKind kind, Evaluation evaluation, LabeledImages images) {
        add(new H3("Test set: confusion matrix (accuracy " + Format.percent(evaluation.accuracy()) + ")"),
                new ConfusionPanel(evaluation, kind, images));
        add(new H3("Per-class precision, recall and F1"));
        Div perClassPlace = place();
        add(new H3("Misclassified test images (" + evaluation.misclassified().size()
                + "), most confidently wrong first"));
        Div galleryPlace = images == null ? null : place();
        if (images == null) {
            add(unavailable(kind));
        }
        pendingBelow = () -> {
            perClassPlace.add(perClass(evaluation, kind));
            if (galleryPlace != null) {
                gallery = new MisclassifiedGallery(evaluation.misclassified(), kind, images);
                gallery.onOpen(index -> {
                    if (onMisclassifiedClick != null) {
                        onMisclassifiedClick.accept(index);
                    }
                });
                galleryPlace.add(gallery);
            }
        };
    }

    private Div place() {
        Div place = new Div();
        place.addClassName(Width.FULL);
        add(place);
        return place;
    }

    /**
     * Adds the parts below the matrix: the per-class table (a grid, costly to start in the browser) and up to 100
     * misclassified tiles (the page's largest part); once.
     */
    void showBelow() {
        if (pendingBelow != null) {
            Runnable build = pendingBelow;
            pendingBelow = null;
            build.run();
        }
    }

    /** A click on a misclassified image opens it in {@code handler} (by test index). */
    void onMisclassifiedClick(IntConsumer handler) {
        this.onMisclassifiedClick = handler;
    }

    static Paragraph unavailable(DatasetKind kind) {
        return new Paragraph(kind.displayName() + " is not available, so its images cannot be shown.");
    }

    private static Grid<ClassMetrics> perClass(Evaluation evaluation, DatasetKind kind) {
        Grid<ClassMetrics> grid = new Grid<>();
        grid.setId("per-class");
        grid.addColumn(c -> kind.className(c.label())).setHeader("Class").setSortable(true)
                .setComparator(ClassMetrics::label);
        grid.addColumn(c -> Format.decimal(c.precision(), 3)).setHeader("Precision")
                .setComparator(ClassMetrics::precision).setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> Format.decimal(c.recall(), 3)).setHeader("Recall")
                .setComparator(ClassMetrics::recall).setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(c -> Format.decimal(c.f1(), 3)).setHeader("F1")
                .setComparator(ClassMetrics::f1).setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ClassMetrics::support).setHeader("Support")
                .setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.setItems(evaluation.perClass());
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("44em");
        return grid;
    }
}
