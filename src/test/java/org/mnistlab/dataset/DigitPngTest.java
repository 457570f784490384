package org.mnistlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DigitPngTest {

    @Test
    void a_standard_decoder_reads_back_the_pixels_dark_on_light_and_scaled() throws IOException {
        byte[] pixels = new byte[784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(DigitPng.render(pixels, 2)));

        assertThat(image.getWidth()).isEqualTo(56);
        assertThat(image.getHeight()).isEqualTo(56);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                int ink = pixels[(y / 2) * 28 + x / 2] & 0xff;
                assertThat(image.getRaster().getSample(x, y, 0)).as("(%d, %d)", x, y).isEqualTo(255 - ink);
            }
        }
    }
}
