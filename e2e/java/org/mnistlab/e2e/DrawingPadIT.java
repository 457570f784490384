package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.TestRuns;
import org.mnistlab.e2e.pages.DrawPage;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunQueue;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The drawing pad end to end: a tiny model trained by the real engine, digits drawn with real mouse
 * events in Chromium, the preprocessing steps and probability bars, and My digits. The pen-up → bars
 * latency is measured by {@code DrawingPadBenchmarkIT}.
 */
class DrawingPadIT extends BrowserTest {

    /** The tiny model's run, trained once for all browser tests. */
    private long tinyRunId;

    @Autowired
    RunQueue queue;

    @Autowired
    RunStore store;

    @BeforeEach
    void tinyModel() {
        tinyRunId = new TestRuns(queue, store).tiny(Architecture.MLP, 2000);
    }

    @Test
    void draws_a_one_and_a_zero_sees_the_steps_and_bars_and_saves_a_labelled_digit() {
        DrawPage draw = DrawPage.open(page, url("/draw"));
        assertThat(draw.noModelNotice()).isHidden();
        draw.chooseModel(tinyRunId);
        assertThat(draw.stepsEmptyHint()).containsText("Draw a digit");
        assertThat(draw.predictionMessage()).containsText("Draw a digit");

        draw.drawOne();
        draw.waitUntilHandled();
        draw.shouldShowAllSteps();
        draw.waitForBars();
        List<Number> one = draw.probabilities();
        System.out.println("drawn 1 → bars " + one);
        assertThat(draw.topClass()).hasText(String.valueOf(argMax(one)));
        assertThat(draw.topClass()).hasText("1");
        screenshot("one");

        draw.clearWithKeyboard();
        draw.waitUntilHandled();
        assertThat(draw.stepsEmptyHint()).isVisible();
        assertThat(draw.topClass()).hasText("–");

        draw.drawZero();
        draw.waitUntilHandled();
        draw.shouldShowAllSteps();
        assertThat(draw.topClass()).hasText(Pattern.compile("^\\d$"));
        draw.waitForBars();
        List<Number> zero = draw.probabilities();
        System.out.println("drawn 0 → bars " + zero);
        assertThat(draw.topClass()).hasText(String.valueOf(argMax(zero)));
        screenshot("zero");

        int before = draw.gallery().count();
        draw.saveAs(0);
        assertThat(draw.gallery()).hasCount(before + 1);
        assertThat(draw.gallery().first()).hasAttribute("data-label", "0");
        assertThat(draw.stepsEmptyHint()).isVisible(); // the pad is cleared for the next digit

        draw.evaluateMyDigits();
        assertThat(draw.myDigitsResult()).containsText(Pattern.compile("\\d+ of " + (before + 1) + " right"));
        screenshot("saved");
    }

    @Test
    void undo_removes_the_last_stroke() {
        DrawPage draw = DrawPage.open(page, url("/draw"));
        draw.drawOne();
        draw.waitUntilHandled();
        draw.shouldShowAllSteps();
        draw.undoWithKeyboard();
        assertThat(draw.stepsEmptyHint()).isVisible();
        assertThat(draw.predictionMessage()).containsText("Draw a digit");
    }

    private static int argMax(List<Number> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).doubleValue() > values.get(best).doubleValue()) {
                best = i;
            }
        }
        return best;
    }
}
