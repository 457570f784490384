package org.mnistlab.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.ConfigProblem;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;
import org.mnistlab.training.RunSetting;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Run settings as command-line options, named by {@link RunSetting#cliOption()}: one option per setting, and one
 * for all parts of the augmentation ({@code --augment ROT,SHIFT,ZOOM}) and of the schedule ({@code --schedule}).
 * A number is taken exactly as typed or refused: {@code --epochs 2.5} and {@code --seed 010} are errors, not 2 or 8.
 */
final class SettingOptions {

    /** Moderate augmentation for a bare {@code --augment}: ±10°, ±2 px, ±10 % zoom. */
    static final Augmentation DEFAULT_AUGMENTATION = new Augmentation(10, 2, 0.1);

    /** Option name → the settings it sets. */
    private final Map<String, List<RunSetting>> byOption = new LinkedHashMap<>();

    /** The options of these settings (with a part of the augmentation or schedule, the whole option). */
    SettingOptions(Collection<RunSetting> settings) {
        Set<String> names = settings.stream().map(RunSetting::cliOption).collect(Collectors.toSet());
        for (RunSetting s : RunSetting.values()) {
            if (names.contains(s.cliOption())) {
                byOption.computeIfAbsent(s.cliOption(), name -> new ArrayList<>()).add(s);
            }
        }
    }

    /** Adds the options to a command, in the settings' order. */
    void addTo(CommandSpec command) {
        int order = 0;
        for (var option : byOption.entrySet()) {
            command.addOption(option(option.getKey(), option.getValue(), order++));
        }
    }

    /** The value given for a setting's option, or {@code fallback}. */
    static <T> T given(ParseResult parsed, RunSetting setting, T fallback) {
        return parsed.matchedOptionValue(setting.cliOption(), fallback);
    }

    /** Writes every option given on the command line into {@code builder}. */
    RunConfig.Builder applyTo(ParseResult parsed, RunConfig.Builder builder) {
        byOption.forEach((name, settings) -> {
            if (!parsed.hasMatchedOption(name)) {
                return;
            }
            Object value = parsed.matchedOptionValue(name, null);
            if (value instanceof Augmentation augmentation) {
                builder.augmentation(augmentation);
            } else if (value instanceof LrSchedule schedule) {
                builder.lrSchedule(schedule);
            } else if (isNegation(name)) {
                settings.get(0).write(builder, false);
            } else {
                settings.get(0).write(builder, value);
            }
        });
        return builder;
    }

    /** The configuration if valid; otherwise an error that names each problem by the option that sets it. */
    static RunConfig checked(RunConfig config, CommandSpec command) {
        List<ConfigProblem> problems = config.validate();
        if (problems.isEmpty()) {
            return config;
        }
        throw new ParameterException(command.commandLine(), problems.stream()
                .map(p -> "  " + p.setting().cliOption() + ": " + p.message())
                .collect(Collectors.joining("\n", "Invalid settings:\n", "")));
    }

    private static boolean isNegation(String name) {
        return name.startsWith("--no-");
    }

    private static OptionSpec option(String name, List<RunSetting> settings, int order) {
        RunSetting first = settings.get(0);
        OptionSpec.Builder option = OptionSpec.builder(name).order(order);
        if (settings.contains(RunSetting.LR_SCHEDULE_TYPE)) {
            return option.type(LrSchedule.class).converters(SettingOptions::schedule)
                    .paramLabel("none|step:F:EPOCHS|plateau:F:PATIENCE|onecycle:MAX_LR:WARMUP|cosine:WARMUP")
                    .description("Learning-rate schedule, e.g. step:0.5:3 (halve every 3 epochs)").build();
        }
        if (settings.contains(RunSetting.AUGMENTATION_ROTATION)) {
            return option.type(Augmentation.class).converters(SettingOptions::augmentation)
                    .arity("0..1").fallbackValue(DEFAULT_AUGMENTATION.maxRotationDegrees() + ","
                            + DEFAULT_AUGMENTATION.maxShiftPixels() + "," + DEFAULT_AUGMENTATION.zoomRange())
                    .paramLabel("ROT,SHIFT,ZOOM")
                    .description("Random rotation (±°), shift (±px) and zoom (±) of training images; "
                            + "bare = 10,2,0.1").build();
        }
        if (isNegation(name)) {
            return option.type(boolean.class).arity("0").description(first.formLabel() + ": no").build();
        }
        String description = first.label() + (first.hint().isEmpty() ? "" : ". " + first.hint());
        // arity 1: a Boolean setting takes on or off, unlike picocli's default of a bare flag
        return option.type(first.type()).arity("1").converters(converter(first.type()))
                .paramLabel(paramLabel(first.type())).description(description).build();
    }

    private static ITypeConverter<?> converter(Class<?> type) {
        if (type == Integer.class) {
            return text -> wholeNumber(text, Integer::parseInt);
        }
        if (type == Long.class) {
            return text -> wholeNumber(text, Long::parseLong);
        }
        if (type == Double.class) {
            return SettingOptions::decimal;
        }
        if (type == Boolean.class) {
            return SettingOptions::onOff;
        }
        if (type == List.class) {
            return SettingOptions::wholeNumbers;
        }
        if (type == DatasetKind.class) {
            return text -> choice(() -> DatasetKind.fromId(text));
        }
        if (type == Architecture.class) {
            return text -> choice(() -> Architecture.fromId(text));
        }
        if (type == OptimizerKind.class) {
            return SettingOptions::optimizer;
        }
        if (type == String.class) {
            return text -> text;
        }
        throw new IllegalArgumentException("No command-line form for " + type.getSimpleName());
    }

    private static String paramLabel(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "N";
        }
        if (type == Double.class) {
            return "X";
        }
        if (type == Boolean.class) {
            return "on|off";
        }
        if (type == List.class) {
            return "N,N,...";
        }
        if (type == DatasetKind.class) {
            return Arrays.stream(DatasetKind.values()).map(DatasetKind::id).collect(Collectors.joining("|"));
        }
        if (type == Architecture.class) {
            return Arrays.stream(Architecture.values()).map(Architecture::id).collect(Collectors.joining("|"));
        }
        if (type == OptimizerKind.class) {
            return Arrays.stream(OptimizerKind.values()).map(SettingOptions::id).collect(Collectors.joining("|"));
        }
        return "TEXT";
    }

    private static <T> T wholeNumber(String text, Function<String, T> parser) {
        try {
            return parser.apply(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(text.strip().matches("[-+]?\\d+")
                    ? "'" + text + "' is out of range" : "'" + text + "' is not a whole number");
        }
    }

    /** Any decimal or scientific notation (1e-3); not NaN, Infinity, hexadecimal or Java suffixes like 1d. */
    static double decimal(String text) {
        try {
            double value = new BigDecimal(text.strip()).doubleValue();
            if (Double.isInfinite(value)) {
                throw new TypeConversionException("'" + text + "' is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
    }

    private static boolean onOff(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new TypeConversionException("'" + text + "' is neither on nor off");
        };
    }

    private static List<Integer> wholeNumbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                numbers.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not whole numbers separated by commas, e.g. 256,128");
            }
        }
        return numbers;
    }

    private static OptimizerKind optimizer(String text) {
        for (OptimizerKind kind : OptimizerKind.values()) {
            if (id(kind).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new TypeConversionException("Unknown optimizer '" + text + "': use " + Arrays.stream(OptimizerKind.values())
                .map(SettingOptions::id).collect(Collectors.joining(", ")));
    }

    private static String id(OptimizerKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static <T> T choice(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static Augmentation augmentation(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new TypeConversionException("'" + text + "' is not ROTATION,SHIFT,ZOOM, e.g. 10,2,0.1");
        }
        return new Augmentation(decimal(parts[0]), decimal(parts[1]), decimal(parts[2]));
    }

    private static LrSchedule schedule(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":");
        try {
            if (parts.length == 1 && parts[0].equals("none")) {
                return LrSchedule.NONE;
            }
            if (parts.length == 3 && parts[0].equals("step")) {
                return LrSchedule.step(decimal(parts[1]), Integer.parseInt(parts[2]));
            }
            if (parts.length == 3 && parts[0].equals("plateau")) {
                return LrSchedule.plateau(decimal(parts[1]), Integer.parseInt(parts[2]));
            }
            if (parts.length == 3 && parts[0].equals("onecycle")) {
                return LrSchedule.oneCycle(decimal(parts[1]), decimal(parts[2]));
            }
            if (parts.length == 2 && parts[0].equals("cosine")) {
                return LrSchedule.cosine(decimal(parts[1]));
            }
        } catch (NumberFormatException | TypeConversionException e) {
            // reported below with the forms it may take
        }
        throw new TypeConversionException("'" + text + "' is not none, step:FACTOR:EPOCHS, plateau:FACTOR:PATIENCE,"
                + " onecycle:MAX_LR:WARMUP_EPOCHS or cosine:WARMUP_EPOCHS (e.g. step:0.5:3, onecycle:0.01:1)");
    }
}
