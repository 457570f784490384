package org.mnistlab.training;

/** One invalid setting; {@code message} says the allowed range. */
public record ConfigProblem(RunSetting setting, String message) {
}
