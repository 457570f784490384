package org.mnistlab.runs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.training.Misclassified;

/** The misclassified test images in the given order, a page at a time ("Show 100 more"). */
class MisclassifiedGallery extends Div {

    private final List<Misclassified> all;
    private final DatasetKind kind;
    private final LabeledImages images;
    private final Div tiles = DigitTile.gallery("misclassified");
    private final Button more = new Button();
    private int shown;

    MisclassifiedGallery(List<Misclassified> all, DatasetKind kind, LabeledImages images) {
        this.all = all;
        this.kind = kind;
        this.images = images;
        more.setId("more-misclassified");
        more.addClickListener(e -> nextPage());
        add(tiles, more);
        nextPage();
    }

    private void nextPage() {
        List<Misclassified> page = all.subList(shown, Math.min(all.size(), shown + EvaluationPanel.PAGE));
        page.forEach(m -> tiles.add(DigitTile.misclassified(kind, images, m)));
        shown += page.size();
        int left = all.size() - shown;
        more.setText("Show " + Math.min(EvaluationPanel.PAGE, left) + " more (" + left + " left)");
        more.setVisible(left > 0);
    }
}
