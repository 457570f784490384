package org.mnistlab.runs.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import java.util.TreeMap;
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
        Styles.apply(this, "width:100%; border:1px solid var(--lumo-contrast-10pct);"
                + " border-radius:var(--lumo-border-radius-l); padding:0 var(--lumo-space-m)");

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
        checksums.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        add(section("Dataset files (MD5) · " + run.dataset().displayName(), checksums));

        Div times = pairs("run-times");
        add(times, "Created", RunFormat.instant(run.createdAt()), null, null);
        add(times, "Started", RunFormat.instant(run.startedAt()), null, null);
        add(times, "Finished", RunFormat.instant(run.finishedAt()), null, null);
        add(times, "Model file", run.modelFile() == null ? RunFormat.NONE : run.modelFile(), null, null);
        add(section("Run", times));
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static Div section(String title, Div content) {
        H4 h = new H4(title);
        Styles.apply(h, "margin:var(--lumo-space-s) 0 var(--lumo-space-xs) 0; font-size:var(--lumo-font-size-s)");
        return new Div(h, content);
    }

    /** A grid of label/value pairs that wraps into as many columns as fit. */
    private static Div pairs(String id) {
        Div d = new Div();
        d.setId(id);
        Styles.apply(d, "display:grid; grid-template-columns:repeat(auto-fill, minmax(16em, 1fr));"
                + " gap:2px var(--lumo-space-l); font-size:var(--lumo-font-size-s)");
        return d;
    }

    private static void add(Div pairs, String label, String value, String unusedHint, String id) {
        Span l = new Span(label);
        Styles.apply(l, "color:var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        Styles.apply(v, "font-weight:500; overflow-wrap:anywhere");
        Div row = new Div(l, new Span(": "), v);
        if (unusedHint != null) {
            row.getElement().setAttribute("title", unusedHint);
            Styles.apply(row, "opacity:0.5");
        }
        if (id != null) {
            row.setId(id);
        }
        pairs.add(row);
    }
}
