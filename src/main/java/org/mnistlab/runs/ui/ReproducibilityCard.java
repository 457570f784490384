package org.mnistlab.runs.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
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
import org.jsoup.nodes.Element;
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

        Element content = new Element("div");
        Element settings = pairs("config-settings");
        RunConfig config = run.config();
        for (RunSetting s : RunSetting.listedSettings()) {
            add(settings, s.label(), s.format(config), s.appliesTo(config) ? null : "not used by this run",
                    "setting-" + s.key());
        }
        section(content, "Configuration", settings);

        Element software = pairs("software-versions");
        new TreeMap<>(orEmpty(run.softwareVersions())).forEach((k, v) -> add(software, k, v, null, null));
        notRecordedIfEmpty(software);
        section(content, "Software and backend", software);

        Element checksums = pairs("dataset-checksums");
        new TreeMap<>(orEmpty(run.datasetChecksums())).forEach((k, v) -> add(checksums, k, v, null, null));
        notRecordedIfEmpty(checksums);
        checksums.addClass("monospace");
        section(content, "Dataset files (MD5) · " + run.dataset().displayName(), checksums);

        Element times = pairs("run-times");
        add(times, "Created", Format.dateTime(run.createdAt()), null, null);
        add(times, "Started", Format.dateTime(run.startedAt()), null, null);
        add(times, "Finished", Format.dateTime(run.finishedAt()), null, null);
        add(times, "Model file", run.modelFile() == null ? Format.NONE : run.modelFile(), null, null);
        section(content, "Run", times);
        // one piece of HTML rather than ~300 components: it is only read, and each component costs a page load
        // about ten node changes in Vaadin's client (README, page speed)
        add(new Html(content.outerHtml()));
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static void section(Element content, String title, Element pairs) {
        Element section = content.appendElement("div");
        section.appendElement("h4").addClass(Margin.Top.SMALL).addClass(Margin.Bottom.XSMALL).addClass(FontSize.SMALL)
                .text(title);
        section.appendChild(pairs);
    }

    /** A grid of label/value pairs that wraps into as many columns as fit. */
    private static Element pairs(String id) {
        return new Element("div").id(id).addClass("setting-pairs");
    }

    private static void notRecordedIfEmpty(Element pairs) {
        if (pairs.childrenSize() == 0) {
            pairs.appendElement("span").text("not recorded");
        }
    }

    private static void add(Element pairs, String label, String value, String unusedHint, String id) {
        Element row = pairs.appendElement("div");
        row.appendElement("span").addClass(TextColor.SECONDARY).text(label);
        row.appendElement("span").text(": ");
        row.appendElement("span").addClass(FontWeight.MEDIUM).text(value);
        if (unusedHint != null) {
            row.attr("title", unusedHint).addClass("unused");
        }
        if (id != null) {
            row.id(id);
        }
    }
}
