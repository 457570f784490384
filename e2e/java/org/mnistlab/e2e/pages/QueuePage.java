package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The queue at /queue: queued and running runs with cancel buttons. */
public class QueuePage {

    private final Page page;
    private final String baseUrl;

    public QueuePage(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
    }

    public QueuePage open() {
        page.navigate(baseUrl + "/queue");
        assertThat(page.locator("h2")).hasText("Queue");
        return this;
    }

    public Locator grid() {
        return page.locator("#queue-grid");
    }

    /** The visible row link to a run's dashboard (the grid keeps removed rows' elements, hidden, for reuse). */
    public Locator runLink(long runId) {
        return page.locator("#queue-grid a[href='runs/" + runId + "/live']")
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    public void cancel(long runId) {
        page.locator("#cancel-" + runId).click();
    }
}
