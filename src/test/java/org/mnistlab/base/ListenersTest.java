package org.mnistlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenersTest {

    private final Listeners<String> listeners = new Listeners<>("test event");

    @Test
    void publishes_to_every_listener_in_the_order_they_were_added() {
        List<String> heard = new ArrayList<>();
        listeners.add(e -> heard.add("first " + e));
        listeners.add(e -> heard.add("second " + e));

        listeners.publish("a");

        assertThat(heard).containsExactly("first a", "second a");
    }

    @Test
    void the_returned_runnable_removes_the_listener() {
        List<String> heard = new ArrayList<>();
        Runnable remove = listeners.add(heard::add);
        assertThat(listeners.size()).isEqualTo(1);

        remove.run();
        listeners.publish("a");

        assertThat(listeners.size()).isZero();
        assertThat(heard).isEmpty();
    }

    @Test
    void a_failing_listener_does_not_keep_the_event_from_the_others() {
        List<String> heard = new ArrayList<>();
        listeners.add(e -> {
            throw new IllegalStateException("tab closed");
        });
        listeners.add(heard::add);

        listeners.publish("a");

        assertThat(heard).containsExactly("a");
    }
}
