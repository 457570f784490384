package org.mnistlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Microbenchmark: preprocessing time per drawing (goal &lt; 2 ms), printed, not asserted. Inputs are real
 * MNIST digits drawn back at the pad's sizes: 140×140 (what the pad sends) and 280×280 (a full-size canvas).
 */
@Tag("benchmark")
class DigitPreprocessorBenchmarkTest {

    private final DigitPreprocessor preprocessor = new DigitPreprocessor();

    @Test
    void prints_preprocessing_time_per_drawing() {
        for (int canvas : new int[] {140, 280}) {
            int scale = canvas / 28;
            GrayImage[] drawings = new GrayImage[100];
            for (int i = 0; i < drawings.length; i++) {
                drawings[i] = MnistTestDigits.drawnBack(MnistTestDigits.image(i), canvas, scale, scale * 2, -scale);
            }
            long checksum = 0;
            for (int i = 0; i < 3000; i++) { // warm-up for the JIT
                checksum += preprocessor.process(drawings[i % drawings.length]).centered().at(14, 14);
            }
            int runs = 5000;
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                PreprocessingSteps steps = preprocessor.process(drawings[i % drawings.length]);
                nanos[i] = System.nanoTime() - t;
                checksum += steps.centered().at(14, 14);
            }
            Arrays.sort(nanos);
            System.out.printf("DigitPreprocessor %dx%d: median %.3f ms, p95 %.3f ms, p99 %.3f ms per drawing (goal < 2 ms)%n",
                    canvas, canvas, nanos[runs / 2] / 1e6, nanos[runs * 95 / 100] / 1e6, nanos[runs * 99 / 100] / 1e6);
            assertThat(checksum).as("the digits have ink at their center").isPositive();
        }
    }
}
