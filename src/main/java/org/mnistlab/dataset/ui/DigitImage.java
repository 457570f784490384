package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.html.Image;
import java.util.Base64;
import org.mnistlab.dataset.DigitPng;

/**
 * A 28×28 digit shown as a crisp PNG; the component every view uses to show samples. The PNG travels inline
 * as a data URL (a few hundred bytes): no extra request per image and nothing kept in the session.
 */
public class DigitImage extends Image {

    /**
     * @param pixels 784 bytes (0 = background, 255 = ink)
     * @param name   alt text, e.g. "mnist-test-42"
     * @param displayPx rendered width and height in CSS pixels
     */
    public DigitImage(byte[] pixels, String name, int displayPx) {
        byte[] png = DigitPng.render(pixels, Math.max(1, Math.min(4, displayPx / 28)));
        setSrc("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        setAlt(name);
        setWidth(displayPx + "px");
        setHeight(displayPx + "px");
        getStyle().set("image-rendering", "pixelated").set("border", "1px solid var(--lumo-contrast-10pct)");
    }
}
