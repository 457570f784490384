package org.mnistlab.runs.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.mnistlab.base.ui.Format;
import org.mnistlab.training.BatchProgress;
import org.mnistlab.training.EpochMetrics;
import org.mnistlab.training.TrainingEnd;

/**
 * Where a run stands: a progress bar and a line saying which epoch and batch, whether it trains, validates or
 * evaluates on the test set, how fast, and how long to go.
 */
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
        String batches = "batch " + p.batch() + "/" + p.batches();
        String where = switch (p.phase()) {
            case TRAINING -> "Epoch " + p.epoch() + "/" + p.totalEpochs() + " · " + batches;
            case VALIDATING -> "Epoch " + p.epoch() + "/" + p.totalEpochs() + " · Validating (loss and accuracy on"
                    + " training sample and validation split) · " + batches;
            case TESTING -> "Evaluating on the test set · " + batches;
        };
        text.getElement().setAttribute("data-phase", p.phase().name().toLowerCase());
        say(where + " · " + Format.count(Math.round(p.imagesPerSecond())) + " images/s · ETA "
                + Format.clock(p.etaMillis()));
    }

    /**
     * A full bar and how far training went; why it stopped is the verdict's to say, once.
     *
     * @param end how training ended, null when not known (a run finished before it was recorded)
     */
    void complete(TrainingEnd end) {
        bar.setValue(1);
        text.getElement().removeAttribute("data-phase");
        if (end == null) {
            say("Done.");
        } else if (end.stoppedEarly()) {
            say("Done: stopped early at epoch " + end.epochsDone() + " of " + end.epochsPlanned() + ".");
        } else {
            say("Done: " + end.epochsDone() + " of " + end.epochsPlanned() + " epochs.");
        }
    }
}
