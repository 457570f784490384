package org.mnistlab.sweeps.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.sweeps.Trial;

/**
 * The sweep page's parallel-coordinates chart over the {@code <parallel-coordinates>} element: an axis per swept
 * setting (log-scaled for log ranges) plus the best validation accuracy, a line per measured trial. Brushing an
 * axis in the browser raises a {@link SelectionEvent} with the trial numbers still selected.
 */
@Tag("parallel-coordinates")
@JsModule("./sweeps/parallel-coordinates.ts")
public class ParallelCoordinates extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String METRIC = "Best val acc";

    public ParallelCoordinates() {
        setWidthFull();
    }

    /** Draws the trials that have a metric; trials without one have no line. */
    public void setTrials(List<SweptSetting> swept, List<Trial> trials) {
        List<Map<String, Object>> axes = new ArrayList<>();
        for (int i = 0; i < swept.size(); i++) {
            int index = i;
            var range = trials.stream().mapToDouble(t -> t.values().get(index).doubleValue()).summaryStatistics();
            axes.add(Map.of("label", swept.get(i).setting().label(), "log", swept.get(i).kind() == SweptSetting.Kind.LOG,
                    "min", trials.isEmpty() ? 0 : range.getMin(), "max", trials.isEmpty() ? 1 : range.getMax()));
        }
        List<Trial> measured = trials.stream().filter(t -> SweepCharts.metric(t) != null).toList();
        var metrics = measured.stream().mapToDouble(SweepCharts::metric).summaryStatistics();
        axes.add(Map.of("label", METRIC, "log", false, "min", measured.isEmpty() ? 0 : metrics.getMin(),
                "max", measured.isEmpty() ? 1 : metrics.getMax()));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Trial t : measured) {
            List<Double> values = new ArrayList<>(t.values().stream().map(Number::doubleValue).toList());
            values.add(SweepCharts.metric(t));
            lines.add(Map.of("id", t.number(), "values", values, "metric", SweepCharts.metric(t)));
        }
        try {
            getElement().setProperty("data", JSON.writeValueAsString(Map.of("axes", axes, "lines", lines)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the parallel coordinates", e);
        }
    }

    public Registration addSelectionListener(ComponentEventListener<SelectionEvent> listener) {
        return addListener(SelectionEvent.class, listener);
    }

    /** The brushed ranges changed: which trials (by number) remain, or none filtered when no range is set. */
    @DomEvent("selection-changed")
    public static class SelectionEvent extends ComponentEvent<ParallelCoordinates> {
        private final boolean filtered;
        private final Set<Integer> trials;

        public SelectionEvent(ParallelCoordinates source, boolean fromClient,
                              @EventData("event.detail.filtered") boolean filtered,
                              @EventData("event.detail.ids") String ids) {
            super(source, fromClient);
            this.filtered = filtered;
            this.trials = ids == null || ids.isBlank() ? Set.of() : Arrays.stream(ids.split(","))
                    .map(String::trim).map(Integer::valueOf).collect(Collectors.toUnmodifiableSet());
        }

        /** The selected trial numbers; empty when nothing is filtered. */
        public Optional<Set<Integer>> selection() {
            return filtered ? Optional.of(trials) : Optional.empty();
        }
    }
}
