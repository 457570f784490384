package org.mnistlab.runs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.ImageCounts;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunRecord;
import org.mnistlab.training.RunSetting;
import org.mnistlab.training.RunStatus;
import org.mnistlab.base.ui.LabIcon;

/** The live dashboard's title line: name, status, cancel, a link to configure a similar run, the settings. */
class LiveRunHeader extends VerticalLayout {

    private final H2 title = new H2();
    private final StatusBadge status = new StatusBadge(RunStatus.QUEUED);
    private final Button cancel = new Button("Cancel run", LabIcon.Name.STOP.create());
    private boolean mayCancel = true;
    private final RouterLink configureSimilar = new RouterLink("Configure a similar run", TrainView.class);
    private final Span configLine = new Span();
    private RunRecord shown;

    LiveRunHeader(Runnable onCancel) {
        setPadding(false);
        title.setId("run-title");
        title.addClassName(Margin.NONE);
        status.setId("run-status");
        cancel.setId("cancel-run");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> {
            cancel.setEnabled(false);
            cancel.setText("Cancelling…");
            onCancel.run();
        });
        configureSimilar.setId("configure-similar");
        HorizontalLayout line = new HorizontalLayout(title, status, cancel, configureSimilar);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        line.setWrap(true);
        configLine.setId("run-config");
        configLine.addClassNames(TextColor.SECONDARY, FontSize.SMALL);
        add(line, configLine);
    }

    void show(RunRecord run) {
        shown = run;
        RunConfig c = run.config();
        title.setText(run.name());
        configLine.setText("Run #" + run.id() + " · " + c.architecture().displayName() + " · "
                + c.dataset().displayName() + " · " + c.optimizer().displayName() + " lr " + RunSetting.decimal(c.learningRate())
                + " · batch " + c.batchSize() + " · " + c.epochs() + " epochs"
                + (run.parameterCount() > 0 ? " · " + Format.count(run.parameterCount()) + " parameters" : "")
                + " · " + RunFormat.images(run)
                + (c.augmentation().enabled() ? " · augmented" : ""));
        configureSimilar.setQueryParameters(TrainView.copying(run.id()));
    }

    /** The images the trainer reported on starting, which the record read before it did not know. */
    void started(ImageCounts images) {
        if (shown != null && shown.images() == null) {
            show(shown.withImages(images));
        }
    }

    void rename(String name) {
        title.setText(name);
    }

    void setStatus(RunStatus s) {
        status.setStatus(s);
        cancel.setVisible(s.active() && mayCancel);
    }

    /** Whether the user may cancel this run; the button is absent otherwise. */
    void setMayCancel(boolean may) {
        mayCancel = may;
        cancel.setVisible(cancel.isVisible() && may);
    }
}
