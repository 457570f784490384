package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import org.mnistlab.dataset.DatasetKind;

/** The mean image of every class of a split, side by side; clicking one asks to filter by that class. */
public class ClassMeanImages extends Div {

    public ClassMeanImages() {
        setId("class-means");
        addClassName("class-means");
    }

    /** @param means one 784-byte image per label */
    public void show(DatasetKind kind, String splitName, byte[][] means) {
        removeAll();
        for (int label = 0; label < means.length; label++) {
            int l = label;
            DigitImage image = new DigitImage(means[label], kind.id() + "-" + splitName + "-mean-" + label, 56);
            Span caption = new Span(kind.className(label));
            caption.addClassName("class-mean-caption");
            Div tile = new Div(image, caption);
            tile.setId("class-mean-" + label);
            tile.addClassName("class-mean");
            tile.setTitle("Mean of all " + kind.className(label) + " images (" + splitName + "); click to filter");
            tile.addClickListener(e -> fireEvent(new ClassClickEvent(this, l)));
            add(tile);
        }
    }

    public Registration addClassClickListener(ComponentEventListener<ClassClickEvent> listener) {
        return addListener(ClassClickEvent.class, listener);
    }

    /** The user picked a class by its mean image. */
    public static class ClassClickEvent extends ComponentEvent<ClassMeanImages> {
        private final int label;

        public ClassClickEvent(ClassMeanImages source, int label) {
            super(source, true);
            this.label = label;
        }

        public int getLabel() {
            return label;
        }
    }
}
