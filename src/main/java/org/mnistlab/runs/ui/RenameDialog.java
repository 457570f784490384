package org.mnistlab.runs.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.mnistlab.base.ui.ValueEvent;

/** Asks for a run's new name; raises {@link SaveEvent} with a valid name and leaves saving to the view. */
class RenameDialog extends Dialog {

    static final int MAX_LENGTH = 100;

    final TextField name = new TextField("Name");
    final Button save = new Button("Rename");

    RenameDialog(String current) {
        setHeaderTitle("Rename run");
        name.setId("rename-field");
        name.setValue(current);
        name.setWidth("24em");
        name.setMaxLength(MAX_LENGTH);
        name.setRequired(true);
        add(name);
        save.setId("rename-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> submit());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        addOpenedChangeListener(e -> name.focus());
    }

    private void submit() {
        String value = name.getValue() == null ? "" : name.getValue().strip();
        if (value.isEmpty()) {
            showError("Enter a name");
        } else if (value.length() > MAX_LENGTH) {
            showError("A name has at most " + MAX_LENGTH + " characters");
        } else {
            fireEvent(new SaveEvent(this, value));
        }
    }

    void showError(String message) {
        name.setInvalid(true);
        name.setErrorMessage(message);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** Rename the run to this name. */
    static class SaveEvent extends ValueEvent<RenameDialog, String> {
        SaveEvent(RenameDialog source, String name) {
            super(source, name);
        }
    }
}
