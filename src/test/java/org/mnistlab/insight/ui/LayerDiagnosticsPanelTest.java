package org.mnistlab.insight.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.insight.LayerDiagnosticsStore;
import org.mnistlab.training.LayerDiagnostics;
import org.mnistlab.training.LayerStats;
import org.mnistlab.training.RunPreset;
import org.mnistlab.training.RunRecord;
import org.springframework.beans.factory.annotation.Autowired;

/** The layer diagnostics of a real run: drawn live while it trains, stored, and shown on its detail page. */
class LayerDiagnosticsPanelTest extends SpringAppTest {

    @Autowired
    LayerDiagnosticsStore diagnostics;

    private static String chart(String id) {
        return _get(ChartJs.class, spec -> spec.withId(id)).getConfigJson();
    }

    @Test
    void the_charts_fill_while_a_small_run_trains_and_stay_on_its_detail_page() {
        RunRecord run = queue.submit(RunPreset.SIMPLE_CNN.config(DatasetKind.MNIST).toBuilder().trainSubset(640)
                .validationFraction(0.02).epochs(2).name("diagnosed").build());
        UI.getCurrent().navigate("runs/" + run.id() + "/live");
        LayerDiagnosticsPanel panel = _get(LayerDiagnosticsPanel.class);
        assertThat(panel.epochsShown()).isLessThan(2);

        awaitUi(Duration.ofMinutes(3), () -> panel.epochsShown() == 2);

        String ratio = chart("layer-ratio-chart");
        assertThat(ratio).contains("\"logarithmic\"").contains("1e-3 guide").contains("conv1");
        assertThat(chart("layer-activation-chart")).contains("conv1");
        assertThat(_get(Grid.class, spec -> spec.withId("layer-diagnostics-table")).getGenericDataView()
                .getItems().count()).as("one row per layer").isGreaterThanOrEqualTo(3);

        runs.awaitEnd(run.id());
        List<LayerDiagnostics> stored = diagnostics.forRun(run.id());
        assertThat(stored).extracting(LayerDiagnostics::epoch).containsExactly(1, 2);
        for (LayerStats layer : stored.get(1).layers()) {
            if (layer.trainable()) {
                assertThat(layer.updateRatio()).as(layer.name()).isBetween(1e-7, 1.0);
                assertThat(layer.gradientStd()).as(layer.name()).isPositive();
            }
        }
        UI.getCurrent().navigate("runs/" + run.id());
        assertThat(_get(LayerDiagnosticsPanel.class).epochsShown()).isEqualTo(2);
    }
}
