package org.mnistlab.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Adds a page's below-the-fold parts in a second response, once the browser has drawn the first: the first
 * screen does not wait for the parts nobody sees yet (a run's misclassified images, layer charts, maps).
 */
public final class AfterFirstPaint {

    /** Resolves after the next frame is drawn; Karibu tests answer it (see SpringAppTest). */
    public static final String SCRIPT = "return new Promise(done => requestAnimationFrame(() => setTimeout(done)))";

    private AfterFirstPaint() {
    }

    /** Runs {@code addBelow} on the UI thread after the browser drew what this response carries. */
    public static void run(Component on, Runnable addBelow) {
        on.getElement().executeJs(SCRIPT).then(ignored -> addBelow.run(), error -> addBelow.run());
    }
}
