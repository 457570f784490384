package org.mnistlab.runs.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** "256, 128" in a text field ↔ the MLP's hidden layer sizes; ranges are left to the engine's validation. */
class HiddenLayersConverter implements Converter<String, List<Integer>> {

    static final String NOT_NUMBERS = "Enter layer sizes as whole numbers separated by commas, e.g. 256, 128";

    @Override
    public Result<List<Integer>> convertToModel(String text, ValueContext context) {
        List<Integer> sizes = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return Result.ok(sizes);
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                sizes.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                return Result.error(NOT_NUMBERS);
            }
        }
        return Result.ok(sizes);
    }

    @Override
    public String convertToPresentation(List<Integer> sizes, ValueContext context) {
        return sizes == null ? "" : sizes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
