package org.mnistlab.runs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.function.IntConsumer;
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
    private IntConsumer onOpen;

    MisclassifiedGallery(List<Misclassified> all, DatasetKind kind, LabeledImages images) {
        this.all = all;
        this.kind = kind;
        this.images = images;
        more.setId("more-misclassified");
        more.addClickListener(e -> nextPage());
        add(tiles, more);
        nextPage();
    }

    /** Clicking a tile asks for a closer look at that test image (by its index). */
    void onOpen(IntConsumer handler) {
        this.onOpen = handler;
        tiles.getChildren().forEach(t -> t.getStyle().set("cursor", "pointer"));
    }

    private void nextPage() {
        List<Misclassified> page = all.subList(shown, Math.min(all.size(), shown + EvaluationPanel.PAGE));
        page.forEach(m -> {
            DigitTile tile = DigitTile.misclassified(kind, images, m);
            tile.addClickListener(e -> {
                if (onOpen != null) {
                    onOpen.accept(m.testIndex());
                }
            });
            tiles.add(tile);
        });
        shown += page.size();
        int left = all.size() - shown;
        more.setText("Show " + Math.min(EvaluationPanel.PAGE, left) + " more (" + left + " left)");
        more.setVisible(left > 0);
    }
}
