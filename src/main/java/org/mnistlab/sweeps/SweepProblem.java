package org.mnistlab.sweeps;

/**
 * One reason a sweep cannot start.
 *
 * @param field a swept or base setting's key ({@code RunSetting.key()}), or {@link #TRIALS}, {@link #ASHA},
 *              {@link #SETTINGS}
 */
public record SweepProblem(String field, String message) {

    public static final String TRIALS = "trials";
    public static final String ASHA = "asha";
    public static final String SETTINGS = "settings";
}
