package org.mnistlab.runs.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.LayerSummary;
import org.mnistlab.training.ModelSummary;

/** The layer table of the configured network: name, type, output shape, parameters, and the total. */
class ModelSummaryPanel extends Composite<VerticalLayout> {

    private final Grid<LayerSummary> layers = new Grid<>();
    private final Span total = new Span();
    private final Span message = new Span();

    ModelSummaryPanel() {
        layers.setId("layer-table");
        layers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        layers.addColumn(LayerSummary::name).setHeader("Layer").setAutoWidth(true);
        layers.addColumn(LayerSummary::type).setHeader("Type").setAutoWidth(true);
        layers.addColumn(LayerSummary::outputShape).setHeader("Output").setAutoWidth(true);
        layers.addColumn(l -> Format.count(l.parameters())).setHeader("Parameters")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        layers.setAllRowsVisible(true);
        total.setId("parameter-total");
        total.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        message.setId("summary-message");
        message.addClassNames(LumoUtility.TextColor.SECONDARY);
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(new H3("Layers"), layers, total, message);
    }

    void show(ModelSummary summary) {
        layers.setItems(summary.layers());
        layers.setVisible(true);
        total.setText("Total: " + Format.count(summary.totalParameters()) + " trainable parameters");
        message.setText("");
    }

    /** Replaces the table with a sentence (the model cannot be built as configured). */
    void showMessage(String text) {
        layers.setItems(List.of());
        layers.setVisible(false);
        total.setText("");
        message.setText(text);
    }
}
