package org.mnistlab.sweeps;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/**
 * One swept setting: a list of values, or a range on a linear or log scale. A grid takes {@code count} evenly
 * spaced points of a range; random search draws from the whole range. Integer settings stay integers (rounded).
 *
 * @param values the list (kind LIST); empty for a range
 * @param count  a range's points in a grid
 */
public record SweptSetting(RunSetting setting, Kind kind, List<Double> values, double low, double high, int count) {

    public enum Kind { LIST, LINEAR, LOG }

    /** Points of a range in a grid when none are given. */
    public static final int DEFAULT_COUNT = 3;

    /**
     * Numeric settings a sweep may vary. Not the epochs (ASHA and the budget count them), the seed (a sweep has
     * its own), the training subset or the validation split (trials must be measured on the same images).
     */
    private static final Set<RunSetting> SWEEPABLE = EnumSet.of(RunSetting.LEARNING_RATE, RunSetting.MOMENTUM,
            RunSetting.BATCH_SIZE, RunSetting.L1, RunSetting.L2, RunSetting.CONV_DROPOUT, RunSetting.DENSE_DROPOUT,
            RunSetting.LABEL_SMOOTHING, RunSetting.AUGMENTATION_ROTATION, RunSetting.AUGMENTATION_SHIFT,
            RunSetting.AUGMENTATION_ZOOM,
            RunSetting.EARLY_STOPPING_PATIENCE, RunSetting.LR_SCHEDULE_FACTOR, RunSetting.LR_SCHEDULE_STEP_EPOCHS,
            RunSetting.LR_SCHEDULE_PATIENCE);

    public SweptSetting {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static SweptSetting list(RunSetting setting, List<Double> values) {
        return new SweptSetting(setting, Kind.LIST, values, 0, 0, 0);
    }

    public static SweptSetting range(RunSetting setting, double low, double high, boolean log, int count) {
        return new SweptSetting(setting, log ? Kind.LOG : Kind.LINEAR, List.of(), low, high, count);
    }

    /** The settings a sweep may vary, in the settings' order. */
    public static List<RunSetting> sweepable() {
        return List.copyOf(SWEEPABLE);
    }

    public static boolean isSweepable(RunSetting setting) {
        return SWEEPABLE.contains(setting);
    }

    /**
     * Reads {@code 0,0.2,0.5} (a list), {@code 1e-4..1e-2} (a linear range), {@code 1e-4..1e-2:log} and an
     * optional point count for a grid, {@code 1e-4..1e-2:log:5}.
     *
     * @throws IllegalArgumentException with a message for a person when the text is none of these
     */
    public static SweptSetting parse(RunSetting setting, String text) {
        String t = text.strip();
        if (!t.contains("..")) {
            List<Double> values = new ArrayList<>();
            for (String part : t.split(",")) {
                if (!part.isBlank()) {
                    values.add(number(part));
                }
            }
            return list(setting, values);
        }
        String[] parts = t.split(":");
        String[] ends = parts[0].split("\\.\\.", -1);
        if (ends.length != 2 || parts.length > 3) {
            throw new IllegalArgumentException("Write a range as LOW..HIGH, LOW..HIGH:log or LOW..HIGH:log:COUNT");
        }
        boolean log = false;
        int count = DEFAULT_COUNT;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip().toLowerCase(Locale.ROOT);
            if (part.equals("log") || part.equals("lin")) {
                log = part.equals("log");
            } else {
                try {
                    count = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + parts[i] + "' is neither log, lin nor a point count");
                }
            }
        }
        return range(setting, number(ends[0]), number(ends[1]), log, count);
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a number");
        }
    }

    public boolean isRange() {
        return kind != Kind.LIST;
    }

    /** Whether the setting takes whole numbers (batch size, patience, ...). */
    public boolean integer() {
        return setting.type() == Integer.class;
    }

    /** The values a grid tries, in order, without repeats (integer rounding can merge points of a range). */
    public List<Number> gridValues() {
        Set<Number> points = new LinkedHashSet<>();
        if (kind == Kind.LIST) {
            values.forEach(v -> points.add(typed(v)));
        } else if (count == 1) {
            points.add(typed(low));
        } else {
            for (int i = 0; i < count; i++) {
                double f = (double) i / (count - 1);
                double v = kind == Kind.LOG
                        ? Math.exp(Math.log(low) + f * (Math.log(high) - Math.log(low)))
                        : low + f * (high - low);
                points.add(typed(v));
            }
        }
        return List.copyOf(points);
    }

    /** A random value: one of the list, or uniform over the range (uniform in its logarithm on a log scale). */
    public Number sample(Random random) {
        if (kind == Kind.LIST) {
            return typed(values.get(random.nextInt(values.size())));
        }
        double u = random.nextDouble();
        double v = kind == Kind.LOG
                ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))
                : low + u * (high - low);
        return typed(v);
    }

    /** The value as the setting's type: an Integer (rounded) or a Double. */
    public Number typed(double v) {
        if (integer()) {
            return (int) Math.round(v);
        }
        // 10 significant digits: a log grid's 0.001 instead of 9.999999999999998E-4
        return Double.isFinite(v) && v != 0 ? new BigDecimal(v).round(new MathContext(10)).doubleValue() : v;
    }

    /** How the sweep was asked for, e.g. {@code 0.0001..0.01 log ×4} or {@code 0, 0.2, 0.5}. */
    public String describe() {
        if (kind == Kind.LIST) {
            return String.join(", ", values.stream().map(v -> RunSetting.decimal(typed(v).doubleValue())).toList());
        }
        return RunSetting.decimal(low) + ".." + RunSetting.decimal(high) + (kind == Kind.LOG ? " log" : "")
                + " ×" + count;
    }

    /** What is wrong with this swept setting on {@code base}, each under the setting's key; empty if nothing. */
    List<SweepProblem> problems(RunConfig base) {
        List<SweepProblem> problems = new ArrayList<>();
        String field = setting.key();
        if (!isSweepable(setting)) {
            problems.add(new SweepProblem(field, setting.label() + " cannot be swept"));
            return problems;
        }
        if (!setting.appliesTo(base)) {
            problems.add(new SweepProblem(field, setting.label() + " does not apply to this configuration"
                    + (setting.hint().isEmpty() ? "" : " (" + setting.hint() + ")")));
            return problems;
        }
        List<Double> checked;
        if (kind == Kind.LIST) {
            if (values.isEmpty()) {
                problems.add(new SweepProblem(field, "Give at least one value"));
                return problems;
            }
            checked = values;
        } else {
            if (!(low <= high)) {
                problems.add(new SweepProblem(field, "The low end (" + RunSetting.decimal(low)
                        + ") is above the high end (" + RunSetting.decimal(high) + ")"));
            }
            if (kind == Kind.LOG && !(low > 0)) {
                problems.add(new SweepProblem(field, "A log range must stay above zero; its low end is "
                        + RunSetting.decimal(low)));
            }
            if (count < 1) {
                problems.add(new SweepProblem(field, "A range needs at least 1 point"));
            }
            checked = List.of(low, high);
        }
        for (double v : checked) {
            RunConfig.Builder trial = base.toBuilder();
            setting.write(trial, typed(v));
            for (ConfigProblem p : trial.build().validate()) {
                if (p.setting() == setting) {
                    problems.add(new SweepProblem(field, RunSetting.decimal(typed(v).doubleValue()) + ": "
                            + p.message()));
                }
            }
        }
        return problems;
    }
}
