package org.mnistlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parsed {@code --name value}, {@code --name=value} and bare {@code --flag} options of one command. Options
 * in {@code optionalValue} may stand alone or take a value (e.g. {@code --augment} or
 * {@code --augment 15,3,0.15}).
 */
final class Arguments {

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Arguments(String command) {
        this.command = command;
    }

    static Arguments parse(String[] args, Set<String> withValue, Set<String> optionalValue) {
        if (args.length == 0) {
            throw new UsageException("No command given");
        }
        Arguments parsed = new Arguments(args[0]);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("Unexpected argument '" + arg + "': options start with --");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!withValue.contains(name) && !optionalValue.contains(name)) {
                throw new UsageException("Unknown option --" + name);
            }
            if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            if (value == null && withValue.contains(name)) {
                throw new UsageException("Option --" + name + " needs a value");
            }
            if (parsed.values.containsKey(name)) {
                throw new UsageException("Option --" + name + " is given twice");
            }
            parsed.values.put(name, value == null ? "" : value);
        }
        return parsed;
    }

    String command() {
        return command;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return number(name, fallback, Integer::parseInt, "a whole number");
    }

    long longValue(String name, long fallback) {
        return number(name, fallback, Long::parseLong, "a whole number");
    }

    double decimal(String name, double fallback) {
        return number(name, fallback, Double::parseDouble, "a number");
    }

    boolean onOff(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        return switch (values.get(name).toLowerCase()) {
            case "", "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new UsageException("--" + name + " must be on or off, not '" + values.get(name) + "'");
        };
    }

    /** Comma-separated numbers, e.g. "256,128". */
    List<Double> decimals(String name) {
        List<Double> result = new ArrayList<>();
        for (String part : values.get(name).split(",")) {
            try {
                result.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " expects comma-separated numbers, not '" + values.get(name) + "'");
            }
        }
        return result;
    }

    private <T> T number(String name, T fallback, Function<String, T> parser, String what) {
        if (!has(name)) {
            return fallback;
        }
        try {
            return parser.apply(values.get(name).strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be " + what + ", not '" + values.get(name) + "'");
        }
    }
}
