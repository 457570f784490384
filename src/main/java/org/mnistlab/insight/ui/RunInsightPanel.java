package org.mnistlab.insight.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.insight.EmbeddingService;
import org.mnistlab.insight.EmbeddingSource;
import org.mnistlab.insight.ModelInsight;
import org.mnistlab.training.NetworkInput;

/**
 * A finished run's model from inside, on its detail page: the first-layer filters, the map of what its
 * penultimate layer makes of the test set (on request: 10,000 images through the model), and, for a test
 * image the page asks about, saliency and activations in a dialog.
 */
public class RunInsightPanel extends Div {

    private final long runId;
    private final DatasetKind kind;
    private final ModelInsight models;
    private final DatasetService datasets;
    private final EmbeddingPanel embedding;
    private final Button mapButton = new Button("Map the test set's learned features");

    public RunInsightPanel(long runId, DatasetKind kind, ModelInsight models, EmbeddingService embeddings,
                           DatasetService datasets, UiPushScheduler pushScheduler) {
        this.runId = runId;
        this.kind = kind;
        this.models = models;
        this.datasets = datasets;
        this.embedding = new EmbeddingPanel(embeddings, datasets, pushScheduler);
        setId("run-insight");
        setWidthFull();
        add(new FiltersPanel(models.filters(runId)));
        Paragraph about = new Paragraph("Each test image placed by what the layer before the output makes of it:"
                + " classes the model separates well form their own islands; ringed points are misclassified."
                + " Hover for the image, click to open it.");
        about.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        mapButton.setId("learned-map-button");
        mapButton.addClickListener(e -> {
            mapButton.setVisible(false);
            embedding.setVisible(true);
            embedding.show(EmbeddingSource.features(runId, kind));
        });
        embedding.setVisible(false);
        H3 title = new H3("Map of the learned features");
        title.setId("learned-map");
        add(title, about, mapButton, embedding);
    }

    /** Opens saliency and activations of test image {@code testIndex} in a dialog. */
    public void explain(int testIndex) {
        LabeledImages test = datasets.samples(kind, Split.TEST);
        int label = test.label(testIndex);
        SampleInsightPanel panel = new SampleInsightPanel();
        models.explain(runId, NetworkInput.of(test.image(testIndex)), label).ifPresentOrElse(
                insight -> panel.show(insight, kind),
                () -> panel.showNothing("This run has no model file, so it cannot be looked into."));
        Dialog dialog = new Dialog();
        dialog.setId("sample-insight-dialog");
        dialog.setHeaderTitle("Test image #" + testIndex + " (" + kind.className(label) + ") inside run #" + runId);
        dialog.add(panel);
        dialog.setWidth("min(1100px, 95vw)");
        Button close = new Button("Close", e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    EmbeddingPanel embedding() {
        return embedding;
    }
}
