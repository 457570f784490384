package org.mnistlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.PushConnectionFactory;
import java.time.Instant;
import java.util.Optional;
import org.atmosphere.cpr.AtmosphereResource;

/**
 * Vaadin's push connection that also remembers since when it has been lost (the tab's websocket closed and the
 * browser has not connected again), so {@link ClosedTabSweeper} can close a tab whose unload beacon never came
 * without waiting three heartbeats. Vaadin picks it up through {@link Factory}, listed in
 * {@code META-INF/services} as Vaadin's bootstrap asks.
 */
public class TrackedPushConnection extends AtmospherePushConnection {

    private volatile Instant lostAt;

    public TrackedPushConnection(UI ui) {
        super(ui);
    }

    @Override
    public void connect(AtmosphereResource resource) {
        super.connect(resource); // may call connectionLost() first, when it replaces an open connection
        lostAt = null;
    }

    @Override
    public void connectionLost() {
        super.connectionLost();
        if (!isConnected() && lostAt == null) {
            lostAt = Instant.now();
        }
    }

    /** When the browser's connection went away, while it has not come back; empty before the first loss. */
    public Optional<Instant> lostAt() {
        return Optional.ofNullable(lostAt);
    }

    /** What Vaadin's bootstrap instantiates (through {@link java.util.ServiceLoader}) for each new tab. */
    public static class Factory implements PushConnectionFactory {
        @Override
        public PushConnection apply(UI ui) {
            return new TrackedPushConnection(ui);
        }
    }
}
