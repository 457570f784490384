package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;

/** Where a run stands: a progress bar and a line saying which epoch and batch, how fast, and how long to go. */
class ProgressPanel extends VerticalLayout {

    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();

    ProgressPanel() {
        setPadding(false);
        setSpacing(false);
        bar.setId("run-progress");
        text.setId("progress-text");
        add(bar, text);
    }

    void say(String line) {
        text.setText(line);
    }

    void epochDone(EpochMetrics m, int totalEpochs) {
        bar.setValue(Math.min(1, (double) m.epoch() / Math.max(1, totalEpochs)));
        say("Epoch " + m.epoch() + "/" + totalEpochs + " done · " + Format.count(Math.round(m.imagesPerSecond()))
                + " images/s");
    }

    void batch(BatchProgress p) {
        bar.setValue(Math.max(0, Math.min(1, p.fraction())));
        say("Epoch " + p.epoch() + "/" + p.totalEpochs() + " · batch " + p.batch() + "/" + p.batchesPerEpoch()
                + " · " + Format.count(Math.round(p.imagesPerSecond())) + " images/s · ETA " + Format.clock(p.etaMillis()));
    }

    void complete() {
        bar.setValue(1);
    }
}
