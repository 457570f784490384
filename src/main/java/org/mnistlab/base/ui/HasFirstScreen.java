package org.mnistlab.base.ui;

import java.util.Optional;

/** A view that can tell its {@link FirstScreen} while the page's document is made. */
public interface HasFirstScreen {

    /** The first screen, or empty when it cannot be told yet (e.g. the data is still loading). */
    Optional<FirstScreen> firstScreen();
}
