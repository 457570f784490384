package org.mnistlab.dataset.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jsoup.nodes.Element;
import org.mnistlab.base.ui.AfterFirstPaint;
import org.mnistlab.base.ui.FirstScreen;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.HasFirstScreen;
import org.mnistlab.base.ui.Links;
import org.mnistlab.base.ui.Notifications;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.options.BarOptions;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.AbstractCartesianScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;

/**
 * The landing page: browse every sample of a dataset split as thumbnails, filter by label, jump to a
 * sample, and see the class distribution and the mean image of each class. The selection lives in the
 * URL ({@code /explore?dataset=fashion-mnist&split=test&label=3}) so it can be bookmarked and shared.
 */
@RolesAllowed(Roles.VIEWER)
@Route("explore")
@RouteAlias("")
@PageTitle("Explore · MNIST Lab")
@Menu(order = 0, title = "Explore", icon = "lab:grid-small")
public class ExplorerView extends VerticalLayout implements BeforeEnterObserver, HasFirstScreen {

    /**
     * Rows of thumbnails in the first screen: a desktop window up to ~950 px tall (8 × 10 samples). Each row
     * adds ~6 KB of PNGs to the page for the browser to parse before Vaadin's client starts.
     */
    static final int FIRST_SCREEN_ROWS = 8;

    private final DatasetService datasets;
    private final RadioButtonGroup<DatasetKind> datasetChoice = new RadioButtonGroup<>("Dataset");
    private final RadioButtonGroup<Split> splitChoice = new RadioButtonGroup<>("Split");
    private final Select<Integer> labelChoice = new Select<>();
    private final IntegerField goTo = new IntegerField("Go to sample #");
    private final Span summary = new Span();
    private final DatasetStatusPanel status;
    private final SampleGrid grid = new SampleGrid();
    private final ChartJs distribution = new ChartJs();
    private final H3 meansTitle = new H3();
    /** The split's 2-D map (insight.ui, which depends on this package: linked by its address). */
    private final Anchor mapLink = new Anchor("", "Map of these samples (PCA, t-SNE)");
    private final ClassMeanImages means = new ClassMeanImages();
    /** The class charts beside the grid. */
    private final Div side = new Div();
    private final HorizontalLayout content;

    private DatasetKind kind = DatasetKind.MNIST;
    private Split split = Split.TRAIN;
    private Integer label;
    private Integer scrollTarget;
    private boolean updatingFields;

