package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility.Display;
import com.vaadin.flow.theme.lumo.LumoUtility.FlexWrap;
import com.vaadin.flow.theme.lumo.LumoUtility.Gap;
import org.mnistlab.base.ui.Format;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.ui.DigitImage;
import org.mnistlab.training.Misclassified;

/**
 * A test image with a short caption under it (e.g. "4 → 9 · 99 %"), for galleries. Its data attributes
 * (true and predicted class, test index) let tests and scripts check what is shown.
 */
class DigitTile extends Div {

    static final int SIZE_PX = 56;

    private DigitTile(byte[] pixels, String name, String caption, String tooltip, int trueLabel, int predicted,
                      int testIndex) {
        addClassName("digit-tile");
        add(new DigitImage(pixels, name, SIZE_PX), new Span(caption));
        getElement().setAttribute("title", tooltip);
        getElement().setAttribute("data-true", String.valueOf(trueLabel));
        getElement().setAttribute("data-predicted", String.valueOf(predicted));
        getElement().setAttribute("data-test-index", String.valueOf(testIndex));
    }

    /** A wrongly classified test image, captioned with what it was taken for and how confidently. */
    static DigitTile misclassified(DatasetKind kind, LabeledImages images, Misclassified m) {
        String truth = kind.className(m.trueLabel());
        String predicted = kind.className(m.predictedLabel());
        DigitTile t = new DigitTile(images.image(m.testIndex()), kind.id() + "-test-" + m.testIndex(),
                truth + " → " + predicted + " · " + Format.percent(m.confidence(), 0),
                "Test image #" + m.testIndex() + ": true " + truth + ", predicted " + predicted + " with "
                        + Format.percent(m.confidence(), 1) + " confidence",
                m.trueLabel(), m.predictedLabel(), m.testIndex());
        t.getElement().setAttribute("data-confidence", String.valueOf(m.confidence()));
        return t;
    }

    /** A correctly classified test image. */
    static DigitTile correct(DatasetKind kind, LabeledImages images, int testIndex) {
        int label = images.label(testIndex);
        return new DigitTile(images.image(testIndex), kind.id() + "-test-" + testIndex, "#" + testIndex,
                "Test image #" + testIndex + ": " + kind.className(label) + ", classified correctly",
                label, label, testIndex);
    }

    /** A wrapping container for tiles. */
    static Div gallery(String id) {
        Div gallery = new Div();
        gallery.setId(id);
        gallery.addClassNames(Display.FLEX, FlexWrap.WRAP, Gap.SMALL);
        return gallery;
    }
}
