package org.mnistlab.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;

/**
 * A run configuration from JSON: the model's defaults (a simple CNN on MNIST unless told otherwise, as on the
 * command line) with the settings given, each named by its {@link RunSetting#key()}, nested
 * ({@code "augmentation": {"zoomRange": 0.1}}) or dotted ({@code "augmentation.zoomRange"}). The JSON a run
 * is listed with ({@code config}) is accepted back as it is. Validation is {@link RunConfig#validate()}'s.
 */
final class ConfigJson {

    private ConfigJson() {
    }

    /**
     * @throws InvalidSettingsException with a message per setting key when a value is of the wrong kind, a
     *                                  key is unknown, or the configuration does not validate
     */
    static RunConfig parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidSettingsException("The body must be a JSON object of run settings", Map.of());
        }
        Map<String, JsonNode> given = new LinkedHashMap<>();
        flatten("", json, given);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, RunSetting> byKey = new LinkedHashMap<>();
        for (RunSetting s : RunSetting.values()) {
            byKey.put(s.key(), s);
        }
        for (String key : given.keySet()) {
            if (!byKey.containsKey(key)) {
                fields.put(key, "Unknown setting; the settings are " + String.join(", ", byKey.keySet()));
            }
        }
        Architecture model = choice(given, RunSetting.ARCHITECTURE, Architecture.SIMPLE_CNN, Architecture::fromId, fields);
        DatasetKind dataset = choice(given, RunSetting.DATASET, DatasetKind.MNIST, ConfigJson::dataset, fields);
        RunConfig.Builder builder = RunConfig.defaults(model, dataset).toBuilder();
        for (RunSetting setting : RunSetting.values()) {
            JsonNode value = given.get(setting.key());
            if (value == null || setting == RunSetting.ARCHITECTURE || setting == RunSetting.DATASET) {
                continue;
            }
            try {
                setting.write(builder, value(setting, value));
            } catch (IllegalArgumentException e) {
                fields.put(setting.key(), e.getMessage());
            }
        }
        if (!fields.isEmpty()) {
            throw new InvalidSettingsException(summary(fields), fields);
        }
        RunConfig config = builder.build();
        List<ConfigProblem> problems = config.validate();
        if (!problems.isEmpty()) {
            for (ConfigProblem p : problems) {
                fields.merge(p.setting().key(), p.message(), (a, b) -> a + "; " + b);
            }
            throw new InvalidSettingsException(summary(fields), fields);
        }
        return config;
    }

    private static String summary(Map<String, String> fields) {
        return "Invalid run settings: " + String.join(", ", fields.keySet());
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key + ".", e.getValue(), out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T choice(Map<String, JsonNode> given, RunSetting setting, T fallback, Parser<T> parser,
                                Map<String, String> fields) {
        JsonNode value = given.get(setting.key());
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return parser.parse(value.asText());
        } catch (IllegalArgumentException e) {
            fields.put(setting.key(), e.getMessage());
            return fallback;
        }
    }

    /** A dataset by its id ("fashion-mnist") or enum name ("FASHION_MNIST"). */
    private static DatasetKind dataset(String text) {
        return DatasetKind.fromId(text.replace('_', '-'));
    }

    /** The JSON value as the setting's type; the exception's message is for the client. */
    private static Object value(RunSetting setting, JsonNode value) {
        Class<?> type = setting.type();
        if (value.isNull()) {
            if (type.isEnum() || type == String.class) {
                return null;
            }
            throw new IllegalArgumentException("Give a value");
        }
        if (type == String.class) {
            return value.asText();
        }
        if (type == Boolean.class) {
            if (!value.isBoolean()) {
                throw new IllegalArgumentException("Expected true or false");
            }
            return value.booleanValue();
        }
        if (type == Double.class) {
            return number(value).doubleValue();
        }
        if (type == Integer.class || type == Long.class) {
            Number n = number(value);
            if (!value.canConvertToExactIntegral() && !value.isIntegralNumber()) {
                throw new IllegalArgumentException("Expected a whole number");
            }
            if (type == Integer.class) {
                if (!value.canConvertToInt()) {
                    throw new IllegalArgumentException("Expected a whole number within ±2147483647");
                }
                return n.intValue();
            }
            return n.longValue();
        }
        if (type == List.class) {
            if (!value.isArray()) {
                throw new IllegalArgumentException("Expected a list of layer sizes, e.g. [256, 128]");
            }
            List<Integer> sizes = new ArrayList<>();
            for (JsonNode n : value) {
                if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                    throw new IllegalArgumentException("Expected a list of whole numbers, e.g. [256, 128]");
                }
                sizes.add(n.intValue());
            }
            return sizes;
        }
        if (type.isEnum()) {
            return enumValue(type, value.asText());
        }
        throw new IllegalArgumentException("Unsupported setting");
    }

    private static Number number(JsonNode value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("Expected a number");
        }
        return value.numberValue();
    }

    /** An enum constant by name, case and dashes aside ("one-cycle" is ONE_CYCLE). */
    private static Object enumValue(Class<?> type, String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) constant;
            if (e.name().equals(name)) {
                return e;
            }
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("Unknown value '" + text + "': use " + String.join(", ", names));
    }
}
