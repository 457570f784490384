package org.mnistlab.base;

import java.util.List;

/**
 * Pages a feature wants served once at start-up, after the first page, so that the first person to open them
 * does not pay for the server's cold code (a run page: 0.6 s the first time, 0.1-0.3 s later).
 */
public interface WarmUpPages {

    /** Paths relative to the app's root, without a leading slash, e.g. {@code runs/12}. */
    List<String> warmUpPaths();
}
