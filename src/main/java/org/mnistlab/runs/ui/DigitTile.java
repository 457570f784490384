package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.mnistlab.dataset.ui.DigitImage;

/** A test image with a short caption under it (e.g. "4 → 9 · 99 %"), for galleries. */
class DigitTile extends Div {

    static final int SIZE_PX = 56;

    DigitTile(byte[] pixels, String name, String caption, String tooltip) {
        addClassName("digit-tile");
        Styles.apply(this, "display:flex; flex-direction:column; align-items:center; gap:2px;"
                + " font-size:var(--lumo-font-size-xs); width:" + (SIZE_PX + 24) + "px; text-align:center");
        Span text = new Span(caption);
        Styles.apply(text, "line-height:1.2; color:var(--lumo-secondary-text-color)");
        add(new DigitImage(pixels, name, SIZE_PX), text);
        getElement().setAttribute("title", tooltip);
    }

    /** A flex-wrapping container for tiles. */
    static Div gallery(String id) {
        Div gallery = new Div();
        gallery.setId(id);
        Styles.apply(gallery, "display:flex; flex-wrap:wrap; gap:var(--lumo-space-s)");
        return gallery;
    }
}
