package org.mnistlab.sweeps;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a sweep cannot start; carries every problem, each under its field. */
public class InvalidSweepException extends RuntimeException {

    private final List<SweepProblem> problems;

    public InvalidSweepException(List<SweepProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<SweepProblem> problems() {
        return problems;
    }
}
