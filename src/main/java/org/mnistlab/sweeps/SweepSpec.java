package org.mnistlab.sweeps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/**
 * What a sweep tries: a base configuration and 1 to 4 swept settings, expanded into trial configurations by a
 * grid or by random search.
 *
 * @param name   the sweep's name; trials are named after it
 * @param trials the number of trials of a random search (a grid has as many as its combinations)
 * @param seed   the random search's own seed (the trials keep the base's training seed)
 * @param asha   successive halving of weak trials; null for none
 */
public record SweepSpec(String name, RunConfig base, List<SweptSetting> swept, SweepStrategy strategy, int trials,
                        long seed, AshaPolicy asha) {

    public static final int MAX_TRIALS = 200;
    public static final int MAX_SWEPT = 4;
    public static final int MAX_NAME = 60;

    public SweepSpec {
        swept = List.copyOf(swept);
        name = name == null ? "" : name.strip();
    }

    /** The name, or one made from the swept settings. */
    public String displayName() {
        return name.isEmpty()
                ? base.architecture().displayName() + " sweep: " + String.join(", ",
                        swept.stream().map(s -> s.setting().label()).toList())
                : name;
    }

    /** How many trials it runs (before early stopping); a grid's is the product of its settings' value counts. */
    public long trialCount() {
        if (strategy == SweepStrategy.RANDOM) {
            return trials;
        }
        long n = 1;
        for (SweptSetting s : swept) {
            n *= s.gridValues().size();
        }
        return n;
    }

    /** Every problem, each under the field it is about; empty when the sweep can start. */
    public List<SweepProblem> validate() {
        List<SweepProblem> problems = new ArrayList<>();
        if (name.length() > MAX_NAME) {
            problems.add(new SweepProblem(RunSetting.NAME.key(), "Name must be at most " + MAX_NAME + " characters"));
        }
        for (ConfigProblem p : base.validate()) {
            if (p.setting() != RunSetting.NAME) {
                problems.add(new SweepProblem(p.setting().key(), p.message()));
            }
        }
        if (!problems.isEmpty()) {
            return problems; // swept values are checked against a valid base
        }
        if (swept.isEmpty() || swept.size() > MAX_SWEPT) {
            problems.add(new SweepProblem(SweepProblem.SETTINGS, "Sweep 1 to " + MAX_SWEPT + " settings"));
        }
        Set<RunSetting> seen = new HashSet<>();
        for (SweptSetting s : swept) {
            if (!seen.add(s.setting())) {
                problems.add(new SweepProblem(s.setting().key(), s.setting().label() + " is swept twice"));
            } else {
                problems.addAll(s.problems(base));
            }
        }
        if (strategy == SweepStrategy.RANDOM && (trials < 1 || trials > MAX_TRIALS)) {
            problems.add(new SweepProblem(SweepProblem.TRIALS, "A random search needs 1 to " + MAX_TRIALS + " trials"));
        } else if (strategy == SweepStrategy.GRID && problems.isEmpty() && trialCount() > MAX_TRIALS) {
            problems.add(new SweepProblem(SweepProblem.TRIALS, "This grid has " + trialCount()
                    + " trials; at most " + MAX_TRIALS + " (fewer values or points per range)"));
        }
        if (asha != null) {
            problems.addAll(asha.problems(base.epochs()));
        }
        return problems;
    }

    /**
     * The trials' configurations: the base with the swept values, named "&lt;sweep&gt; · trial k".
     * Call only on a valid spec.
     */
    public List<RunConfig> trialConfigs() {
        List<List<Number>> combos = strategy == SweepStrategy.GRID ? grid() : random();
        List<RunConfig> configs = new ArrayList<>();
        String prefix = displayName();
        for (int i = 0; i < combos.size(); i++) {
            RunConfig.Builder b = base.toBuilder();
            for (int s = 0; s < swept.size(); s++) {
                swept.get(s).setting().write(b, combos.get(i).get(s));
            }
            String suffix = " · trial " + (i + 1);
            String head = prefix.length() + suffix.length() > RunConfig.MAX_NAME
                    ? prefix.substring(0, RunConfig.MAX_NAME - suffix.length() - 1) + "…" : prefix;
            configs.add(b.name(head + suffix).build());
        }
        return configs;
    }

    private List<List<Number>> grid() {
        List<List<Number>> combos = new ArrayList<>();
        combos.add(List.of());
        for (SweptSetting s : swept) {
            List<List<Number>> next = new ArrayList<>();
            for (List<Number> combo : combos) {
                for (Number v : s.gridValues()) {
                    List<Number> extended = new ArrayList<>(combo);
                    extended.add(v);
                    next.add(extended);
                }
            }
            combos = next;
        }
        return combos;
    }

    private List<List<Number>> random() {
        Random random = new Random(seed);
        List<List<Number>> combos = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            List<Number> combo = new ArrayList<>();
            for (SweptSetting s : swept) {
                combo.add(s.sample(random));
            }
            combos.add(combo);
        }
        return combos;
    }
}
