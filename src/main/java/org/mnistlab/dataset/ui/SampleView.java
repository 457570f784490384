package org.mnistlab.dataset.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mnistlab.base.ui.CopyLinkButton;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import org.mnistlab.base.ui.LabIcon;

/**
 * One sample up close, with a deep link ({@code /explore/mnist/train/1234}): the enlarged image, its 28×28
 * pixel values as a heat map, label, split and index, the mean image of its class, and previous/next
 * (also with the arrow keys). With {@code ?label=3} previous/next stay within that class, as in the grid.
 */
@RolesAllowed(Roles.VIEWER)
@Route("explore/:" + SampleView.DATASET + "/:" + SampleView.SPLIT + "/:" + SampleView.INDEX)
public class SampleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String DATASET = "dataset";
    static final String SPLIT = "split";
    static final String INDEX = "index";
    private static final String LABEL = "label";

    private final DatasetService datasets;
    private final DatasetStatusPanel status;
    private final Div body = new Div();
    private String title = "Sample · MNIST Lab";

    private DatasetKind kind;
    private Split split;
    private int index;
    private Integer labelFilter;

    public SampleView(DatasetService datasets, UiPushScheduler pushScheduler) {
        this.datasets = datasets;
        this.status = new DatasetStatusPanel(datasets, pushScheduler);
        addClassName("sample-view");
        body.setWidthFull();
        add(status, body);
        Shortcuts.addShortcutListener(this, () -> step(-1), Key.ARROW_LEFT);
        Shortcuts.addShortcutListener(this, () -> step(1), Key.ARROW_RIGHT);
    }

    /** The route parameters of a sample's deep link, e.g. {@code explore/mnist/train/1234}. */
    public static RouteParameters params(DatasetKind kind, Split split, int index) {
        return new RouteParameters(Map.of(DATASET, kind.id(), SPLIT, split.id(), INDEX, String.valueOf(index)));
    }

    /** {@code ?label=3} keeps previous/next within that class; null for all classes. */
    public static QueryParameters filter(Integer label) {
        return label == null ? QueryParameters.empty() : QueryParameters.of(LABEL, String.valueOf(label));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        body.removeAll();
        kind = null;
        String d = event.getRouteParameters().get(DATASET).orElse("");
        String s = event.getRouteParameters().get(SPLIT).orElse("");
        String i = event.getRouteParameters().get(INDEX).orElse("");
        List<String> labelParam = event.getLocation().getQueryParameters().getParameters().get(LABEL);
        try {
            DatasetKind k = DatasetKind.fromId(d);
            Split sp = Split.fromId(s);
            int idx;
            try {
                idx = Integer.parseInt(i);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + i + "' is not a sample number");
            }
            Integer filter = null;
            if (labelParam != null && !labelParam.isEmpty()) {
                filter = Integer.valueOf(labelParam.get(0));
                if (filter < 0 || filter > 9) {
                    filter = null;
                }
            }
            kind = k;
            split = sp;
            index = idx;
            labelFilter = filter;
        } catch (IllegalArgumentException e) {
            showProblem(e.getMessage());
            return;
        }
        title = kind.displayName() + " " + split.id() + " #" + index + " · MNIST Lab";
        status.await(kind, this::render); // the panel drops the answer for a dataset the user has left
    }

    private void render() {
        LabeledImages samples = datasets.samples(kind, split);
        if (index < 0 || index >= samples.size()) {
            showProblem("There is no sample #" + index + ": " + kind.displayName() + " " + split.id() + " has "
                    + Format.count(samples.size()) + " samples (0 to " + Format.count(samples.size() - 1) + ").");
            return;
        }
        int label = samples.label(index);
        byte[] pixels = samples.image(index);

        H2 heading = new H2("Sample #" + index);
        heading.setId("sample-title");
        heading.addClassName(LumoUtility.Margin.NONE);
        Span labelValue = new Span(String.valueOf(label));
        labelValue.setId("sample-label");
        Span labelBadge = badge("label-badge", "Label ", "badge success");
        labelBadge.getStyle().set("display", "inline-block"); // Lumo's inline-flex would eat the spaces
        labelBadge.add(labelValue);
        if (kind != DatasetKind.MNIST) {
            labelBadge.add(new Span(" · " + kind.className(label)));
        }
        Span datasetBadge = badge("dataset-badge", kind.displayName(), "badge contrast");
        Span splitBadge = badge("split-badge", split.id(), "badge");
        HorizontalLayout header = new HorizontalLayout(heading, labelBadge, datasetBadge, splitBadge);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassName(LumoUtility.FlexWrap.WRAP);

        int[] order = samples.indicesOf(labelFilter == null ? -1 : labelFilter);
        int pos = Arrays.binarySearch(order, index);
        Button prev = new Button("Previous", LabIcon.Name.ARROW_LEFT.create(), e -> step(-1));
        prev.setId("prev-sample");
        prev.setEnabled(pos != 0 && order.length > 0 && order[0] < index);
        Button next = new Button("Next", LabIcon.Name.ARROW_RIGHT.create(), e -> step(1));
        next.setId("next-sample");
        next.setIconAfterText(true);
        next.setEnabled(order.length > 0 && order[order.length - 1] > index);
        Anchor back = new Anchor(explorerLink(), "Back to the grid");
        back.setId("back-to-grid");
        Span position = new Span(pos >= 0
                ? Format.count(pos + 1) + " of " + Format.count(order.length)
                        + (labelFilter == null ? "" : " with label " + kind.className(labelFilter))
                : "not a " + kind.className(labelFilter) + ": previous/next go to the nearest " + kind.className(labelFilter));
        position.addClassName("sample-position");
        HorizontalLayout nav = new HorizontalLayout(back, prev, next, position, new CopyLinkButton());
        nav.addClassName(LumoUtility.FlexWrap.WRAP);
        nav.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        DigitImage large = new DigitImage(pixels, kind.id() + "-" + split.id() + "-" + index, 280);
        large.setId("sample-image");
        DigitImage mean = new DigitImage(datasets.classMeans(kind, split)[label],
                kind.id() + "-" + split.id() + "-mean-" + label, 112);
        Span meanCaption = new Span("Mean of all " + kind.className(label) + " (" + split.id() + ")");
        meanCaption.addClassName("class-mean-caption");
        int ink = 0;
        for (byte p : pixels) {
            if (p != 0) {
                ink++;
            }
        }
        Span stats = new Span(ink + " of 784 pixels have ink");
        stats.addClassName("class-mean-caption");
        VerticalLayout left = new VerticalLayout(large, stats, mean, meanCaption);
        left.setPadding(false);
        left.setWidth("auto");

        HorizontalLayout views = new HorizontalLayout(left, new PixelHeatMap(pixels));
        views.addClassName(LumoUtility.FlexWrap.WRAP);

        body.add(header, nav, views);
        body.getChildren().forEach(c -> c.getElement().getClassList().add(LumoUtility.Margin.Bottom.MEDIUM));
    }

    private void step(int direction) {
        if (kind == null || !datasets.isLoaded(kind)) {
            return;
        }
        LabeledImages samples = datasets.samples(kind, split);
        int i = index + direction;
        while (i >= 0 && i < samples.size() && labelFilter != null && samples.label(i) != labelFilter) {
            i += direction;
        }
        if (i >= 0 && i < samples.size()) {
            RouteParameters target = params(kind, split, i);
            getUI().ifPresent(ui -> ui.navigate(SampleView.class, target, filter(labelFilter)));
        }
    }

    private String explorerLink() {
        return ExplorerView.location(kind, split, labelFilter, index);
    }

    private void showProblem(String message) {
        Span problem = new Span(message);
        problem.setId("sample-error");
        RouterLink back = new RouterLink("Back to the explorer", ExplorerView.class);
        body.add(new Div(problem), back);
        title = "No such sample · MNIST Lab";
    }

    private static Span badge(String id, String text, String theme) {
        Span badge = new Span(text);
        badge.setId(id);
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
