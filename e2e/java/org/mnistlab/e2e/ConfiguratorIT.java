package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.e2e.pages.LiveRunPage;
import org.mnistlab.e2e.pages.TrainPage;
import org.mnistlab.training.RunQueue;
import org.mnistlab.training.RunStore;
import org.springframework.beans.factory.annotation.Autowired;

/** Numbers typed into the configurator in a real browser: read whole, shown as used, or refused with a message. */
class ConfiguratorIT extends BrowserTest {

    @Autowired
    RunQueue queue;

    @Autowired
    RunStore store;

    @AfterEach
    void cancelLeftovers() {
        queue.activeRuns().forEach(r -> queue.cancel(r.id()));
    }

    private static Locator error(TrainPage train, String field) {
        return train.field(field).locator("[slot=error-message]");
    }

    @Test
    void a_learning_rate_typed_in_scientific_notation_is_trained_with_as_typed() {
        TrainPage train = new TrainPage(page, base()).open().preset("baseline-mlp")
                .set("trainSubset", 500).set("epochs", 1).set("name", "e2e lr 5e-4").set("learningRate", "5e-4");

        assertThat(train.field("learningRate").locator("input")).hasValue("0.0005");
        assertThat(train.field("learningRate")).not().hasAttribute("invalid", "");
        screenshot("lr-scientific");
        LiveRunPage live = train.start();

        assertThat(store.findById(live.runId()).orElseThrow().config().learningRate()).isEqualTo(0.0005);
        assertThat(page.locator("#run-config")).containsText("lr 0.0005 ");
    }

    @Test
    void numbers_that_cannot_be_read_whole_mark_their_field_with_a_message_and_disable_start() {
        TrainPage train = new TrainPage(page, base()).open().preset("baseline-mlp");

        train.set("learningRate", "5e-4x");
        assertThat(train.field("learningRate")).hasAttribute("invalid", "");
        assertThat(error(train, "learningRate")).hasText("Enter a number, e.g. 0.001 or 1e-3");
        assertThat(train.startButton()).isDisabled();

        train.set("learningRate", "0.001").set("epochs", "2.5");
        assertThat(error(train, "epochs")).hasText("Enter a whole number, e.g. 64");
        assertThat(train.startButton()).isDisabled();

        train.set("epochs", "1").set("seed", "99999999999999999999");
        assertThat(error(train, "seed")).containsText("Enter a whole number from");
        assertThat(train.startButton()).isDisabled();
        screenshot("refused-numbers");

        train.set("seed", "99999999999");
        assertThat(train.field("seed")).not().hasAttribute("invalid", "");
        assertThat(train.startButton()).isEnabled();
    }
}
