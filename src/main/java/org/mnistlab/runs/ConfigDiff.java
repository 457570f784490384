package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.training.RunConfig;

/**
 * Several run configurations compared setting by setting. Settings a run ignores count as
 * {@link ConfigSettings#NOT_USED}, so "momentum 0.9 vs 0.5" under Adam is not reported as a difference.
 */
public record ConfigDiff(List<Row> rows) {

    /**
     * @param values one effective value per configuration, in the order given
     * @param differs whether the values are not all equal
     */
    public record Row(String key, String label, List<String> values, boolean differs) {
    }

    public ConfigDiff {
        rows = List.copyOf(rows);
    }

    public static ConfigDiff of(List<RunConfig> configs) {
        List<List<ConfigSettings.Setting>> settings = configs.stream().map(ConfigSettings::of).toList();
        List<Row> rows = new ArrayList<>();
        if (settings.isEmpty()) {
            return new ConfigDiff(rows);
        }
        int n = settings.get(0).size();
        for (int i = 0; i < n; i++) {
            ConfigSettings.Setting first = settings.get(0).get(i);
            List<String> values = new ArrayList<>();
            for (List<ConfigSettings.Setting> s : settings) {
                values.add(s.get(i).effectiveValue());
            }
            boolean differs = values.stream().distinct().count() > 1;
            rows.add(new Row(first.key(), first.label(), values, differs));
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
