package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.html.Image;
import java.util.Base64;
import org.mnistlab.dataset.DigitPng;

/**
 * A 28×28 digit shown as a crisp PNG; the component every view uses to show samples. The PNG travels inline
 * as a data URL: no extra request per image and nothing kept in the session. It is encoded at its own 28×28
 * and the browser enlarges it without smoothing, so a page of a hundred thumbnails encodes and sends a
 * quarter of the pixels a 56 px PNG would (a sixteenth of a 112 px one) and looks the same.
 */
public class DigitImage extends Image {

    /**
     * @param pixels 784 bytes (0 = background, 255 = ink)
     * @param name   alt text, e.g. "mnist-test-42"
     * @param displayPx rendered width and height in CSS pixels
     */
    public DigitImage(byte[] pixels, String name, int displayPx) {
        setSrc(dataUrl(pixels));
        setAlt(name);
        setWidth(displayPx + "px");
        setHeight(displayPx + "px");
        getStyle().set("image-rendering", "pixelated").set("border", "1px solid var(--lumo-contrast-10pct)");
    }

    /** The image as a PNG data URL at its own 28×28 (the browser enlarges it, pixelated). */
    public static String dataUrl(byte[] pixels) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(DigitPng.render(pixels, 1));
    }
}
