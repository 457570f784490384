package org.mnistlab.dataset.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DigitImageTest {

    @Test
    void sends_the_28_pixel_image_and_lets_the_browser_enlarge_it_without_smoothing() throws Exception {
        byte[] pixels = new byte[784];
        pixels[14 * 28 + 14] = (byte) 255;
        DigitImage image = new DigitImage(pixels, "test", 280);

        String src = image.getSrc();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
        assertThat(png.getWidth()).isEqualTo(28);
        assertThat(png.getRaster().getSample(14, 14, 0)).isZero(); // ink is dark
        assertThat(image.getWidth()).isEqualTo("280px");
        assertThat(image.getStyle().get("image-rendering")).isEqualTo("pixelated");
    }
}
