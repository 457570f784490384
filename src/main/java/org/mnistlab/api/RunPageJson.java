package org.mnistlab.api;

import java.util.List;

/** A page of runs: {@code total} match the filter, {@code runs} are those from {@code offset}. */
public record RunPageJson(int total, int offset, List<RunJson> runs) {
}
