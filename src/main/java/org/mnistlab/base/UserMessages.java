package org.mnistlab.base;

import java.util.regex.Pattern;

/**
 * Turns failures into text a user may read: the cause in plain words, without stack traces, database error
 * codes or the server's absolute paths (a file is named by its file name).
 */
public final class UserMessages {

    /** A run of /dir/ segments ending in a name: the name is kept. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?:[A-Za-z]:)?(?:[/\\\\][^/\\\\\\s\"']+)+[/\\\\]([^/\\\\\\s\"']+)");
    /** H2's "[90121-224]" error code and version suffix, and its store's "[2.3.232/7]". */
    private static final Pattern H2_CODE = Pattern.compile("\\s*\\[(?:\\d+-\\d+|\\d+(?:\\.\\d+)+/\\d+)]");

    private UserMessages() {
    }

    /** The message with every absolute path shortened to its last name. */
    public static String withoutPaths(String message) {
        return message == null ? "" : ABSOLUTE_PATH.matcher(message).replaceAll("$1");
    }

    /**
     * What to tell the user when the database of runs cannot be read or written. The advice follows the cause:
     * H2 closes itself when a write fails, which on this kind of failure means a full disk; anything else (a
     * lock, permissions) is about who may write the data directory.
     */
    public static String storeUnavailable(Throwable failure) {
        String cause = rootCause(failure);
        String lower = cause.toLowerCase(java.util.Locale.ROOT);
        boolean diskLikely = lower.contains("space") || lower.contains("closed");
        return "The run store is unavailable: " + cause + (diskLikely
                ? ". Free space on the data directory's disk, then try again: the store reopens by itself once it"
                        + " can write (finished epochs are kept)."
                : ". Check that the data directory can be written and that no other MNIST Lab process uses it,"
                        + " then try again (finished epochs are kept).");
    }

    /** The innermost cause's message (a cause without one, e.g. a bare lock exception, says nothing), cleaned. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return root.getClass().getSimpleName();
        }
        return withoutPaths(H2_CODE.matcher(message).replaceAll("")).strip();
    }
}
