package org.mnistlab.base.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import java.util.List;
import software.xdev.chartjs.model.charts.Chart;

/**
 * MNIST Lab's own small Chart.js add-on: a Vaadin component over the {@code <mnist-chart>} Lit element.
 * Give it a chart built with chartjs-java-model (or raw JSON), then stream points with {@link #appendData}.
 */
@Tag("mnist-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./chart/mnist-chart.ts")
public class ChartJs extends Component implements HasSize, HasStyle {

    public ChartJs() {
        setWidthFull();
        setHeight("300px");
    }

    public ChartJs(Chart<?, ?, ?> chart) {
        this();
        setChart(chart);
    }

    /** Replaces the whole chart. */
    public void setChart(Chart<?, ?, ?> chart) {
        setConfigJson(chart.toJson());
    }

    /** Replaces the whole chart with a Chart.js configuration in JSON. */
    public void setConfigJson(String json) {
        getElement().setProperty("config", json);
    }

    public String getConfigJson() {
        return getElement().getProperty("config", "");
    }

    /** Appends an x label and one value per dataset; null leaves a gap in that dataset. */
    public void appendData(String label, List<? extends Number> values) {
        getElement().callJsFunction("appendData", label, toJson(values));
    }

    /** Replaces a dataset's values, and the x labels when {@code labels} is not null. */
    public void setData(int datasetIndex, List<? extends Number> values, List<String> labels) {
        if (labels == null) {
            getElement().callJsFunction("setData", datasetIndex, toJson(values));
        } else {
            JsonArray l = Json.createArray();
            labels.forEach(s -> l.set(l.length(), s));
            getElement().callJsFunction("setData", datasetIndex, toJson(values), l);
        }
    }

    /** Sets a per-point style property (e.g. "pointRadius") of a dataset, to mark epochs. */
    public void setPointStyle(int datasetIndex, String key, List<? extends Number> values) {
        getElement().callJsFunction("setPointStyle", datasetIndex, key, toJson(values));
    }

    /** Fired when the user clicks a bar or point. */
    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    private static JsonArray toJson(List<? extends Number> values) {
        JsonArray array = Json.createArray();
        for (Number v : values) {
            if (v == null) {
                array.set(array.length(), Json.createNull());
            } else {
                array.set(array.length(), v.doubleValue());
            }
        }
        return array;
    }

    /** A click on a data element: which dataset and which index along the x axis. */
    @DomEvent("chart-click")
    public static class ChartClickEvent extends ComponentEvent<ChartJs> {
        private final int datasetIndex;
        private final int index;

        public ChartClickEvent(ChartJs source, boolean fromClient,
                               @EventData("event.detail.datasetIndex") int datasetIndex,
                               @EventData("event.detail.index") int index) {
            super(source, fromClient);
            this.datasetIndex = datasetIndex;
            this.index = index;
        }

        public int getDatasetIndex() {
            return datasetIndex;
        }

        public int getIndex() {
            return index;
        }
    }
}
