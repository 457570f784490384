package org.mnistlab.insight.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.mnistlab.base.ui.Format;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.insight.LayerActivation;
import org.mnistlab.insight.SampleInsight;
import org.mnistlab.insight.Saliency;

/**
 * Inside a model for one image: the saliency heat map for the predicted class (and for the true class of a
 * misclassified image) with how it was computed, then every conv layer's feature maps and the dense layers'
 * units as bars.
 */
public class SampleInsightPanel extends Div {

    static final int HEAT_PX = 140;
    static final int MAP_PX = 44;

    public SampleInsightPanel() {
        setId("sample-insight");
        setWidthFull();
    }

    public void showNothing(String message) {
        removeAll();
        Paragraph p = new Paragraph(message);
        p.addClassName(LumoUtility.TextColor.SECONDARY);
        add(p);
    }

    public void show(SampleInsight insight, DatasetKind kind) {
        removeAll();
        Div heat = new Div();
        heat.setId("saliency-maps");
        heat.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE);
        heat.add(saliency(insight, insight.predicted(), "Why " + kind.className(insight.predicted().predicted()) + "?",
                "saliency-predicted", kind));
        if (insight.trueClass() != null) {
            heat.add(saliency(insight, insight.trueClass(), "What speaks for "
                    + kind.className(insight.trueClass().classIndex()) + " (the true class)?", "saliency-true", kind));
        }
        Paragraph how = new Paragraph(Saliency.EXPLANATION);
        how.setId("saliency-explanation");
        how.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(heat, how);
        if (insight.layers().isEmpty()) {
            add(new Paragraph("This model has no hidden layers: the pixels go straight into the output layer."));
        }
        for (LayerActivation layer : insight.layers()) {
            add(layer.dense() ? bars(layer) : maps(layer));
        }
    }

    /** How many layers are shown (for tests). */
    public int layersShown() {
        return (int) getChildren().filter(c -> c.getElement().hasAttribute("data-layer")).count();
    }

    private static Div saliency(SampleInsight insight, Saliency s, String title, String id, DatasetKind kind) {
        Div box = new Div(new H4(title), InsightImages.image(s.png(insight.pixels(), 5), title, HEAT_PX),
                caption(kind.className(s.classIndex()) + ": " + Format.percent((double) s.probabilities()[s.classIndex()], 1)));
        box.setId(id);
        box.getElement().setAttribute("data-class", String.valueOf(s.classIndex()));
        return box;
    }

    private static Div maps(LayerActivation layer) {
        Div grid = new Div();
        grid.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        for (int c = 0; c < layer.channels(); c++) {
            grid.add(InsightImages.gray(layer.mapBytes(c), layer.height(), layer.name() + " map " + c, MAP_PX));
        }
        return section(layer, layer.name() + ": " + layer.channels() + " feature maps of " + layer.height() + "×"
                + layer.width() + " (after ReLU; dark = strong)", grid);
    }

    private static Div bars(LayerActivation layer) {
        float max = 1e-12f;
        for (float v : layer.values()) {
            max = Math.max(max, v);
        }
        Div chart = new Div();
        chart.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.END);
        chart.getStyle().set("height", "64px").set("gap", "1px").set("max-width", "100%")
                .set("border-bottom", "1px solid var(--lumo-contrast-30pct)");
        for (int u = 0; u < layer.values().length; u++) {
            float v = Math.max(0, layer.values()[u]);
            Span bar = new Span();
            bar.getStyle().set("flex", "1 1 0").set("min-width", "1px").set("max-width", "8px")
                    .set("height", Math.round(100 * v / max) + "%").set("background", "var(--lumo-primary-color)");
            bar.getElement().setAttribute("title", "unit " + u + ": " + Format.decimal((double) v, 3));
            chart.add(bar);
        }
        return section(layer, layer.name() + ": " + layer.channels() + " units", chart);
    }

    private static Div section(LayerActivation layer, String title, Div content) {
        Div section = new Div(new H4(title), content);
        section.getElement().setAttribute("data-layer", layer.name());
        section.getElement().setAttribute("data-channels", String.valueOf(layer.channels()));
        return section;
    }

    private static Span caption(String text) {
        Span span = new Span(text);
        span.addClassNames(LumoUtility.Display.BLOCK, LumoUtility.FontSize.SMALL);
        return span;
    }
}
