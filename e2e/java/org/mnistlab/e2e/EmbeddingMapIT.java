package org.mnistlab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mnistlab.e2e.pages.EmbeddingMapPage;

/** The explorer's map draws 10,000 test images on its canvas and a click on a point opens that sample. */
class EmbeddingMapIT extends BrowserTest {

    @Test
    void the_map_draws_the_test_split_and_a_click_opens_a_sample() {
        EmbeddingMapPage map = new EmbeddingMapPage(page).open(base(), "mnist", "test", 10_000);

        assertThat(map.canvasPainted()).as("points painted on the canvas").isTrue();
        screenshot("embedding-map");
        map.clickPoint(0);

        assertThat(page).hasURL(Pattern.compile(".*/explore/mnist/test/\\d+$"));
        assertThat(page.locator("#sample-title")).isVisible();
    }
}
