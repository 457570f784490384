package org.mnistlab.runs.ui;

import com.vaadin.flow.component.HasStyle;

/** Inline CSS from one declaration string, so small components need no theme file. */
final class Styles {

    private Styles() {
    }

    /** Applies "a: b; c: d" to the component's style. */
    static <T extends HasStyle> T apply(T component, String declarations) {
        for (String declaration : declarations.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                component.getStyle().set(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
            }
        }
        return component;
    }
}
