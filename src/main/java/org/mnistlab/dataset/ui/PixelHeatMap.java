package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.Html;
import org.mnistlab.dataset.DatasetKind;

/**
 * The 28×28 pixel values of one image as a table whose cells are shaded by value. Built as one HTML
 * fragment rather than 784 components: it is read-only and sent once.
 */
public class PixelHeatMap extends Html {

    public PixelHeatMap(byte[] pixels) {
        super(html(pixels));
        setId("pixel-heatmap");
    }

    private static String html(byte[] pixels) {
        int size = DatasetKind.IMAGE_SIZE;
        StringBuilder out = new StringBuilder(64 * pixels.length);
        out.append("<div class=\"pixel-heatmap\" role=\"table\" aria-label=\"pixel values\">");
        out.append("<span class=\"hm-head\"></span>");
        for (int col = 0; col < size; col++) {
            out.append("<span class=\"hm-head\">").append(col).append("</span>");
        }
        for (int row = 0; row < size; row++) {
            out.append("<span class=\"hm-head\">").append(row).append("</span>");
            for (int col = 0; col < size; col++) {
                int v = pixels[row * size + col] & 0xff;
                // Lightness from 100% (background) down to 22% (full ink); white text on the dark half.
                int lightness = 100 - Math.round(v * 78 / 255f);
                out.append("<span class=\"hm-cell").append(v == 0 ? " hm-zero" : "").append(v > 127 ? " hm-dark" : "")
                        .append("\" style=\"background:hsl(222,70%,").append(lightness).append("%)\" title=\"row ")
                        .append(row).append(", col ").append(col).append(": ").append(v).append("\">")
                        .append(v).append("</span>");
            }
        }
        return out.append("</div>").toString();
    }
}
