package org.mnistlab.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.training.Architecture;
import org.springframework.beans.factory.annotation.Autowired;

/** Saliency of a trained run's model on a real test digit. */
class ModelInsightTest extends SpringAppTest {

    @Autowired
    ModelInsight insight;

    @Test
    void the_heat_map_covers_the_digit_and_leaves_the_border_at_zero() throws Exception {
        long run = runs.tiny(Architecture.MLP, 2000);
        LabeledImages test = datasets.samples(DatasetKind.MNIST, Split.TEST);
        float[] pixels = new float[784];
        for (int p = 0; p < 784; p++) {
            pixels[p] = (test.pixels()[p] & 0xff) / 255f;
        }

        Saliency saliency = insight.saliency(run, pixels).orElseThrow();

        assertThat(saliency.heat()).hasSize(784);
        assertThat(saliency.probabilities()[saliency.predicted()]).isGreaterThan(0.1f);
        assertThat(saliency.heat()[0]).as("MNIST's border is blank: blanking it changes nothing").isZero();
        float strongest = 0;
        for (float h : saliency.heat()) {
            strongest = Math.max(strongest, h);
        }
        assertThat(strongest).as("blanking some of the digit lowers the prediction").isPositive();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(saliency.png(pixels, 4)));
        assertThat(png.getWidth()).isEqualTo(112);
        assertThat(insight.saliency(987_654_321L, pixels)).as("no such run").isEmpty();
    }
}
