package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility.AlignItems;
import com.vaadin.flow.theme.lumo.LumoUtility.Display;
import com.vaadin.flow.theme.lumo.LumoUtility.FlexWrap;
import com.vaadin.flow.theme.lumo.LumoUtility.Gap;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.Misclassified;

/** The confusion heat map and, beside it, the test images behind the cell last clicked. */
class ConfusionPanel extends Div {

    private final Evaluation evaluation;
    private final DatasetKind kind;
    private final LabeledImages images;
    private final Div cellImages = new Div();

    /** @param images null when the dataset cannot be loaded */
    ConfusionPanel(Evaluation evaluation, DatasetKind kind, LabeledImages images) {
        this.evaluation = evaluation;
        this.kind = kind;
        this.images = images;
        ConfusionMatrix matrix = new ConfusionMatrix(evaluation.confusion(), kind.classNames());
        matrix.setId("confusion-matrix");
        matrix.addCellSelectedListener(e -> showCell(e.actual(), e.predicted(), e.count()));
        cellImages.setId("cell-images");
        cellImages.addClassName("cell-images");
        cellImages.add(new Paragraph("Click a cell to see its test images."));
        addClassNames(Display.FLEX, FlexWrap.WRAP, Gap.LARGE, AlignItems.START);
        add(matrix, cellImages);
    }

    /** The images of a cell; correct cells list theirs only when all errors are stored (else some are wrong). */
    private void showCell(int actual, int predicted, int count) {
        cellImages.removeAll();
        H4 title = new H4("True " + kind.className(actual) + ", predicted " + kind.className(predicted) + ": "
                + count + (count == 1 ? " image" : " images"));
        title.setId("cell-images-title");
        title.addClassName(Margin.Top.NONE);
        cellImages.add(title);
        if (images == null) {
            cellImages.add(EvaluationPanel.unavailable(kind));
            return;
        }
        Div tiles = DigitTile.gallery("cell-gallery");
        if (actual != predicted) {
            List<Misclassified> matching = evaluation.misclassified().stream()
                    .filter(m -> m.trueLabel() == actual && m.predictedLabel() == predicted).toList();
            matching.stream().limit(EvaluationPanel.PAGE).forEach(m -> tiles.add(DigitTile.misclassified(kind, images, m)));
            if (matching.size() < count) {
                cellImages.add(new Paragraph("The run stored " + matching.size() + " of these images."));
            }
        } else {
            Set<Integer> wrong = new HashSet<>();
            evaluation.misclassified().forEach(m -> wrong.add(m.testIndex()));
            if (wrong.size() < errors(evaluation.confusion())) {
                cellImages.add(new Paragraph("Only misclassified images are stored with this run."));
                return;
            }
            for (int i = 0; i < images.size() && tiles.getComponentCount() < EvaluationPanel.PAGE; i++) {
                if (images.label(i) == actual && !wrong.contains(i)) {
                    tiles.add(DigitTile.correct(kind, images, i));
                }
            }
            if (count > EvaluationPanel.PAGE) {
                cellImages.add(new Paragraph("Showing the first " + EvaluationPanel.PAGE + "."));
            }
        }
        cellImages.add(tiles);
    }

    private static int errors(int[][] confusion) {
        int errors = 0;
        for (int a = 0; a < confusion.length; a++) {
            for (int p = 0; p < confusion.length; p++) {
                errors += a == p ? 0 : confusion[a][p];
            }
        }
        return errors;
    }
}
