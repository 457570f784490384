package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;

/**
 * A scrolling grid of sample thumbnails over a whole split (60,000 samples) without a component per sample:
 * a {@link VirtualList} of rows, fetched lazily as they scroll into view. Each row carries its samples'
 * bytes (base64) and {@code <mnist-digit>} turns them into an image in the browser, so a screen of thumbnails
 * costs one round trip and no image requests.
 * <p>
 * A row holds {@link #SAMPLES_PER_ROW} samples and the theme's CSS (container queries on the list's width)
 * lays them out in 10, 5 or 2 columns, whichever fits at a readable size, so every line is full: the grid
 * reflows from a phone to a desktop without a round trip or a data reload. Rows stay small because the
 * list's connector fetches 20 rows beyond the visible ones on each side.
 */
@JsModule("./dataset/mnist-digit.ts")
public class SampleGrid extends Composite<VirtualList<SampleGrid.Row>> implements HasSize {

    /** Samples per list item, shown in 10, 5 or 2 columns (see styles.css). */
    public static final int SAMPLES_PER_ROW = 10;
    /**
     * Rows sent along with the grid itself, before the browser asks: a first screen at 1400×900 (the list asks
     * for the rows beyond it once drawn). 16 rows made the in-app explorer wait for twice the rows it shows
     * (side by side: 402 / 306 ms with 16, 300 / 260 ms with 8; README, "December 4, night").
     */
    private static final int EAGER_ROWS = 8;
    /**
     * After scrolling to a row: brings the marked sample itself into view, which is a line below the row's
     * top when the row wraps on a phone. Waits a few frames for the row to be rendered.
     */
    private static final String SCROLL_TO_CURRENT = """
            let frames = 0;
            const reveal = () => {
              const current = this.querySelector('.sample.current');
              if (current) current.scrollIntoView({ block: 'nearest' });
              else if (frames++ < 60) requestAnimationFrame(reveal);
            };
            requestAnimationFrame(reveal);""";

    /** One row of the grid: positions {@code from} (inclusive) to {@code to} (exclusive) in the shown indices. */
    public record Row(int row, int from, int to) {
    }

    private LabeledImages samples;
    private int[] indices = new int[0];
    private int highlighted = -1;

    /** Draws a row; {@code open(index)} is called from the browser when a thumbnail is clicked. */
    final LitRenderer<Row> renderer = LitRenderer.<Row>of("""
                <div class="sample-row">${(item.cells || []).map(c => html`<div class="${c.h ? 'sample current' : 'sample'}" \
                data-index="${c.i}" title="#${c.i}: ${c.n}" @click=${() => open(c.i)}>\
                <mnist-digit .pixels=${c.p}></mnist-digit>\
                <span class="sample-index">#${c.i}</span><span class="sample-label">${c.n}</span></div>`)}</div>""")
                .withProperty("cells", this::cells)
                .withFunction("open", (row, args) -> fireEvent(new SampleClickEvent(this, (int) args.getNumber(0))));

    public SampleGrid() {
        VirtualList<Row> list = getContent();
        list.addClassName("sample-grid");
        list.setRenderer(renderer);
    }

    /**
     * Shows these samples of a split, in the given order.
     *
     * @param indices positions in {@code samples} to show, ascending (e.g. all samples of one label)
     */
    public void show(LabeledImages samples, int[] indices) {
        this.samples = samples;
        this.indices = indices;
        this.highlighted = -1;
        refresh();
    }

    public int rowCount() {
        return (indices.length + SAMPLES_PER_ROW - 1) / SAMPLES_PER_ROW;
    }

    /** The rows currently shown (the summary line counts them). */
    public Stream<Row> rows() {
        return IntStream.range(0, rowCount()).mapToObj(this::row);
    }

    /** The sample positions of one row. */
    public int[] indicesOf(Row row) {
        return Arrays.copyOfRange(indices, row.from(), row.to());
    }

    /**
     * Scrolls so the given sample is in view and marks it.
     *
     * @return false when the sample is not among the shown ones (e.g. filtered out)
     */
    public boolean scrollToSample(int sampleIndex) {
        int pos = Arrays.binarySearch(indices, sampleIndex);
        if (pos < 0) {
            return false;
        }
        highlighted = sampleIndex;
        getContent().getDataProvider().refreshAll();
        int row = pos / SAMPLES_PER_ROW;
        getContent().getDataCommunicator().setViewportRange(Math.max(0, row - 2), EAGER_ROWS);
        getContent().scrollToIndex(row);
        getContent().getElement().executeJs(SCROLL_TO_CURRENT);
        return true;
    }

    public Registration addSampleClickListener(ComponentEventListener<SampleClickEvent> listener) {
        return addListener(SampleClickEvent.class, listener);
    }

    private void refresh() {
        getContent().setDataProvider(new CallbackDataProvider<>(
                query -> IntStream.range(query.getOffset(), Math.min(rowCount(), query.getOffset() + query.getLimit()))
                        .mapToObj(this::row),
                query -> rowCount(),
                Row::row));
        // Send the first rows with this response instead of waiting for the browser to ask for them.
        getContent().getDataCommunicator().setViewportRange(0, EAGER_ROWS);
    }

    private Row row(int row) {
        int from = row * SAMPLES_PER_ROW;
        return new Row(row, from, Math.min(indices.length, from + SAMPLES_PER_ROW));
    }

    private JsonArray cells(Row row) {
        JsonArray cells = Json.createArray();
        Base64.Encoder base64 = Base64.getEncoder();
        DatasetKind kind = samples.kind();
        for (int pos = row.from(); pos < row.to(); pos++) {
            int index = indices[pos];
            JsonObject cell = Json.createObject();
            cell.put("i", index);
            cell.put("n", kind.className(samples.label(index)));
            cell.put("p", base64.encodeToString(samples.image(index)));
            if (index == highlighted) {
                cell.put("h", true);
            }
            cells.set(cells.length(), cell);
        }
        return cells;
    }

    /**
     * The grid's first rows as plain HTML for a page's first screen: the same rows, classes and layout as
     * the list draws, each thumbnail a PNG {@code img} (no script needed to show it).
     */
    Element firstScreen(int rows) {
        Element grid = new Element("div").addClass("sample-grid");
        DatasetKind kind = samples.kind();
        for (int r = 0; r < Math.min(rows, rowCount()); r++) {
            Element line = grid.appendElement("div").addClass("sample-row");
            for (int index : indicesOf(row(r))) {
                String name = kind.className(samples.label(index));
                Element cell = line.appendElement("div").addClass("sample").attr("data-index", String.valueOf(index))
                        .attr("title", "#" + index + ": " + name);
                // elementtiming: the browser reports when each was painted (PageSpeedBenchmarkIT reads it)
                cell.appendElement("img").addClass("digit").attr("alt", "").attr("elementtiming", "first-screen")
                        .attr("src", DigitImage.dataUrl(samples.image(index)));
                cell.appendElement("span").addClass("sample-index").text("#" + index);
                cell.appendElement("span").addClass("sample-label").text(name);
            }
        }
        return grid;
    }

    /** The user clicked a thumbnail. */
    public static class SampleClickEvent extends ComponentEvent<SampleGrid> {
        private final int sampleIndex;

        public SampleClickEvent(SampleGrid source, int sampleIndex) {
            super(source, true);
            this.sampleIndex = sampleIndex;
        }

        public int getSampleIndex() {
            return sampleIndex;
        }
    }
}
