package org.mnistlab.runs.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;

/**
 * A seed typed as text ↔ the run's {@code long} seed, digit for digit: any whole number from
 * {@link Long#MIN_VALUE} to {@link Long#MAX_VALUE} is taken exactly, anything else is refused, never rounded.
 * An empty field converts to null, which the form reports as missing.
 */
class SeedConverter implements Converter<String, Long> {

    static final String NOT_A_SEED = "Enter a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;

    @Override
    public Result<Long> convertToModel(String text, ValueContext context) {
        if (text == null || text.isBlank()) {
            return Result.ok(null);
        }
        try {
            return Result.ok(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Result.error(NOT_A_SEED);
        }
    }

    @Override
    public String convertToPresentation(Long seed, ValueContext context) {
        return seed == null ? "" : seed.toString();
    }
}
