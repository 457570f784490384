package org.mnistlab.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Adds a page's below-the-fold parts in a second response, once the browser has drawn the first: the first
 * screen does not wait for the parts nobody sees yet (a run's misclassified images, layer charts, maps).
 */
public final class AfterFirstPaint {

    /**
     * Resolves at the first idle moment after a frame drawn with the element in the page; Karibu tests answer it (see
     * SpringAppTest). On a page load the view's elements exist before the router puts them into the page, which
     * happens only after the client's own connect request: a request sent before that (after the next frame
     * alone) made the browser's connect request wait behind it, so the first screen waited for the second part.
     */
    public static final String SCRIPT = """
            return new Promise(done => {
              // the first idle moment after a frame: the page's own rendering (lists lay out their rows a frame
              // or two after they are attached) goes first
              const idle = window.requestIdleCallback ? () => requestIdleCallback(done, { timeout: 500 }) : () => setTimeout(done, 50);
              const drawn = () => requestAnimationFrame(idle);
              let waits = 0; // at most 5 s: a view left before it was shown need not keep a timer
              const attached = () => this.isConnected || waits++ > 500 ? drawn() : setTimeout(attached, 10);
              attached();
            })""";

    private AfterFirstPaint() {
    }

    /** Runs {@code addBelow} on the UI thread after the browser drew what this response carries. */
    public static void run(Component on, Runnable addBelow) {
        on.getElement().executeJs(SCRIPT).then(ignored -> addBelow.run(), error -> addBelow.run());
    }
}
