package org.mnistlab.runs.ui;

import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.Roles;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.Links;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.runs.RunIds;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunEvent;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunStore;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;
import org.mnistlab.training.TimeToAccuracy;
import org.mnistlab.training.RunQueue;
import org.mnistlab.base.ui.LabIcon;

/**
 * All runs in H2 as a lazy, sortable grid with filters and a text search. Rows of active runs follow
 * the training events live; select two or more runs to compare them.
 */
@RolesAllowed(Roles.VIEWER)
@Route("runs")
@PageTitle("Runs · MNIST Lab")
@Menu(order = 2, title = "Runs", icon = "lab:records")
public class RunsView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameter that keeps the runs of one sweep: {@code runs?sweep=3}. */
    public static final String SWEEP = "sweep";

    private final RunStore store;
    private Long sweepFilter;
    private final Span sweepLabel = new Span();
    /** Shows the three time-to-accuracy columns; off by default so the grid fits 1280 px without scrolling. */
    final Checkbox timeToAccuracy = new Checkbox("Time to accuracy");

    final Grid<RunRecord> grid = new Grid<>();
    final ComboBox<DatasetKind> datasetFilter = new ComboBox<>("Dataset");
    final ComboBox<Architecture> architectureFilter = new ComboBox<>("Model");
    final ComboBox<RunStatus> statusFilter = new ComboBox<>("Status");
    final TextField search = new TextField("Search");
    /** Only the runs the logged-in user queued; absent for visitors and the system. */
    final Checkbox mine = new Checkbox("Mine");
    private final String currentUser;
    final Button compare = new Button("Compare", LabIcon.Name.SPLIT_H.create());
    /** A real link (runs=3,7,9 stays readable, can open in a new tab); the button inside is its look. */
    final Anchor compareLink = new Anchor("", compare);
    private final Div emptyState = new Div();
    private final ConfigurableFilterDataProvider<RunRecord, Void, RunFilter> dataProvider;
    /** Time to accuracy of the runs the grid fetched, read with each page. */
    private final Map<Long, TimeToAccuracy> timesToAccuracy = new HashMap<>();
    /** True while the address is applied to the fields, so it is not written back half-applied. */
    private boolean restoring;

    public RunsView(RunStore store, RunQueue queue, UiPushScheduler pushScheduler) {
        this.store = store;
        this.currentUser = queue.currentUser().orElse(null);
        setSizeFull();

        H2 title = new H2("Runs");
        title.addClassName(Margin.NONE);
        RouterLink newRun = new RouterLink("New run", TrainView.class);
        newRun.setId("new-run-link");
        HorizontalLayout header = new HorizontalLayout(title, newRun);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        dataProvider = new CallbackDataProvider<RunRecord, RunFilter>(
                query -> fetch(query), query -> store.count(filterOf(query)), RunRecord::id)
                .withConfigurableFilter();
        configureFilters();
        configureGrid();

        compare.setId("compare-button");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compareLink.setId("compare-link");
        updateCompareLink(Set.of());
        mine.setId("filter-mine");
        mine.setVisible(currentUser != null);
        mine.addValueChangeListener(e -> applyFilter());
        newRun.setVisible(queue.maySubmit());
        sweepLabel.setId("filter-sweep");
        sweepLabel.setVisible(false);
        timeToAccuracy.setId("show-time-to-accuracy");
        timeToAccuracy.setTooltipText("Columns with the training time until validation accuracy first reached each"
                + " target");
        timeToAccuracy.addValueChangeListener(e -> showTimeToAccuracy(e.getValue()));
        showTimeToAccuracy(false);
        HorizontalLayout toolbar = new HorizontalLayout(datasetFilter, architectureFilter, statusFilter, search,
                mine, timeToAccuracy, sweepLabel, compareLink);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);

        emptyState.setId("runs-empty-state");
        grid.setEmptyStateComponent(emptyState);
        updateEmptyState();
        add(header, toolbar, grid);
        setFlexGrow(1, grid);
        // Epochs and status changes are what the grid shows; batch progress (several a second) is left out.
        new UiEventPump<RunEvent>(this, pushScheduler, queue::subscribe, this::applyLiveChanges)
                .accepting(e -> !(e instanceof RunEvent.BatchProgressed) && !(e instanceof RunEvent.LayersMeasured));
    }

    private Stream<RunRecord> fetch(Query<RunRecord, RunFilter> query) {
        List<RunRecord> page = store.find(filterOf(query), sortOf(query.getSortOrders()), query.getOffset(),
                query.getLimit());
        timesToAccuracy.putAll(store.timesToAccuracy(page.stream().map(RunRecord::id).toList()));
        return page.stream();
    }

    private static RunFilter filterOf(Query<RunRecord, RunFilter> query) {
        return query.getFilter().orElse(RunFilter.ALL);
    }

    /** The grid sorts by one column at a time; newest first until the user picks one. */
    static RunSort sortOf(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return RunSort.NEWEST_FIRST;
        }
        QuerySortOrder first = orders.get(0);
        return new RunSort(RunSort.Column.valueOf(first.getSorted()), first.getDirection() == SortDirection.ASCENDING);
    }

    private void configureFilters() {
        datasetFilter.setItems(DatasetKind.values());
        datasetFilter.setItemLabelGenerator(DatasetKind::displayName);
        architectureFilter.setItems(Architecture.values());
        architectureFilter.setItemLabelGenerator(Architecture::displayName);
        statusFilter.setItems(RunStatus.values());
        statusFilter.setItemLabelGenerator(RunFormat::status);
        search.setPlaceholder("Run name");
        search.setPrefixComponent(LabIcon.Name.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        datasetFilter.setId("filter-dataset");
        architectureFilter.setId("filter-architecture");
        statusFilter.setId("filter-status");
        search.setId("filter-search");
        for (var field : List.of(datasetFilter, architectureFilter, statusFilter)) {
            field.setClearButtonVisible(true);
            field.setPlaceholder("All");
        }
        search.setClearButtonVisible(true);
        datasetFilter.addValueChangeListener(e -> applyFilter());
        architectureFilter.addValueChangeListener(e -> applyFilter());
        statusFilter.addValueChangeListener(e -> applyFilter());
        search.addValueChangeListener(e -> applyFilter());
    }

    RunFilter currentFilter() {
        String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip();
        return new RunFilter(datasetFilter.getValue(), architectureFilter.getValue(), statusFilter.getValue(), text,
                sweepFilter, mine.getValue() ? currentUser : null);
    }

    private void applyFilter() {
        dataProvider.setFilter(currentFilter());
        updateEmptyState();
        updateAddress();
    }

    /** Filters and sort come from the address (a shared link, a reload); the grid keeps it up to date. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        RunsAddress address = RunsAddress.parse(event.getLocation().getQueryParameters().getParameters());
        restoring = true;
        try {
            RunFilter f = address.filter();
            datasetFilter.setValue(f.dataset());
            architectureFilter.setValue(f.architecture());
            statusFilter.setValue(f.status());
            search.setValue(f.text() == null ? "" : f.text());
            sweepFilter = f.sweepId();
            sweepLabel.setText(sweepFilter == null ? "" : "Runs of sweep #" + sweepFilter);
            sweepLabel.setVisible(sweepFilter != null);
            SortDirection direction = address.sort().ascending() ? SortDirection.ASCENDING : SortDirection.DESCENDING;
            grid.sort(address.sort().equals(RunSort.NEWEST_FIRST) ? List.of() : grid.getColumns().stream()
                    .filter(c -> c.getSortOrder(direction).anyMatch(o -> o.getSorted().equals(address.sort().column().name())))
                    .map(c -> new GridSortOrder<>(c, direction)).toList());
        } finally {
            restoring = false;
        }
        dataProvider.setFilter(currentFilter());
        updateEmptyState();
    }

    RunsAddress address() {
        return new RunsAddress(currentFilter(), sortOf(grid.getSortOrder().stream()
                .flatMap(o -> o.getSorted().getSortOrder(o.getDirection())).toList()));
    }

    private void updateAddress() {
        if (restoring) {
            return;
        }
        String query = address().query();
        String location = Links.url(RunsView.class) + (query.isEmpty() ? "" : "?" + query);
        getUI().or(() -> Optional.ofNullable(UI.getCurrent()))
                .ifPresent(ui -> ui.getPage().getHistory().replaceState(null, location));
    }

    private void configureGrid() {
        grid.setId("runs-grid");
        grid.addClassName(FontSize.SMALL); // ten columns: denser text fits more
        // Widths in em of that text, cells that wrap: the ten columns fit 1280 px with the menu open.
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // Names stay in view when the numbers scroll sideways on narrow screens.
        ((GridMultiSelectionModel<RunRecord>) grid.getSelectionModel()).setSelectionColumnFrozen(true);
        grid.setColumnReorderingAllowed(true);
        grid.setMultiSort(false);
        grid.addColumn(LitRenderer.<RunRecord>of(
                        "<a href=\"${item.href}\" class=\"run-link\" data-run-id=\"${item.id}\">${item.name}</a>")
                        .withProperty("id", RunRecord::id)
                        .withProperty("href", r -> Links.url(RunDetailView.class, RunDetailView.params(r.id())))
                        .withProperty("name", RunFormat::name))
                .setHeader("Name").setKey("name").setSortProperty(RunSort.Column.NAME.name())
                .setFlexGrow(1).setWidth("10em").setResizable(true).setFrozen(true);
        grid.addColumn(r -> r.dataset().displayName()).setHeader("Dataset").setKey("dataset")
                .setSortProperty(RunSort.Column.DATASET.name()).setWidth("6.5em").setFlexGrow(0);
        grid.addColumn(r -> r.architecture().displayName()).setHeader("Model").setKey("architecture")
                .setSortProperty(RunSort.Column.ARCHITECTURE.name()).setWidth("7.5em").setFlexGrow(0);
        grid.addColumn(StatusBadge.renderer(RunRecord::status, r -> r.errorMessage() == null ? "" : r.errorMessage()))
                .setHeader("Status").setKey("status").setSortProperty(RunSort.Column.STATUS.name())
                .setWidth("6.5em").setFlexGrow(0);
        grid.addColumn(RunFormat::epochs).setHeader("Epochs").setKey("epochs")
                .setSortProperty(RunSort.Column.EPOCHS.name()).setTextAlign(ColumnTextAlign.END).setWidth("5.5em").setFlexGrow(0);
        grid.addColumn(RunFormat::bestValidation).setHeader("Best val. acc.").setKey("bestValidation")
                .setSortProperty(RunSort.Column.BEST_VALIDATION_ACCURACY.name()).setTextAlign(ColumnTextAlign.END)
                .setWidth("6em").setFlexGrow(0);
        grid.addColumn(r -> Format.percent(r.testAccuracy())).setHeader("Test acc.").setKey("testAccuracy")
                .setSortProperty(RunSort.Column.TEST_ACCURACY.name()).setTextAlign(ColumnTextAlign.END)
                .setWidth("5em").setFlexGrow(0);
        grid.addColumn(r -> Format.duration(r.duration())).setHeader("Duration").setKey("duration")
                .setSortProperty(RunSort.Column.DURATION.name()).setTextAlign(ColumnTextAlign.END).setWidth("6em").setFlexGrow(0);
        grid.addColumn(r -> Format.count(r.parameterCount())).setHeader("Params").setKey("parameters")
                .setSortProperty(RunSort.Column.PARAMETERS.name()).setTextAlign(ColumnTextAlign.END)
                .setWidth("6em").setFlexGrow(0);
        grid.addColumn(r -> Format.dateTime(r.createdAt())).setHeader("Created").setKey("created")
                .setSortProperty(RunSort.Column.CREATED.name()).setWidth("6.5em").setFlexGrow(0);
        addTimeToAccuracyColumns();
        grid.getColumns().forEach(c -> c.setSortable(true));
        grid.addSortListener(e -> updateAddress());
        grid.setItems(dataProvider);
        grid.addItemDoubleClickListener(e -> UI.getCurrent().navigate(RunDetailView.class, RunDetailView.params(e.getItem().id())));
        grid.asMultiSelect().addValueChangeListener(e -> updateCompareLink(e.getValue()));
        compare.setTooltipText("Select two to " + RunIds.MAX_COMPARED + " runs");
    }

    private void showTimeToAccuracy(boolean visible) {
        for (int i = 1; i <= TimeToAccuracy.TARGETS; i++) {
            grid.getColumnByKey("timeToTarget" + i).setVisible(visible);
        }
    }

    /** One column per accuracy target: seconds and epoch at which validation accuracy first reached it. */
    private void addTimeToAccuracyColumns() {
        List<RunSort.Column> sorts = List.of(RunSort.Column.TIME_TO_TARGET_1, RunSort.Column.TIME_TO_TARGET_2,
                RunSort.Column.TIME_TO_TARGET_3);
        for (int i = 0; i < TimeToAccuracy.TARGETS; i++) {
            int target = i;
            grid.addColumn(r -> TimeToAccuracyFormat.reached(timesToAccuracy.containsKey(r.id())
                            ? timesToAccuracy.get(r.id()).get(target) : null))
                    .setHeader(TimeToAccuracyFormat.header(i)).setKey("timeToTarget" + (i + 1))
                    .setSortProperty(sorts.get(i).name()).setTextAlign(ColumnTextAlign.END)
                    .setWidth("6em").setFlexGrow(0)
                    .setTooltipGenerator(r -> "Training time until validation accuracy first reached "
                            + Math.round(TimeToAccuracy.targets(r.dataset())[target] * 1000) / 10.0 + " %");
        }
    }

    /** Points the compare link at the selected runs, oldest first; disabled below two runs. */
    private void updateCompareLink(Set<RunRecord> selected) {
        int n = selected.size();
        boolean enabled = n >= 2 && n <= RunIds.MAX_COMPARED;
        List<Long> ids = selected.stream().sorted(Comparator.comparing(RunRecord::createdAt))
                .map(RunRecord::id).toList();
        compareLink.setHref(CompareView.url(enabled ? ids : List.of()));
        compareLink.setEnabled(enabled);
        compare.setEnabled(enabled);
        compare.setText(n >= 2 ? "Compare (" + n + ")" : "Compare");
    }

    private void updateEmptyState() {
        emptyState.removeAll();
        if (store.count(RunFilter.ALL) == 0) {
            RouterLink start = new RouterLink("Start your first run", TrainView.class);
            start.setId("start-first-run");
            emptyState.add(new Paragraph("No runs yet. Open the Train page, pick a dataset and a model "
                    + "(a small MLP on MNIST trains in under a minute), and press Start: the run appears here "
                    + "while it trains and stays here afterwards."), start);
        } else {
            Button clear = new Button("Clear filters", e -> clearFilters());
            clear.setId("clear-filters");
            emptyState.add(new Paragraph("No runs match these filters."), clear);
        }
    }

    void clearFilters() {
        datasetFilter.clear();
        architectureFilter.clear();
        statusFilter.clear();
        search.clear();
    }

    /** Applies pushed run events: rows of runs with new epochs are redrawn; anything else may move rows. */
    private void applyLiveChanges(List<RunEvent> events) {
        if (events.stream().anyMatch(e -> !(e instanceof RunEvent.EpochFinished))) {
            dataProvider.refreshAll();
            updateEmptyState();
            return;
        }
        events.stream().map(RunEvent::runId).distinct()
                .forEach(id -> store.findById(id).ifPresent(run -> {
                    timesToAccuracy.putAll(store.timesToAccuracy(List.of(id)));
                    dataProvider.refreshItem(run);
                }));
    }
}
