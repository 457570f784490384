package org.mnistlab.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import org.mnistlab.playground.GrayImage;

/**
 * Server side of the {@code <drawing-pad>} web component: a canvas for drawing a digit with mouse, touch
 * or pen, with undo, clear and pen width. Its events carry the drawing's pixels (ink bright on dark).
 */
@Tag("drawing-pad")
@JsModule("./playground/drawing-pad.ts")
public class DrawingPad extends Component implements HasSize, HasStyle {

    public DrawingPad() {
        setPenWidth(18);
        // Every event is acknowledged in the response that carries its results (all listeners run before the
        // response is written): the pad holds back live updates until then, and tests wait for it.
        addPadChangedListener(e -> acknowledge(e.seq()));
        addStrokeEndListener(e -> acknowledge(e.seq()));
        addClearedListener(e -> acknowledge(e.seq()));
    }

    public void setPenWidth(int width) {
        getElement().setProperty("penWidth", width);
    }

    /** How often the pad reports while drawing (ms); default 150. */
    public void setChangeDelay(int millis) {
        getElement().setProperty("changeDelay", millis);
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }

    public void undo() {
        getElement().callJsFunction("undo");
    }

    /** Tells the pad that the drawing of event {@code seq} has been handled. */
    private void acknowledge(int seq) {
        getElement().setProperty("processedSeq", seq);
    }

    /** While drawing, throttled (at most every change delay). */
    public Registration addPadChangedListener(ComponentEventListener<PadChangedEvent> listener) {
        return addListener(PadChangedEvent.class, listener);
    }

    /** Pen up, and after undo. */
    public Registration addStrokeEndListener(ComponentEventListener<StrokeEndEvent> listener) {
        return addListener(StrokeEndEvent.class, listener);
    }

    public Registration addClearedListener(ComponentEventListener<ClearedEvent> listener) {
        return addListener(ClearedEvent.class, listener);
    }

    /** A pad event with the drawing as it is now. */
    public abstract static class PadEvent extends ComponentEvent<DrawingPad> {
        private final String pixels;
        private final int width;
        private final int height;
        private final int strokes;
        private final int seq;

        protected PadEvent(DrawingPad source, boolean fromClient, String pixels, int width, int height, int strokes,
                           int seq) {
            super(source, fromClient);
            this.seq = seq;
            this.pixels = pixels;
            this.width = width;
            this.height = height;
            this.strokes = strokes;
        }

        /** The drawing, decoded; blank when there are no strokes. */
        public GrayImage image() {
            return GrayImage.fromBase64(width, height, pixels);
        }

        public int strokes() {
            return strokes;
        }

        /** The pad's event number (acknowledged back to the pad). */
        public int seq() {
            return seq;
        }
    }

    @DomEvent("pad-changed")
    public static class PadChangedEvent extends PadEvent {
        public PadChangedEvent(DrawingPad source, boolean fromClient,
                               @EventData("event.detail.pixels") String pixels,
                               @EventData("event.detail.width") int width,
                               @EventData("event.detail.height") int height,
                               @EventData("event.detail.strokes") int strokes,
                               @EventData("event.detail.seq") int seq) {
            super(source, fromClient, pixels, width, height, strokes, seq);
        }
    }

    @DomEvent("pad-stroke-end")
    public static class StrokeEndEvent extends PadEvent {
        public StrokeEndEvent(DrawingPad source, boolean fromClient,
                              @EventData("event.detail.pixels") String pixels,
                              @EventData("event.detail.width") int width,
                              @EventData("event.detail.height") int height,
                              @EventData("event.detail.strokes") int strokes,
                              @EventData("event.detail.seq") int seq) {
            super(source, fromClient, pixels, width, height, strokes, seq);
        }
    }

    @DomEvent("pad-cleared")
    public static class ClearedEvent extends ComponentEvent<DrawingPad> {
        private final int seq;

        public ClearedEvent(DrawingPad source, boolean fromClient, @EventData("event.detail.seq") int seq) {
            super(source, fromClient);
            this.seq = seq;
        }

        public int seq() {
            return seq;
        }
    }
}
