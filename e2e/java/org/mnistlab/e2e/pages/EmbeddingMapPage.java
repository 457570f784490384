package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;

/** The map of a split's samples at /explore/{dataset}/{split}/map: one canvas, points drawn client-side. */
public class EmbeddingMapPage {

    private final Page page;

    public EmbeddingMapPage(Page page) {
        this.page = page;
    }

    public EmbeddingMapPage open(String baseUrl, String dataset, String split, int expectedPoints) {
        page.navigate(baseUrl + "/explore/" + dataset + "/" + split + "/map");
        // the first page after start-up is slow on a loaded machine
        assertThat(map()).hasAttribute("point-count", String.valueOf(expectedPoints),
                new LocatorAssertions.HasAttributeOptions().setTimeout(90_000));
        return this;
    }

    public Locator map() {
        return page.locator("embedding-map");
    }

    /** Whether the canvas has any painted pixel. */
    public boolean canvasPainted() {
        return (Boolean) map().evaluate("m => { const c = m.shadowRoot.querySelector('canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }");
    }

    /** Clicks point i where the element says it is drawn. */
    public void clickPoint(int i) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) map().evaluate("(m, i) => m.screenPosition(i)", i);
        map().locator("canvas").click(new Locator.ClickOptions().setPosition(xy.get(0).doubleValue(),
                xy.get(1).doubleValue()));
    }
}
