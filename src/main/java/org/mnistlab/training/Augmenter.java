package org.mnistlab.training;

import java.util.Random;
import org.springframework.stereotype.Component;

/** Random rotation / shift / zoom of 28×28 images for training batches (and the configurator's preview). */
@Component
public class Augmenter {

    /** A transformed copy of one 784-byte image; pixels stay in 0–255, the label is unchanged by design. */
    public byte[] augment(byte[] image, Augmentation augmentation, Random random) {
        throw new UnsupportedOperationException("TODO engine");
    }
}
