package org.mnistlab.training;

/** One invalid setting: {@code field} is the RunConfig component name, {@code message} says the allowed range. */
public record ConfigProblem(String field, String message) {
}