    public ExplorerView(DatasetService datasets, UiPushScheduler pushScheduler) {
        this.datasets = datasets;
        this.status = new DatasetStatusPanel(datasets, pushScheduler);
        setSizeFull();
        addClassName("explorer-view");

        datasetChoice.setId("dataset-choice");
        datasetChoice.setItems(DatasetKind.values());
        datasetChoice.setItemLabelGenerator(DatasetKind::displayName);
        datasetChoice.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
        splitChoice.setId("split-choice");
        splitChoice.setItems(Split.values());
        splitChoice.setItemLabelGenerator(s -> s == Split.TRAIN ? "train" : "test");
        labelChoice.setId("label-choice");
        labelChoice.setLabel("Label");
        labelChoice.setEmptySelectionAllowed(true);
        labelChoice.setEmptySelectionCaption("All classes");
        labelChoice.setItems(IntStream.range(0, 10).boxed().toList());
        labelChoice.setWidth("13em");
        goTo.setId("go-to-sample");
        goTo.setMin(0);
        goTo.setPlaceholder("e.g. 50000");
        goTo.setClearButtonVisible(true);
        goTo.setWidth("11em");
        goTo.addKeyPressListener(Key.ENTER, e -> jumpTo(goTo.getValue()));
        summary.setId("explorer-summary");
        summary.addClassName("explorer-summary");

        datasetChoice.addValueChangeListener(e -> {
            if (!updatingFields && e.getValue() != null) {
                kind = e.getValue();
                label = null;
                scrollTarget = null;
                refresh();
            }
        });
        splitChoice.addValueChangeListener(e -> {
            if (!updatingFields && e.getValue() != null) {
                split = e.getValue();
                scrollTarget = null;
                refresh();
            }
        });
        labelChoice.addValueChangeListener(e -> {
            if (!updatingFields) {
                label = e.getValue();
                scrollTarget = null;
                refresh();
            }
        });

        HorizontalLayout toolbar = new HorizontalLayout(datasetChoice, splitChoice, labelChoice, goTo, summary);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        toolbar.setWidthFull();
        toolbar.addClassName(LumoUtility.FlexWrap.WRAP);

        grid.setId("sample-grid");
        grid.setHeightFull();
        grid.addSampleClickListener(e -> openSample(e.getSampleIndex()));

        distribution.setId("distribution-chart");
        distribution.setHeight("260px");
        means.addClassClickListener(e -> labelChoice.setValue(e.getLabel()));
        mapLink.setId("map-link");
        side.add(new H3("Class distribution"), distribution, mapLink, meansTitle, means);
        side.addClassName("explorer-side");

        content = new HorizontalLayout(grid, side);
        content.setWidthFull();
        content.setFlexGrow(1, grid);
        content.addClassNames(LumoUtility.MinHeight.NONE, "explorer-content"); // the side goes below on narrow screens

        add(toolbar, status, content);
        setFlexGrow(1, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        List<String> problems = new ArrayList<>();
        kind = parse(params, "dataset", DatasetKind.MNIST, DatasetKind::fromId, problems);
        split = parse(params, "split", Split.TRAIN, Split::fromId, problems);
        label = parse(params, "label", null, ExplorerView::parseLabel, problems);
        scrollTarget = parse(params, "at", null, Integer::valueOf, problems);
        if (!problems.isEmpty()) {
            Notifications.error(String.join("\n", problems));
        }
        // The URL came from the user; "/" is rewritten to the explorer's own address, so links and menu agree.
        refresh(event.getLocation().getPath().isEmpty());
    }

    private static <T> T parse(Map<String, List<String>> params, String name, T fallback,
                               Function<String, T> parser, List<String> problems) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(values.get(0));
        } catch (IllegalArgumentException e) {
            problems.add(e instanceof NumberFormatException
                    ? "Ignoring " + name + "=" + values.get(0) + ": not a number" : e.getMessage());
            return fallback;
        }
    }

    private static Integer parseLabel(String value) {
        int l = Integer.parseInt(value);
        if (l < 0 || l > 9) {
            throw new IllegalArgumentException("Ignoring label=" + value + ": labels are 0–9");
        }
        return l;
    }

    private void refresh() {
        refresh(true);
    }

    /** Shows the current selection: at once when the dataset is in memory, after loading otherwise. */
    private void refresh(boolean updateUrl) {
        updatingFields = true;
        try {
            datasetChoice.setValue(kind);
            splitChoice.setValue(split);
            labelChoice.setItemLabelGenerator(l -> l == null ? "All classes"
                    : kind == DatasetKind.MNIST ? String.valueOf(l) : l + " · " + kind.className(l));
            labelChoice.setValue(label);
        } finally {
            updatingFields = false;
        }
        if (updateUrl) {
            updateUrl(); // the URL came from the user otherwise
        }
        content.setVisible(false);
        summary.setText("");
        status.await(kind, this::render); // the panel drops the answer for a dataset the user has left
    }

    /** Counts render() calls, so a side panel built for a selection the user has already left is dropped. */
    private int renders;
    /** The dataset and split the side charts show ("mnist/train"); null before the first ones came. */
    private String sideShows;

    private void render() {
        LabeledImages samples = datasets.samples(kind, split);
        int[] shown = samples.indicesOf(label == null ? -1 : label);
        grid.show(samples, shown);
        goTo.setMax(samples.size() - 1);
        summary.setText(label == null
                ? kind.displayName() + " " + split.id() + ": " + Format.count(shown.length) + " samples"
                : kind.displayName() + " " + split.id() + ": " + Format.count(shown.length) + " samples of "
                        + kind.className(label) + " (of " + Format.count(samples.size()) + ")");
        meansTitle.setText("Mean image per class (" + (split == Split.TRAIN ? "train" : "test") + ")");
        mapLink.setHref("explore/" + kind.id() + "/" + split.id() + "/map");
        int generation = ++renders;
        String sideFor = kind.id() + "/" + split.id();
        if (sideFor.equals(sideShows)) {
            side.getStyle().remove("visibility"); // a label filter, or back before the new charts came: still right
        } else {
            // The side charts come in a second response, after the browser drew the thumbnails (the first
            // screen). On a switch the old ones are hidden meanwhile: they must not stand beside new thumbnails.
            if (sideShows != null) {
                side.getStyle().set("visibility", "hidden");
            }
            AfterFirstPaint.run(this, () -> {
                if (generation == renders) {
                    distribution.setChart(distributionChart());
                    means.show(kind, split.id(), datasets.classMeans(kind, split));
                    sideShows = sideFor;
                    side.getStyle().remove("visibility");
                }
            });
        }
        content.setVisible(true);
        if (scrollTarget != null) {
            grid.scrollToSample(scrollTarget);
        }
    }

    /**
     * The toolbar and the grid's first rows as plain HTML (index.html lays them out as the view does). None
     * while the dataset is loading or when the grid will scroll to a sample: the picture would be wrong.
     */
    @Override
    public Optional<FirstScreen> firstScreen() {
        if (!content.isVisible() || scrollTarget != null) {
            return Optional.empty();
        }
        Element view = new Element("div").addClass("fs-explorer");
        Element fields = view.appendElement("div").addClass("fs-toolbar");
        field(fields, "fs-dataset", datasetChoice.getLabel(), kind.displayName());
        field(fields, "fs-split", splitChoice.getLabel(), splitChoice.getItemLabelGenerator().apply(split));
        field(fields, "fs-label", labelChoice.getLabel(), labelChoice.getItemLabelGenerator().apply(label));
        field(fields, "fs-go-to", goTo.getLabel(), "");
        fields.appendElement("span").addClass("explorer-summary").text(summary.getText());
        Element below = view.appendElement("div").addClass("fs-explorer-content").addClass("explorer-content");
        below.appendChild(grid.firstScreen(FIRST_SCREEN_ROWS));
        below.appendElement("div").addClass("explorer-side");
        return Optional.of(new FirstScreen(view, "#sample-grid mnist-digit[drawn]"));
    }

    private static void field(Element toolbar, String className, String label, String value) {
        Element field = toolbar.appendElement("div").addClass("fs-field").addClass(className);
        field.appendElement("span").addClass("fs-field-label").text(label);
        field.appendElement("span").addClass("fs-field-value").text(value);
    }

    private BarChart distributionChart() {
        int[] train = datasets.samples(kind, Split.TRAIN).classCounts();
        int[] test = datasets.samples(kind, Split.TEST).classCounts();
        BarData data = new BarData()
                .setLabels(kind.classNames())
                .addDataset(new BarDataset().setLabel("train").setData(boxed(train)).setYAxisID("y")
                        .setBackgroundColor("rgba(30, 108, 229, 0.75)"))
                .addDataset(new BarDataset().setLabel("test").setData(boxed(test)).setYAxisID("y1")
                        .setBackgroundColor("rgba(230, 120, 30, 0.75)"));
        // Two axes: test is a sixth of train, and the point is to compare the shapes.
        BarOptions options = new BarOptions().setScales(new Scales()
                .addScale("y", new LinearScaleOptions().setBeginAtZero(true).setPosition("left")
                        .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true).setText("train")))
                .addScale("y1", new LinearScaleOptions().setBeginAtZero(true).setPosition("right")
                        .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true).setText("test"))));
        return new BarChart(data, options);
    }

    private static List<Number> boxed(int[] counts) {
        List<Number> out = new ArrayList<>(counts.length);
        for (int c : counts) {
            out.add(c);
        }
        return out;
    }

    private void jumpTo(Integer index) {
        if (index == null || !content.isVisible()) {
            return;
        }
        if (index < 0 || index >= datasets.samples(kind, split).size()) {
            goTo.setInvalid(true);
            goTo.setErrorMessage("0 to " + Format.count(datasets.samples(kind, split).size() - 1));
        } else if (!grid.scrollToSample(index)) {
            goTo.setInvalid(true);
            goTo.setErrorMessage("#" + index + " is a " + kind.className(datasets.samples(kind, split).label(index))
                    + ", not shown with this filter");
        } else {
            goTo.setInvalid(false);
            scrollTarget = index;
            updateUrl();
        }
    }

    private void openSample(int index) {
        getUI().ifPresent(ui -> ui.navigate(SampleView.class, SampleView.params(kind, split, index),
                SampleView.filter(label)));
    }

    private void updateUrl() {
        String location = location(kind, split, label, scrollTarget);
        getUI().or(() -> Optional.ofNullable(UI.getCurrent()))
                .ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location));
    }

    /**
     * The explorer's URL for a selection, e.g. {@code explore?dataset=mnist&split=train&label=3&at=107}.
     *
     * @param label null for all classes
     * @param at    a sample to scroll to and mark, or null
     */
    public static String location(DatasetKind kind, Split split, Integer label, Integer at) {
        // spelled out rather than QueryParameters, which does not keep the order of the parameters
        StringBuilder url = new StringBuilder(Links.url(ExplorerView.class))
                .append("?dataset=").append(kind.id()).append("&split=").append(split.id());
        if (label != null) {
            url.append("&label=").append(label);
        }
        if (at != null) {
            url.append("&at=").append(at);
        }
        return url.toString();
    }
}
