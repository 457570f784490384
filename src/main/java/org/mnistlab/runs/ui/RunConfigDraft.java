package org.mnistlab.runs.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/**
 * The form's editable copy of a {@link RunConfig}, one value per {@link RunSetting}: the Binder needs setters and
 * the record has none. A value is null while its field is empty; {@link #toConfig()} turns null into a value the
 * engine's validation rejects, so there is one source of truth for what is valid.
 */
public class RunConfigDraft {

    private final Map<RunSetting, Object> values = new EnumMap<>(RunSetting.class);

    public static RunConfigDraft of(RunConfig config) {
        RunConfigDraft draft = new RunConfigDraft();
        for (RunSetting s : RunSetting.values()) {
            draft.values.put(s, s.value(config));
        }
        return draft;
    }

    public RunConfigDraft copy() {
        RunConfigDraft copy = new RunConfigDraft();
        copy.values.putAll(values);
        return copy;
    }

    /** The record the engine validates; empty number fields become values its validation rejects. */
    public RunConfig toConfig() {
        RunConfig.Builder builder = RunConfig.builder();
        values.forEach((s, v) -> s.write(builder, v != null ? v : empty(s.type())));
        return builder.build();
    }

    public Object get(RunSetting setting) {
        return values.get(setting);
    }

    /** @param value of the setting's {@link RunSetting#type()}, or null for an empty field */
    public void set(RunSetting setting, Object value) {
        if (value != null && !setting.type().isInstance(value)) {
            throw new IllegalArgumentException(setting + " takes " + setting.type().getSimpleName() + ", not " + value);
        }
        values.put(setting, value);
    }

    /** What an empty field stands for: NaN and −1 fail every range check; no seed is invalid, so 0. */
    private static Object empty(Class<?> type) {
        if (type == Double.class) {
            return Double.NaN;
        }
        if (type == Integer.class) {
            return -1;
        }
        if (type == Long.class) {
            return 0L;
        }
        if (type == Boolean.class) {
            return false;
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }
}
