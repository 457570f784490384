package org.mnistlab.runs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The run ids of a compare link ({@code /compare?runs=3,7,9}): parsing with messages a user can act on. */
public final class RunIds {

    /** Compare charts stay readable up to this many runs. */
    public static final int MAX_COMPARED = 8;

    private RunIds() {
    }

    /**
     * @return the distinct ids in the given order
     * @throws IllegalArgumentException with a user-facing message for anything else
     */
    public static List<Long> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new IllegalArgumentException("No runs chosen: select two or more runs on the Runs page");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : commaSeparated.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                long id = Long.parseLong(s);
                if (id < 1) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a run id (use numbers, e.g. runs=3,7)");
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("No runs chosen: select two or more runs on the Runs page");
        }
        if (ids.size() > MAX_COMPARED) {
            throw new IllegalArgumentException("Compare at most " + MAX_COMPARED + " runs at a time ("
                    + ids.size() + " chosen)");
        }
        return new ArrayList<>(ids);
    }

    /** The query value for these ids: "3,7,9". */
    public static String format(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
