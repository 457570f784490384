package org.mnistlab.runs.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility.Border;
import com.vaadin.flow.theme.lumo.LumoUtility.BorderColor;
import com.vaadin.flow.theme.lumo.LumoUtility.BorderRadius;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.FontWeight;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.Padding;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import com.vaadin.flow.theme.lumo.LumoUtility.BoxSizing;
import com.vaadin.flow.theme.lumo.LumoUtility.Width;
import java.util.Map;
import java.util.TreeMap;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSetting;

/**
 * What it takes to reproduce a run: every setting (seed included), the software and backend it ran on,
 * the MD5 of each dataset file it read, and when it ran.
 */
class ReproducibilityCard extends Details {

    ReproducibilityCard(RunRecord run) {
        setId("reproducibility");
        String backend = run.softwareVersions() == null ? null : run.softwareVersions().get("backend");
        setSummaryText("Reproducibility · seed " + run.config().seed()
                + (backend == null ? "" : " · " + backend));
        setOpened(true);
        addClassNames(Width.FULL, BoxSizing.BORDER, Border.ALL, BorderColor.CONTRAST_10, BorderRadius.LARGE, Padding.Horizontal.MEDIUM);

        Div settings = pairs("config-settings");
        RunConfig config = run.config();
        for (RunSetting s : RunSetting.listedSettings()) {
            add(settings, s.label(), s.format(config), s.appliesTo(config) ? null : "not used by this run",
                    "setting-" + s.key());
        }
        add(section("Configuration", settings));

        Div software = pairs("software-versions");
        new TreeMap<>(orEmpty(run.softwareVersions())).forEach((k, v) -> add(software, k, v, null, null));
        if (software.getChildren().findAny().isEmpty()) {
            software.add(new Span("not recorded"));
        }
        add(section("Software and backend", software));

        Div checksums = pairs("dataset-checksums");
        new TreeMap<>(orEmpty(run.datasetChecksums())).forEach((k, v) -> add(checksums, k, v, null, null));
        if (checksums.getChildren().findAny().isEmpty()) {
            checksums.add(new Span("not recorded"));
        }
        checksums.addClassName("monospace");
        add(section("Dataset files (MD5) · " + run.dataset().displayName(), checksums));

        Div times = pairs("run-times");
        add(times, "Created", Format.dateTime(run.createdAt()), null, null);
        add(times, "Started", Format.dateTime(run.startedAt()), null, null);
        add(times, "Finished", Format.dateTime(run.finishedAt()), null, null);
        add(times, "Model file", run.modelFile() == null ? Format.NONE : run.modelFile(), null, null);
        add(section("Run", times));
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static Div section(String title, Div content) {
        H4 h = new H4(title);
        h.addClassNames(Margin.Top.SMALL, Margin.Bottom.XSMALL, FontSize.SMALL);
        return new Div(h, content);
    }

    /** A grid of label/value pairs that wraps into as many columns as fit. */
    private static Div pairs(String id) {
        Div d = new Div();
        d.setId(id);
        d.addClassName("setting-pairs");
        return d;
    }

    private static void add(Div pairs, String label, String value, String unusedHint, String id) {
        Span l = new Span(label);
        l.addClassName(TextColor.SECONDARY);
        Span v = new Span(value);
        v.addClassName(FontWeight.MEDIUM);
        Div row = new Div(l, new Span(": "), v);
        if (unusedHint != null) {
            row.getElement().setAttribute("title", unusedHint);
            row.addClassName("unused");
        }
        if (id != null) {
            row.setId(id);
        }
        pairs.add(row);
    }
}
