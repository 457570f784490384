package org.mnistlab.base;

import java.util.regex.Pattern;

/**
 * Turns failures into text a user may read: the cause in plain words, without stack traces, database error
 * codes or the server's absolute paths (a file is named by its file name).
 */
public final class UserMessages {

    /** A run of /dir/ segments ending in a name: the name is kept. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?:[A-Za-z]:)?(?:[/\\\\][^/\\\\\\s\"']+)+[/\\\\]([^/\\\\\\s\"']+)");
    /** H2's "[90121-224]" error code and version suffix. */
    private static final Pattern H2_CODE = Pattern.compile("\\s*\\[\\d+-\\d+]");

    private UserMessages() {
    }

    /** The message with every absolute path shortened to its last name. */
    public static String withoutPaths(String message) {
        return message == null ? "" : ABSOLUTE_PATH.matcher(message).replaceAll("$1");
    }

    /** What to tell the user when the database of runs cannot be read or written. */
    public static String storeUnavailable(Throwable failure) {
        return "The run store is unavailable: " + rootCause(failure)
                + ". Free space on the data directory's disk, then try again: the store reopens by itself once it"
                + " can write (finished epochs are kept).";
    }

    /** The innermost cause's message, cleaned for users. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        return withoutPaths(H2_CODE.matcher(message).replaceAll("")).strip();
    }
}
