package org.mnistlab.training;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a run is submitted with an invalid configuration; carries every problem. */
public class InvalidConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(p -> p.setting().key() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
