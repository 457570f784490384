package org.mnistlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;

/**
 * What a form or panel raises when the user asks for something, carrying what was chosen (a label, a name,
 * a configuration); the view that holds the component decides what happens. Each kind of request is its own
 * subclass, because Vaadin routes listeners by event class.
 */
public abstract class ValueEvent<C extends Component, T> extends ComponentEvent<C> {

    private final T value;

    protected ValueEvent(C source, T value) {
        super(source, false);
        this.value = value;
    }

    public T value() {
        return value;
    }
}
