package org.mnistlab.runs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.RunConfig;

/**
 * A run configuration flattened into labelled, readable settings in a fixed order: what the
 * reproducibility card lists and what a comparison diffs. The run name is not a setting.
 */
public final class ConfigSettings {

    /** Shown instead of a value the run does not use (e.g. momentum with Adam). */
    public static final String NOT_USED = "—";

    /**
     * One setting of a run.
     *
     * @param key   the RunConfig component name (dotted for nested ones), as in ConfigProblem
     * @param value the stored value, formatted
     * @param used  false when the architecture / optimizer / schedule ignores it
     */
    public record Setting(String key, String label, String value, boolean used) {

        /** The value as it affects training: {@link #NOT_USED} when ignored. */
        public String effectiveValue() {
            return used ? value : NOT_USED;
        }
    }

    private ConfigSettings() {
    }

    public static List<Setting> of(RunConfig c) {
        List<Setting> s = new ArrayList<>();
        boolean mlp = c.architecture() == Architecture.MLP;
        boolean conv = c.architecture() != null && c.architecture().convolutional();
        LrSchedule.Type schedule = c.lrSchedule().type();
        s.add(new Setting("dataset", "Dataset", c.dataset() == null ? "" : c.dataset().displayName(), true));
        s.add(new Setting("architecture", "Model", c.architecture() == null ? "" : c.architecture().displayName(), true));
        s.add(new Setting("hiddenLayers", "Hidden layers", c.hiddenLayers().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")), mlp));
        s.add(new Setting("optimizer", "Optimizer", c.optimizer() == null ? "" : c.optimizer().displayName(), true));
        s.add(new Setting("learningRate", "Learning rate", number(c.learningRate()), true));
        s.add(new Setting("momentum", "Momentum", number(c.momentum()),
                c.optimizer() != null && c.optimizer().usesMomentum()));
        s.add(new Setting("batchSize", "Batch size", String.valueOf(c.batchSize()), true));
        s.add(new Setting("epochs", "Epochs", String.valueOf(c.epochs()), true));
        s.add(new Setting("seed", "Seed", String.valueOf(c.seed()), true));
        s.add(new Setting("l1", "L1", number(c.l1()), true));
        s.add(new Setting("l2", "L2", number(c.l2()), true));
        s.add(new Setting("convDropout", "Conv dropout", number(c.convDropout()), conv));
        s.add(new Setting("denseDropout", "Dense dropout", number(c.denseDropout()), true));
        s.add(new Setting("batchNorm", "Batch normalization", yesNo(c.batchNorm()), true));
        s.add(new Setting("augmentation.maxRotationDegrees", "Augmentation: rotation (±°)",
                number(c.augmentation().maxRotationDegrees()), true));
        s.add(new Setting("augmentation.maxShiftPixels", "Augmentation: shift (px)",
                number(c.augmentation().maxShiftPixels()), true));
        s.add(new Setting("augmentation.zoomRange", "Augmentation: zoom (±)",
                number(c.augmentation().zoomRange()), true));
        s.add(new Setting("validationFraction", "Validation split", number(c.validationFraction()), true));
        s.add(new Setting("earlyStoppingPatience", "Early stopping patience",
                c.earlyStoppingPatience() == 0 ? "off" : String.valueOf(c.earlyStoppingPatience()), true));
        s.add(new Setting("restoreBestWeights", "Restore best weights", yesNo(c.restoreBestWeights()),
                c.earlyStoppingPatience() > 0));
        s.add(new Setting("lrSchedule.type", "LR schedule", schedule.name().toLowerCase(), true));
        s.add(new Setting("lrSchedule.factor", "LR decay factor", number(c.lrSchedule().factor()),
                schedule != LrSchedule.Type.NONE));
        s.add(new Setting("lrSchedule.stepEpochs", "LR step (epochs)", String.valueOf(c.lrSchedule().stepEpochs()),
                schedule == LrSchedule.Type.STEP));
        s.add(new Setting("lrSchedule.patience", "LR plateau patience", String.valueOf(c.lrSchedule().patience()),
                schedule == LrSchedule.Type.PLATEAU));
        s.add(new Setting("trainSubset", "Training subset",
                c.trainSubset() == 0 ? "all" : String.valueOf(c.trainSubset()), true));
        return s;
    }

    /** Shortest exact decimal form: 0.001 not 1.0E-3, 0.5 not 0.50, 2 not 2.0. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
