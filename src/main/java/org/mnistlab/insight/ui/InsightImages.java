package org.mnistlab.insight.ui;

import com.vaadin.flow.component.html.Image;
import java.util.Base64;
import org.mnistlab.dataset.DigitPng;

/** Small square images for the insight panels (maps, filters, heat maps), inline as data URLs. */
final class InsightImages {

    private InsightImages() {
    }

    /** A grayscale map of {@code size × size} bytes (0 = light, 255 = dark) shown at {@code px} CSS pixels. */
    static Image gray(byte[] values, int size, String alt, int px) {
        return image(DigitPng.render(values, size, 1), alt, px);
    }

    static Image image(byte[] png, String alt, int px) {
        Image image = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(png), alt);
        image.setWidth(px + "px");
        image.setHeight(px + "px");
        image.getStyle().set("image-rendering", "pixelated").set("border", "1px solid var(--lumo-contrast-10pct)");
        return image;
    }
}
