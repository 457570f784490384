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
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;

/**
 * A scrolling grid of sample thumbnails over a whole split (60,000 samples) without a component per sample:
 * a {@link VirtualList} of rows, fetched lazily as they scroll into view. Each row carries its samples'
 * bytes (base64) and {@code <mnist-digit>} draws them on a canvas in the browser, so a screen of thumbnails
 * costs one round trip and no image requests.
 */
@JsModule("./dataset/mnist-digit.ts")
public class SampleGrid extends Composite<VirtualList<SampleGrid.Row>> implements HasSize {

    /** Samples per row on a usual desktop; cells stretch between 48 and 76 px (see the theme's .sample). */
    public static final int DEFAULT_COLUMNS = 10;
    private static final int MIN_CELL_PX = 52;
    private static final int MAX_CELL_PX = 80;
    private static final int PADDING_PX = 14;
    /** The DOM event that tells the server the list's width in CSS pixels (see {@link #WATCH_WIDTH}). */
    static final String WIDTH_EVENT = "sample-grid-width";
    /**
     * Reports the list's width whenever it changes (window resize, side panel wrapping, the drawer opening),
     * including the first layout: before the element is defined and laid out it is 0 px wide.
     */
    private static final String WATCH_WIDTH = """
            if (!this.$widthObserver) {
              this.$widthObserver = new ResizeObserver(() => {
                clearTimeout(this.$widthTimer);
                this.$widthTimer = setTimeout(() => {
                  const width = Math.floor(this.getBoundingClientRect().width);
                  if (width > 0 && width !== this.$reportedWidth) {
                    this.$reportedWidth = width;
                    this.dispatchEvent(new CustomEvent('%s', { detail: width }));
                  }
                }, this.$reportedWidth ? 120 : 0); // the first at once, then one per pause while dragging
              });
              this.$widthObserver.observe(this);
            }""".formatted(WIDTH_EVENT);
    /** Rows sent along with the grid itself, before the browser asks: a first screen and a bit. */
    private static final int EAGER_ROWS = 16;

    /** One row of the grid: positions {@code from} (inclusive) to {@code to} (exclusive) in the shown indices. */
    public record Row(int row, int from, int to) {
    }

    private LabeledImages samples;
    private int[] indices = new int[0];
    private int columns = DEFAULT_COLUMNS;
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
        list.getElement().addEventListener(WIDTH_EVENT, e -> fitToWidth((int) e.getEventData().getNumber("event.detail")))
                .addEventData("event.detail");
        addAttachListener(e -> list.getElement().executeJs(WATCH_WIDTH));
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

    /**
     * Fits the columns to the grid's width in CSS pixels: {@link #DEFAULT_COLUMNS} as long as the cells can
     * stretch to fill it, more or fewer on very wide or narrow screens (regrouping costs a data reload).
     */
    public void fitToWidth(int widthPx) {
        int inner = widthPx - PADDING_PX;
        if (inner < DEFAULT_COLUMNS * MIN_CELL_PX) {
            setColumns(Math.max(3, inner / MIN_CELL_PX));
        } else if (inner > DEFAULT_COLUMNS * MAX_CELL_PX) {
            setColumns(inner / MAX_CELL_PX);
        } else {
            setColumns(DEFAULT_COLUMNS);
        }
    }

    /** Samples per row. */
    public void setColumns(int columns) {
        if (columns != this.columns) {
            this.columns = Math.max(1, columns);
            refresh();
            if (highlighted >= 0) {
                scrollToSample(highlighted); // its row number changed
            }
        }
    }

    public int getColumns() {
        return columns;
    }

    public int rowCount() {
        return (indices.length + columns - 1) / columns;
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
        int row = pos / columns;
        getContent().getDataCommunicator().setViewportRange(Math.max(0, row - 2), EAGER_ROWS);
        getContent().scrollToIndex(row);
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
        int from = row * columns;
        return new Row(row, from, Math.min(indices.length, from + columns));
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
