package org.mnistlab.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What every refused or failed API call answers: a message for the person (no stack trace, no server path) and,
 * for run settings, one message per setting key.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, Map<String, String> fields) {

    public ApiError(String error) {
        this(error, Map.of());
    }
}
