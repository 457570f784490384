package org.mnistlab.playground.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.mnistlab.base.ui.Format;
import org.mnistlab.base.ui.ValueEvent;
import org.mnistlab.dataset.ui.DigitImage;
import org.mnistlab.playground.MyDigit;
import org.mnistlab.playground.MyDigitsEvaluation;
import org.mnistlab.base.ui.LabIcon;

/**
 * "My digits": choose the true label and save the current drawing, see the saved ones, and evaluate the
 * chosen model(s) on them. Raises events; the view does the work.
 */
class MyDigitsPanel extends VerticalLayout {

    /** How many saved digits the gallery shows (newest first). */
    static final int GALLERY_LIMIT = 120;

    private final Select<Integer> trueLabel = new Select<>();
    private final Span count = new Span();
    private final Div gallery = new Div();
    private final Div results = new Div();

    MyDigitsPanel() {
        setPadding(false);
        trueLabel.setId("true-label");
        trueLabel.setLabel("True label");
        trueLabel.setItems(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        trueLabel.setPlaceholder("0–9");
        trueLabel.setWidth("7em");
        Button save = new Button("Save digit", LabIcon.Name.DOWNLOAD_ALT.create(), e -> {
            if (trueLabel.getValue() == null) {
                trueLabel.setInvalid(true);
                trueLabel.setErrorMessage("Choose the digit's true label (0–9)");
                return;
            }
            trueLabel.setInvalid(false);
            fireEvent(new SaveEvent(this, trueLabel.getValue()));
        });
        save.setId("save-digit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        trueLabel.addValueChangeListener(e -> trueLabel.setInvalid(false));
        Button evaluate = new Button("Evaluate model on my digits", LabIcon.Name.CHECK_SQUARE_O.create(),
                e -> fireEvent(new EvaluateEvent(this)));
        evaluate.setId("evaluate-my-digits");
        count.setId("my-digits-count");
        HorizontalLayout actions = new HorizontalLayout(trueLabel, save, evaluate, count);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);

        gallery.setId("my-digits-gallery");
        gallery.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        results.setId("my-digits-result");
        add(new H3("My digits"), new Span("Save labelled drawings to build your own test set of real handwriting."),
                actions, gallery, results);
    }

    /** @param digits the newest saved digits (up to GALLERY_LIMIT); @param total how many are saved in all */
    void showDigits(List<MyDigit> digits, int total) {
        count.setText(total == 0 ? "No digits saved yet" : total + (total == 1 ? " digit saved" : " digits saved"));
        gallery.removeAll();
        for (MyDigit digit : digits) {
            Button delete = new Button(LabIcon.Name.CLOSE_SMALL.create(), e -> fireEvent(new DeleteEvent(this, digit.id())));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            delete.setAriaLabel("Delete this digit");
            Span label = new Span(String.valueOf(digit.label()));
            label.addClassName("my-digit-label");
            Div caption = new Div(label, delete);
            caption.getStyle().set("display", "flex").set("justify-content", "space-between").set("align-items", "center");
            Div item = new Div(new DigitImage(digit.pixels(), "my-digit-" + digit.id(), 56), caption);
            item.addClassName("my-digit");
            item.getElement().setAttribute("data-label", String.valueOf(digit.label()));
            gallery.add(item);
        }
    }

    void clearResults() {
        results.removeAll();
    }

    void showEvaluation(MyDigitsEvaluation evaluation) {
        Div block = new Div();
        block.addClassName("my-digits-evaluation");
        String model = evaluation.title();
        Span summary = new Span(evaluation.total() == 0 ? model + ": save some digits first"
                : model + ": " + evaluation.correct() + " of " + evaluation.total() + " right ("
                        + Format.percent(evaluation.accuracy(), 1) + ")");
        summary.addClassName(LumoUtility.FontWeight.SEMIBOLD);
        Div wrong = new Div();
        wrong.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        for (MyDigitsEvaluation.Mistake m : evaluation.mistakes()) {
            Span text = new Span(m.digit().label() + " → " + m.predicted() + " ("
                    + Format.percent((double) m.confidence(), 0) + ")");
            text.addClassName(LumoUtility.FontSize.XSMALL);
            Div item = new Div(new DigitImage(m.digit().pixels(), "mistake-" + m.digit().id(), 56), new Div(text));
            item.addClassName("my-digit-mistake");
            wrong.add(item);
        }
        block.add(new Div(summary), wrong);
        results.add(block);
    }

    void showProblem(String problem) {
        Span text = new Span(problem);
        text.getStyle().set("color", "var(--lumo-error-text-color)");
        results.add(new Div(text));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addDeleteListener(ComponentEventListener<DeleteEvent> listener) {
        return addListener(DeleteEvent.class, listener);
    }

    Registration addEvaluateListener(ComponentEventListener<EvaluateEvent> listener) {
        return addListener(EvaluateEvent.class, listener);
    }

    /** Save the drawing with this label. */
    static class SaveEvent extends ValueEvent<MyDigitsPanel, Integer> {
        SaveEvent(MyDigitsPanel source, int label) {
            super(source, label);
        }
    }

    /** Delete the saved digit with this id. */
    static class DeleteEvent extends ValueEvent<MyDigitsPanel, Long> {
        DeleteEvent(MyDigitsPanel source, long id) {
            super(source, id);
        }
    }

    static class EvaluateEvent extends ComponentEvent<MyDigitsPanel> {
        EvaluateEvent(MyDigitsPanel source) {
            super(source, false);
        }
    }
}
