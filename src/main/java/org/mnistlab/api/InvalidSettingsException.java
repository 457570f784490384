package org.mnistlab.api;

import java.util.Map;

/** A submitted configuration the API refuses: one message per setting key, as the form shows them. */
class InvalidSettingsException extends RuntimeException {

    private final Map<String, String> fields;

    InvalidSettingsException(String message, Map<String, String> fields) {
        super(message);
        this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    Map<String, String> fields() {
        return fields;
    }
}
