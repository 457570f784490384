package org.mnistlab.sweeps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.mnistlab.training.RunSetting;

/**
 * Asynchronous successive halving: when a trial finishes a rung epoch, it is compared with every trial that
 * reached that epoch before it; if it is among the worst {@code fraction} of them by validation accuracy, it
 * stops there. Asynchronous, so no trial waits for another: the first trial at a rung always goes on.
 *
 * @param rungs    epochs after which trials are compared, ascending
 * @param fraction share of the trials at a rung that stop, e.g. 0.5
 */
public record AshaPolicy(List<Integer> rungs, double fraction) {

    public AshaPolicy {
        rungs = List.copyOf(new TreeSet<>(rungs));
    }

    /** Rungs at a quarter and half of the epochs, halving each time; none for a one-epoch sweep. */
    public static AshaPolicy defaults(int epochs) {
        TreeSet<Integer> rungs = new TreeSet<>();
        for (int r : new int[] {Math.max(1, epochs / 4), Math.max(1, epochs / 2)}) {
            if (r < epochs) {
                rungs.add(r);
            }
        }
        return new AshaPolicy(List.copyOf(rungs), 0.5);
    }

    List<SweepProblem> problems(int epochs) {
        List<SweepProblem> problems = new ArrayList<>();
        if (rungs.isEmpty()) {
            problems.add(new SweepProblem(SweepProblem.ASHA, "Early stopping of weak trials needs at least one "
                    + "rung epoch, and a sweep of more than one epoch"));
        } else if (rungs.get(0) < 1 || rungs.get(rungs.size() - 1) >= epochs) {
            problems.add(new SweepProblem(SweepProblem.ASHA, "Rung epochs must be between 1 and " + (epochs - 1)
                    + " (before the last epoch)"));
        }
        if (!(fraction > 0) || fraction >= 1) {
            problems.add(new SweepProblem(SweepProblem.ASHA, "The share of trials stopped at a rung must be between"
                    + " 0 and 1 (exclusive)"));
        }
        return problems;
    }

    /**
     * Whether a trial stops after {@code epoch}.
     *
     * @param accuracy the trial's validation accuracy at that epoch
     * @param earlier  the validation accuracies at that epoch of the trials that reached it before
     * @return why it stops, or empty to go on
     */
    public Optional<String> decide(int epoch, double accuracy, List<Double> earlier) {
        if (!rungs.contains(epoch) || Double.isNaN(accuracy)) {
            return Optional.empty();
        }
        int n = earlier.size() + 1;
        int stopping = (int) Math.floor(n * fraction);
        long better = earlier.stream().filter(a -> a > accuracy).count();
        int rank = (int) better + 1; // ties go the trial's way
        if (stopping == 0 || rank <= n - stopping) {
            return Optional.empty();
        }
        double best = earlier.stream().mapToDouble(Double::doubleValue).max().orElse(accuracy);
        return Optional.of("Stopped by ASHA after epoch " + epoch + ": validation accuracy "
                + percent(accuracy) + " ranked " + rank + " of " + n + " trials there, in the bottom "
                + RunSetting.decimal(Math.round(fraction * 1000) / 10.0) + " % (best " + percent(best) + ")");
    }

    private static String percent(double accuracy) {
        return String.format(java.util.Locale.ROOT, "%.2f %%", accuracy * 100);
    }

    /** E.g. "at epochs 2, 5, stop the bottom 50 %". */
    public String describe() {
        return "at epoch" + (rungs.size() == 1 ? " " : "s ") + String.join(", ", rungs.stream().map(String::valueOf).toList())
                + ", stop the bottom " + RunSetting.decimal(Math.round(fraction * 1000) / 10.0) + " %";
    }
}
