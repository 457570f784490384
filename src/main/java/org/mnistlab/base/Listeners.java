package org.mnistlab.base;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one kind of event, safe to add, remove and publish to from any thread. A listener that
 * throws is logged and skipped: the others still hear about the event (typically the failing one belongs
 * to a browser tab that went away).
 *
 * @param <E> the event type
 */
public final class Listeners<E> {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final String what;
    private final List<Consumer<? super E>> listeners = new CopyOnWriteArrayList<>();

    /** @param what the events' name for the log, e.g. "run event" */
    public Listeners(String what) {
        this.what = what;
    }

    /** Adds a listener; run the returned Runnable to remove it again. */
    public Runnable add(Consumer<? super E> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Calls every listener with the event, on this thread, in the order they were added. */
    public void publish(E event) {
        for (Consumer<? super E> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A {} listener failed on {}", what, event, e);
            }
        }
    }

    public int size() {
        return listeners.size();
    }
}
