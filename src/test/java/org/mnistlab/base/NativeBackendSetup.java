package org.mnistlab.base;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Configures the native backend before any test runs, as {@code Application.main} does before anything else:
 * a test that touches ND4J first would otherwise load its libraries before their environment is set.
 */
public class NativeBackendSetup implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeBackend.configure();
    }
}
