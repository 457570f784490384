package org.mnistlab.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the opened view's {@link FirstScreen} into the page's document, framed like {@link MainLayout} (title
 * bar, menu column), as {@code <div id="first-screen">} over the page. The view was built while the
 * document was made (eager server load), so its first screen shows the same samples, filters and numbers
 * the view will. {@code index.html} styles it and removes it when the view has drawn itself.
 */
@Component
public class FirstScreenInDocument implements VaadinServiceInitListener {

    /** The element's id (index.html styles and removes it by this id). */
    private static final String ID = "first-screen";
    /** What Vaadin's script with the view's initial state assigns. */
    private static final String INITIAL_STATE = "window.Vaadin.TypeScript";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::addFirstScreen);
    }

    /**
     * Adds the view's first screen to the document, when the view has one, and moves Vaadin's script with the
     * view's initial state (about 200 KB for the explorer, in the head) to the end of the body: the browser
     * then reaches the first screen after a few KB of the page and can paint it while it parses the rest. The
     * state is read only by Vaadin's module scripts, which run after the whole page is parsed.
     */
    public void addFirstScreen(IndexHtmlResponse response) {
        response.getUI().flatMap(FirstScreenInDocument::firstScreenOf).ifPresent(screen -> {
            Document document = response.getDocument();
            document.body().prependChild(framed(screen));
            document.head().select("script[initial]").stream()
                    .filter(script -> script.data().contains(INITIAL_STATE))
                    .forEach(script -> document.body().appendChild(script));
        });
    }

    /** The first screen of the UI's current view, if it has one. */
    static Optional<FirstScreen> firstScreenOf(UI ui) {
        List<HasElement> chain = ui.getInternals().getActiveRouterTargetsChain();
        return !chain.isEmpty() && chain.get(0) instanceof HasFirstScreen view
                ? view.firstScreen() : Optional.empty();
    }

    /** The view's content in a picture of the app's frame; hidden from screen readers, which get the view. */
    static Element framed(FirstScreen screen) {
        Element frame = new Element("div").id(ID).attr("aria-hidden", "true")
                .attr("data-replaced-when", screen.replacedWhen());
        frame.appendElement("div").addClass("fs-drawer");
        frame.appendElement("div").addClass("fs-navbar")
                .appendElement("span").addClass("fs-title").text(MainLayout.TITLE);
        frame.appendElement("div").addClass("fs-content").appendChild(screen.content());
        return frame;
    }
}
