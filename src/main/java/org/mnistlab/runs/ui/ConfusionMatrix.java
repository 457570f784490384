package org.mnistlab.runs.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * A confusion matrix as a heat map: rows are the true classes, columns the predicted ones. Correct
 * predictions (diagonal) are shaded blue by the class's recall, errors red by their count relative to the
 * largest error, so rare mistakes stay visible next to 1,000-image diagonals. Cells are clickable and
 * focusable (Enter chooses one).
 * <p>
 * The cells are one piece of HTML, not 130 server-side components: a page load applies one property instead
 * of ~1,500 node changes in Vaadin's client, which was half of a run page's initial state (README, page speed).
 * One listener on the matrix reads which cell was chosen from the event.
 */
public class ConfusionMatrix extends Div {

    /** Event data: the chosen cell's true and predicted class, -1 outside a cell (a label, the gaps). */
    static final String ACTUAL = cellData("actual");
    static final String PREDICTED = cellData("predicted");

    private final int[][] confusion;
    private final List<String> classNames;
    private int selectedActual = -1;
    private int selectedPredicted = -1;

    public ConfusionMatrix(int[][] confusion, List<String> classNames) {
        this.confusion = confusion;
        this.classNames = classNames;
        addClassName("confusion-matrix");
        getStyle().set("grid-template-columns", "auto auto repeat(" + confusion.length + ", minmax(2.6em, 1fr))");
        render();
        getElement().addEventListener("click", this::chosen).addEventData(ACTUAL).addEventData(PREDICTED);
        getElement().addEventListener("keydown", this::chosen).addEventData(ACTUAL).addEventData(PREDICTED)
                .setFilter("event.key === 'Enter'");
    }

    private static String cellData(String key) {
        return "(event.target.closest('.cm-cell') || {dataset: {" + key + ": -1}}).dataset." + key + " | 0";
    }

    private void chosen(DomEvent event) {
        int actual = (int) event.getEventData().getNumber(ACTUAL);
        int predicted = (int) event.getEventData().getNumber(PREDICTED);
        if (actual >= 0 && predicted >= 0 && actual < confusion.length && predicted < confusion.length) {
            select(actual, predicted);
            // the cells were drawn anew: keep the keyboard where it was
            getElement().executeJs("this.querySelector('#cm-' + $0 + '-' + $1).focus()", actual, predicted);
        }
    }

    /** Marks the cell a person chose and tells the listeners. */
    private void select(int actual, int predicted) {
        selectedActual = actual;
        selectedPredicted = predicted;
        render();
        fireEvent(new CellSelectedEvent(this, true, actual, predicted, confusion[actual][predicted]));
    }

    /** The cells' HTML: the axis titles, the class names and one cell per pair. */
    String cellsHtml() {
        return getElement().getProperty("innerHTML", "");
    }

    private void render() {
        int n = confusion.length;
        int maxError = 1;
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                if (a != p) {
                    maxError = Math.max(maxError, confusion[a][p]);
                }
            }
        }
        Element cells = new Element("div");
        // Header rows: axis title and class names of the predicted columns.
        cells.appendElement("div");
        cells.appendElement("div");
        label(cells, "Predicted", "cm-axis").attr("style", "grid-column: span " + n);
        cells.appendElement("div");
        cells.appendElement("div");
        for (int p = 0; p < n; p++) {
            label(cells, shortName(classNames.get(p)), "cm-class");
        }
        for (int a = 0; a < n; a++) {
            if (a == 0) {
                label(cells, "True", "cm-axis true").attr("style", "grid-row: span " + n);
            }
            label(cells, shortName(classNames.get(a)), "cm-class row");
            int rowTotal = 0;
            for (int p = 0; p < n; p++) {
                rowTotal += confusion[a][p];
            }
            for (int p = 0; p < n; p++) {
                cell(cells, a, p, rowTotal, maxError);
            }
        }
        getElement().setProperty("innerHTML", cells.html());
    }

    private void cell(Element cells, int actual, int predicted, int rowTotal, int maxError) {
        int count = confusion[actual][predicted];
        double intensity;
        String rgb;
        if (actual == predicted) {
            intensity = rowTotal == 0 ? 0 : (double) count / rowTotal;
            rgb = "33, 102, 172";
        } else {
            intensity = count == 0 ? 0 : 0.15 + 0.85 * Math.sqrt((double) count / maxError);
            rgb = "214, 39, 40";
        }
        String color = count == 0 ? "var(--lumo-disabled-text-color)"
                : intensity > 0.55 ? "white" : "var(--lumo-body-text-color)";
        Element cell = cells.appendElement("div");
        if (actual == selectedActual && predicted == selectedPredicted) {
            cell.addClass("selected");
        }
        cell.id("cm-" + actual + "-" + predicted)
                .addClass("cm-cell")
                .attr("data-actual", String.valueOf(actual))
                .attr("data-predicted", String.valueOf(predicted))
                .attr("tabindex", "0")
                .attr("role", "button")
                .attr("title", "True " + classNames.get(actual) + ", predicted " + classNames.get(predicted) + ": "
                        + count + (count == 1 ? " image" : " images"))
                .attr("style", String.format(Locale.ROOT, "background: rgba(%s, %.3f); color: %s", rgb, intensity,
                        color))
                .text(String.valueOf(count));
    }

    public Registration addCellSelectedListener(ComponentEventListener<CellSelectedEvent> listener) {
        return addListener(CellSelectedEvent.class, listener);
    }

    private static Element label(Element cells, String text, String classNames) {
        return cells.appendElement("div").attr("class", classNames).text(text);
    }

    /** Fashion-MNIST names are long: "T-shirt/top" → "T-shirt", "Ankle boot" stays. */
    private static String shortName(String name) {
        int slash = name.indexOf('/');
        return slash > 0 ? name.substring(0, slash) : name;
    }

    /** A cell was chosen: the true and predicted class and how many test images fell there. */
    public static class CellSelectedEvent extends ComponentEvent<ConfusionMatrix> {
        private final int actual;
        private final int predicted;
        private final int count;

        CellSelectedEvent(ConfusionMatrix source, boolean fromClient, int actual, int predicted, int count) {
            super(source, fromClient);
            this.actual = actual;
            this.predicted = predicted;
            this.count = count;
        }

        public int actual() {
            return actual;
        }

        public int predicted() {
            return predicted;
        }

        public int count() {
            return count;
        }
    }
}
