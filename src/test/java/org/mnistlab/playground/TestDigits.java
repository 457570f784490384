package org.mnistlab.playground;

/** MNIST test digits as drawings, for tests outside this package (e.g. the view tests). */
public final class TestDigits {

    private TestDigits() {
    }

    /** MNIST test digit {@code index} drawn back at 5× onto a 140×140 pad, as the pad sends it. */
    public static GrayImage mnistOnPad(int index) {
        return MnistTestDigits.drawnBack(MnistTestDigits.image(index), 140, 5, 0, 0);
    }

    /** MNIST test digit {@code index} as stored: 28×28 bytes, 0 = background, 255 = ink. */
    public static byte[] mnist(int index) {
        return MnistTestDigits.image(index);
    }

    public static int label(int index) {
        return MnistTestDigits.label(index);
    }
}
