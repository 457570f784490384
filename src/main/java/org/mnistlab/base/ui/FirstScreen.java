package org.mnistlab.base.ui;

import org.jsoup.nodes.Element;

/**
 * A view's first screen as plain HTML, sent in the page's document itself ({@link FirstScreenInDocument}):
 * the browser paints it as soon as the document arrives, before Vaadin's client has started (about 300 ms
 * on a reload, over a second on a first visit), and the page removes it once the view has drawn itself.
 * It is a picture of the view, not the view: nothing in it reacts to clicks until the view is there.
 *
 * @param content      the view's part of the page, below the app's title bar and beside its menu
 * @param replacedWhen a CSS selector that matches once the view shows what {@code content} stands for
 */
public record FirstScreen(Element content, String replacedWhen) {
}
