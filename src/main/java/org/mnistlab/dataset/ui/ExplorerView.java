package org.mnistlab.dataset.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import java.util.ArrayList;
import java.util.List;
import org.mnistlab.base.ui.chart.ChartJs;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.Split;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.dataset.BarDataset;

/** The landing page: browse the samples of a dataset split. */
@Route("explore")
@RouteAlias("")
@PageTitle("Explore · MNIST Lab")
@Menu(order = 0, title = "Explore", icon = "vaadin:grid-small")
public class ExplorerView extends VerticalLayout {

    public ExplorerView(DatasetService datasets) {
        add(new H2("Class distribution"));
        LabeledImages train = datasets.samples(DatasetKind.MNIST, Split.TRAIN);
        LabeledImages test = datasets.samples(DatasetKind.MNIST, Split.TEST);
        BarData data = new BarData()
                .setLabels(DatasetKind.MNIST.classNames())
                .addDataset(new BarDataset().setLabel("train").setData(boxed(train.classCounts())))
                .addDataset(new BarDataset().setLabel("test").setData(boxed(test.classCounts())));
        ChartJs chart = new ChartJs(new BarChart(data));
        chart.setId("distribution-chart");
        add(chart);
    }

    private static List<Number> boxed(int[] counts) {
        List<Number> out = new ArrayList<>();
        for (int c : counts) {
            out.add(c);
        }
        return out;
    }
}
