package org.mnistlab.runs.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import java.math.BigDecimal;
import java.util.function.Function;
import org.mnistlab.training.RunSetting;

/**
 * A number typed as text ↔ a setting's value, read whole and exactly: {@code 5e-4}, {@code 5E-4} and
 * {@code 0.0005} are the same number, and anything that is not entirely a number is refused, never read up to
 * where it stops making sense. Whole-number settings take any exact whole number, so {@code 1e3} is 1000
 * but {@code 2.5} is refused. The value is shown back as it will be used ({@code 5e-4} becomes
 * {@code 0.0005}). An empty field converts to null, which the form reports as missing.
 */
final class NumberConverter<N extends Number> implements Converter<String, N> {

    static final String NOT_A_NUMBER = "Enter a number, e.g. 0.001 or 1e-3";
    static final String NOT_WHOLE = "Enter a whole number, e.g. 64";
    static final String TOO_LARGE = "This number is too large";
    static final String TOO_SMALL = "This number is too small to tell from 0: enter 0 or a larger number";

    private final String notANumber;
    private final Function<BigDecimal, Result<N>> exact;

    private NumberConverter(String notANumber, Function<BigDecimal, Result<N>> exact) {
        this.notANumber = notANumber;
        this.exact = exact;
    }

    /** The converter for a number setting's {@link RunSetting#type()}. */
    static NumberConverter<?> of(Class<?> type) {
        if (type == Double.class) {
            return decimal();
        }
        if (type == Integer.class) {
            return integer();
        }
        if (type == Long.class) {
            return longInteger();
        }
        throw new IllegalArgumentException(type.getSimpleName() + " is not a number type");
    }

    /** Any finite number a double holds; one too small to tell from 0 is refused rather than read as 0. */
    static NumberConverter<Double> decimal() {
        return new NumberConverter<>(NOT_A_NUMBER, number -> {
            double value = number.doubleValue();
            if (Double.isInfinite(value)) {
                return Result.error(TOO_LARGE);
            }
            if (value == 0 && number.signum() != 0) {
                return Result.error(TOO_SMALL);
            }
            return Result.ok(value);
        });
    }

    static NumberConverter<Integer> integer() {
        return whole(Integer.MIN_VALUE, Integer.MAX_VALUE, BigDecimal::intValueExact);
    }

    /** Seeds: every {@code long}, digit for digit (a double would round those beyond 2^53). */
    static NumberConverter<Long> longInteger() {
        return whole(Long.MIN_VALUE, Long.MAX_VALUE, BigDecimal::longValueExact);
    }

    private static <N extends Number> NumberConverter<N> whole(long min, long max, Function<BigDecimal, N> exact) {
        return new NumberConverter<>(NOT_WHOLE, number -> {
            if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                return Result.error(NOT_WHOLE);
            }
            try {
                return Result.ok(exact.apply(number));
            } catch (ArithmeticException e) {
                return Result.error("Enter a whole number from " + min + " to " + max);
            }
        });
    }

    @Override
    public Result<N> convertToModel(String text, ValueContext context) {
        if (text == null || text.isBlank()) {
            return Result.ok(null);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return Result.error(notANumber);
        }
        return exact.apply(number);
    }

    @Override
    public String convertToPresentation(N value, ValueContext context) {
        if (value == null) {
            return "";
        }
        return value instanceof Double d ? RunSetting.decimal(d) : value.toString();
    }
}
