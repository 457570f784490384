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

    /** The row cell that links to a run's dashboard. */
    public Locator runLink(long runId) {
        return page.locator("#queue-grid a[href='runs/" + runId + "/live']");
    }

    public void cancel(long runId) {
        page.locator("#cancel-" + runId).click();
    }
}
