package org.mnistlab.e2e.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The runs grid at /runs: search, find rows, select them, compare. */
public class RunsPage {

    private final Page page;

    public RunsPage(Page page) {
        this.page = page;
    }

    public RunsPage open(String baseUrl) {
        page.navigate(baseUrl + "/runs");
        page.waitForSelector("#runs-grid");
        return this;
    }

    /**
     * Types into the search field and waits until the server applied it (the address carries it) and the grid
     * has fetched the filtered rows: rows ticked before that would be re-keyed and their selection lost.
     */
    public RunsPage search(String text) {
        page.locator("#filter-search input").fill(text);
        page.waitForFunction("text => new URLSearchParams(location.search).get('q') === text", text);
        assertThat(page.locator("#runs-grid:not([loading])")).hasCount(1);
        return this;
    }

    public Locator runLink(String name) {
        return page.locator("#runs-grid a.run-link:visible").filter(new Locator.FilterOptions().setHasText(name));
    }

    public Locator runLinks() {
        return page.locator("#runs-grid a.run-link:visible");
    }

    public RunsPage waitForRun(String name) {
        assertThat(runLink(name)).isVisible();
        return this;
    }

    public void openRun(String name) {
        runLink(name).click();
        page.waitForSelector("#run-name");
    }

    /** Ticks the selection checkbox of the row whose name is {@code name}. */
    public RunsPage select(String name) {
        ElementHandle checkbox = page.evaluateHandle("""
                name => {
                  const grid = document.querySelector('#runs-grid');
                  for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr:not([hidden])')) {
                    const cells = [...tr.querySelectorAll('slot')].map(s => s.assignedElements()[0]).filter(Boolean);
                    if (cells.some(c => c.textContent.trim() === name)) {
                      return cells[0].querySelector('vaadin-checkbox');
                    }
                  }
                  return null;
                }""", name).asElement();
        if (checkbox == null) {
            throw new AssertionError("No row named " + name + " in the runs grid");
        }
        checkbox.click();
        return this;
    }

    public void compare() {
        Locator button = page.locator("#compare-button");
        assertThat(button).isEnabled();
        button.click();
        page.waitForSelector("#compare-summary");
    }
}
