package org.mnistlab.insight.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.mnistlab.base.Roles;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.Split;
import org.mnistlab.dataset.ui.DatasetStatusPanel;
import org.mnistlab.dataset.ui.ExplorerView;
import org.mnistlab.insight.EmbeddingService;
import org.mnistlab.insight.EmbeddingSource;

/**
 * The explorer's map of a split's raw pixels ({@code /explore/mnist/test/map}): up to 10,000 samples placed by
 * PCA at once, or by t-SNE computed in the background; hover shows a sample, click opens it.
 */
@RolesAllowed(Roles.VIEWER)
@Route("explore/:" + EmbeddingMapView.DATASET + "/:" + EmbeddingMapView.SPLIT + "/map")
public class EmbeddingMapView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String DATASET = "dataset";
    static final String SPLIT = "split";

    private final DatasetService datasets;
    private final DatasetStatusPanel status;
    private final EmbeddingPanel panel;
    private final Div body = new Div();
    private String title = "Map · MNIST Lab";

    public EmbeddingMapView(DatasetService datasets, EmbeddingService embeddings, UiPushScheduler pushScheduler) {
        this.datasets = datasets;
        this.status = new DatasetStatusPanel(datasets, pushScheduler);
        this.panel = new EmbeddingPanel(embeddings, datasets, pushScheduler);
        setWidthFull();
        setMaxWidth("1400px");
        body.setWidthFull();
        add(status, body);
    }

    public static RouteParameters params(DatasetKind kind, Split split) {
        return new RouteParameters(Map.of(DATASET, kind.id(), SPLIT, split.id()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        DatasetKind kind;
        Split split;
        try {
            kind = DatasetKind.fromId(event.getRouteParameters().get(DATASET).orElse(""));
            split = Split.fromId(event.getRouteParameters().get(SPLIT).orElse(""));
        } catch (IllegalArgumentException e) {
            Paragraph problem = new Paragraph(e.getMessage());
            problem.setId("map-problem");
            body.add(problem);
            return;
        }
        title = kind.displayName() + " " + split.id() + " map · MNIST Lab";
        H2 heading = new H2(kind.displayName() + " " + split.id() + ": map of the raw pixels");
        heading.setId("map-title");
        heading.addClassName(LumoUtility.Margin.NONE);
        Anchor back = new Anchor(ExplorerView.location(kind, split, null, null), "Back to the explorer");
        body.add(heading, back, panel);
        status.await(kind, () -> panel.show(EmbeddingSource.pixels(kind, split)));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
