package org.mnistlab.runs.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix as a heat map: rows are the true classes, columns the predicted ones. Correct
 * predictions (diagonal) are shaded blue by the class's recall, errors red by their count relative to the
 * largest error, so rare mistakes stay visible next to 1,000-image diagonals. Cells are clickable.
 */
public class ConfusionMatrix extends Div {

    private final int[][] confusion;
    private final Div[][] cells;
    private Div selected;

    public ConfusionMatrix(int[][] confusion, List<String> classNames) {
        this.confusion = confusion;
        int n = confusion.length;
        cells = new Div[n][n];
        addClassName("confusion-matrix");
        getStyle().set("grid-template-columns", "auto auto repeat(" + n + ", minmax(2.6em, 1fr))");

        int maxError = 1;
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                if (a != p) {
                    maxError = Math.max(maxError, confusion[a][p]);
                }
            }
        }

        // Header rows: axis title and class names of the predicted columns.
        add(new Div(), new Div());
        Div predictedTitle = label("Predicted", "cm-axis");
        predictedTitle.getStyle().set("grid-column", "span " + n);
        add(predictedTitle);
        add(new Div(), new Div());
        for (int p = 0; p < n; p++) {
            add(label(shortName(classNames.get(p)), "cm-class"));
        }
        for (int a = 0; a < n; a++) {
            if (a == 0) {
                Div trueTitle = label("True", "cm-axis", "true");
                trueTitle.getStyle().set("grid-row", "span " + n);
                add(trueTitle);
            }
            add(label(shortName(classNames.get(a)), "cm-class", "row"));
            int rowTotal = 0;
            for (int p = 0; p < n; p++) {
                rowTotal += confusion[a][p];
            }
            for (int p = 0; p < n; p++) {
                cells[a][p] = cell(a, p, rowTotal, maxError, classNames);
                add(cells[a][p]);
            }
        }
    }

    private Div cell(int actual, int predicted, int rowTotal, int maxError, List<String> classNames) {
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
        Div cell = new Div(String.valueOf(count));
        cell.setId("cm-" + actual + "-" + predicted);
        cell.addClassName("cm-cell");
        cell.getElement().setAttribute("data-actual", String.valueOf(actual));
        cell.getElement().setAttribute("data-predicted", String.valueOf(predicted));
        cell.getElement().setAttribute("title", "True " + classNames.get(actual) + ", predicted "
                + classNames.get(predicted) + ": " + count + (count == 1 ? " image" : " images"));
        cell.getStyle().set("background", String.format(Locale.ROOT, "rgba(%s, %.3f)", rgb, intensity))
                .set("color", intensity > 0.55 ? "white" : "var(--lumo-body-text-color)");
        if (count == 0) {
            cell.getStyle().set("color", "var(--lumo-disabled-text-color)");
        }
        cell.addClickListener(e -> select(actual, predicted, e.isFromClient()));
        return cell;
    }

    /** Highlights a cell and tells the listeners, as a click does. */
    public void select(int actual, int predicted) {
        select(actual, predicted, false);
    }

    private void select(int actual, int predicted, boolean fromClient) {
        if (selected != null) {
            selected.removeClassName("selected");
        }
        selected = cells[actual][predicted];
        selected.addClassName("selected");
        fireEvent(new CellSelectedEvent(this, fromClient, actual, predicted, confusion[actual][predicted]));
    }

    public Div cell(int actual, int predicted) {
        return cells[actual][predicted];
    }

    public Registration addCellSelectedListener(ComponentEventListener<CellSelectedEvent> listener) {
        return addListener(CellSelectedEvent.class, listener);
    }

    private static Div label(String text, String... classNames) {
        Div d = new Div(text);
        d.addClassNames(classNames);
        return d;
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
