package org.mnistlab.runs.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;

/**
 * The runs grid's filters and sort as the query of its address
 * ({@code runs?dataset=mnist&model=cnn&status=finished&q=lr&sweep=3&sort=test_accuracy&dir=asc}), so a view can be
 * shared and survives a reload. Values that do not parse are ignored; a missing sort is newest first.
 */
record RunsAddress(RunFilter filter, RunSort sort) {

    static RunsAddress parse(Map<String, List<String>> params) {
        String search = first(params, "q");
        RunFilter filter = new RunFilter(
                value(params, "dataset", DatasetKind::fromId),
                value(params, "model", Architecture::fromId),
                value(params, "status", s -> RunStatus.valueOf(s.toUpperCase(Locale.ROOT))),
                search == null || search.isBlank() ? null : search.strip(),
                value(params, RunsView.SWEEP, Long::valueOf));
        RunSort.Column column = value(params, "sort", s -> RunSort.Column.valueOf(s.toUpperCase(Locale.ROOT)));
        RunSort sort = column == null ? RunSort.NEWEST_FIRST : new RunSort(column, "asc".equals(first(params, "dir")));
        return new RunsAddress(filter, sort);
    }

    /** The query string without "?", empty for all runs newest first. */
    String query() {
        StringBuilder q = new StringBuilder();
        if (filter.dataset() != null) {
            append(q, "dataset", filter.dataset().id());
        }
        if (filter.architecture() != null) {
            append(q, "model", filter.architecture().id());
        }
        if (filter.status() != null) {
            append(q, "status", filter.status().name().toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null) {
            append(q, "q", filter.text());
        }
        if (filter.sweepId() != null) {
            append(q, RunsView.SWEEP, filter.sweepId().toString());
        }
        if (!sort.equals(RunSort.NEWEST_FIRST)) {
            append(q, "sort", sort.column().name().toLowerCase(Locale.ROOT));
            append(q, "dir", sort.ascending() ? "asc" : "desc");
        }
        return q.toString();
    }

    private static void append(StringBuilder q, String key, String value) {
        q.append(q.isEmpty() ? "" : "&").append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String first(Map<String, List<String>> params, String key) {
        List<String> values = params.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static <T> T value(Map<String, List<String>> params, String key, Function<String, T> parser) {
        String v = first(params, key);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
