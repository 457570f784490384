package org.mnistlab.insight.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.ui.SampleView;
import org.mnistlab.insight.Embedding;

/**
 * The {@code <embedding-map>} canvas over an {@link Embedding}: coloured by label, misclassified ringed, pan and
 * zoom in the browser. Hovering a point shows its thumbnail (sent on demand, 784 bytes); clicking one opens its
 * sample page.
 */
@Tag("embedding-map")
@JsModule("./insight/embedding-map.ts")
public class EmbeddingMap extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Embedding shown;
    private LabeledImages images;

    public EmbeddingMap() {
        setWidthFull();
        addListener(PointEvent.Hover.class, e -> hover(e.point()));
        addListener(PointEvent.Click.class, e -> open(e.point()));
    }

    /** @param images the split the embedding's indices point into */
    public void show(Embedding embedding, LabeledImages images) {
        this.shown = embedding;
        this.images = images;
        int n = embedding.size();
        ByteBuffer points = ByteBuffer.allocate(10 * n);
        for (int i = 0; i < n; i++) {
            points.putFloat(embedding.x()[i]);
        }
        for (int i = 0; i < n; i++) {
            points.putFloat(embedding.y()[i]);
        }
        points.put(embedding.labels());
        for (int i = 0; i < n; i++) {
            points.put((byte) (embedding.misclassified(i) ? 1 : 0));
        }
        try {
            getElement().setProperty("labels", JSON.writeValueAsString(embedding.kind().classNames()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the class names", e);
        }
        getElement().setProperty("points", Base64.getEncoder().encodeToString(points.array()));
        getElement().setAttribute("data-points", String.valueOf(n));
        getElement().setAttribute("data-method", embedding.method().label());
    }

    /** The embedding shown, or null. */
    public Embedding shown() {
        return shown;
    }

    void hover(int point) {
        if (shown == null || point < 0 || point >= shown.size()) {
            return;
        }
        int index = shown.indices()[point];
        String caption = (shown.split().id().equals("test") ? "Test" : "Train") + " #" + index + ": "
                + shown.kind().className(shown.labels()[point])
                + (shown.misclassified(point) ? ", predicted " + shown.kind().className(shown.predicted()[point]) : "");
        getElement().setProperty("thumbnail", Base64.getEncoder().encodeToString(images.image(index)));
        getElement().setProperty("caption", caption);
        getElement().setProperty("thumbnailIndex", point);
    }

    void open(int point) {
        if (shown == null || point < 0 || point >= shown.size()) {
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(SampleView.class,
                SampleView.params(shown.kind(), shown.split(), shown.indices()[point])));
    }

    /** A point of the map the pointer is on (hover) or clicked, by its position in the embedding. */
    public abstract static class PointEvent extends ComponentEvent<EmbeddingMap> {
        private final int point;

        PointEvent(EmbeddingMap source, boolean fromClient, int point) {
            super(source, fromClient);
            this.point = point;
        }

        int point() {
            return point;
        }

        @DomEvent("point-hover")
        public static class Hover extends PointEvent {
            public Hover(EmbeddingMap source, boolean fromClient, @EventData("event.detail.index") int point) {
                super(source, fromClient, point);
            }
        }

        @DomEvent("point-click")
        public static class Click extends PointEvent {
            public Click(EmbeddingMap source, boolean fromClient, @EventData("event.detail.index") int point) {
                super(source, fromClient, point);
            }
        }
    }
}
