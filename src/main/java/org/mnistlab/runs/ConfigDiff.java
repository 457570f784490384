package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/**
 * Several run configurations compared setting by setting. Settings a run ignores count as {@link #NOT_USED},
 * so "momentum 0.9 vs 0.5" under Adam is not reported as a difference. The run name is not a setting.
 */
public record ConfigDiff(List<Row> rows) {

    /** Shown instead of a value the run does not use (e.g. momentum with Adam). */
    public static final String NOT_USED = "—";

    /**
     * @param values one effective value per configuration, in the order given
     * @param differs whether the values are not all equal
     */
    public record Row(RunSetting setting, List<String> values, boolean differs) {

        public Row {
            values = List.copyOf(values);
        }

        public String key() {
            return setting.key();
        }

        public String label() {
            return setting.label();
        }
    }

    public ConfigDiff {
        rows = List.copyOf(rows);
    }

    public static ConfigDiff of(List<RunConfig> configs) {
        List<Row> rows = new ArrayList<>();
        if (configs.isEmpty()) {
            return new ConfigDiff(rows);
        }
        for (RunSetting setting : RunSetting.listedSettings()) {
            List<String> values = configs.stream()
                    .map(c -> setting.appliesTo(c) ? setting.format(c) : NOT_USED).toList();
            rows.add(new Row(setting, values, values.stream().distinct().count() > 1));
        }
        return new ConfigDiff(rows);
    }

    /** Only the settings that differ. */
    public List<Row> differing() {
        return rows.stream().filter(Row::differs).toList();
    }

    /** All settings equal (runs differ only by name or by chance). */
    public boolean identical() {
        return rows.stream().noneMatch(Row::differs);
    }
}
