package org.mnistlab.runs.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Random;
import java.util.function.Function;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.dataset.LabeledImages;
import org.mnistlab.dataset.ui.DigitImage;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.Augmenter;
import org.mnistlab.base.ui.LabIcon;

/**
 * Real training samples next to augmented copies, so a person sees what rotation / shift / zoom do before
 * training on them. Each copy keeps its own random stream while the settings change, so moving a setting
 * scales the same transform instead of drawing a new one.
 */
class AugmentationPreview extends Composite<VerticalLayout> {

    static final int SAMPLES = 6;
    static final int VARIANTS = 4;
    private static final int PX = 56;

    private final Function<DatasetKind, LabeledImages> trainingSamples;
    private final Augmenter augmenter;
    private final Div grid = new Div();
    private final Span message = new Span();
    private final Random picker = new Random();
    private int[] indices = new int[0];
    private long seed;
    private DatasetKind shownKind;
    private Augmentation shownAugmentation;

    AugmentationPreview(Function<DatasetKind, LabeledImages> trainingSamples, Augmenter augmenter) {
        this.trainingSamples = trainingSamples;
        this.augmenter = augmenter;
        grid.setId("augmentation-preview");
        grid.getStyle().set("display", "grid").set("gap", "4px")
                .set("grid-template-columns", "repeat(" + (VARIANTS + 1) + ", " + PX + "px)");
        message.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        message.setId("augmentation-message");
        Button fresh = new Button("New samples", LabIcon.Name.REFRESH.create(), e -> newSamples());
        fresh.setId("new-samples");
        fresh.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout header = new HorizontalLayout(new H3("Augmentation preview"), fresh);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Span legend = new Span("Left: the original; right: " + VARIANTS + " random augmented versions.");
        legend.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        VerticalLayout root = getContent();
        root.setPadding(false);
        root.setSpacing(false);
        root.add(header, legend, grid, message);
    }

    /** Shows the current samples with these settings (draws samples on first use or for another dataset). */
    void show(DatasetKind kind, Augmentation augmentation) {
        if (kind == null || augmentation == null) {
            return;
        }
        if (kind == shownKind && augmentation.equals(shownAugmentation)) {
            return;
        }
        if (kind != shownKind) {
            shownKind = kind;
            indices = new int[0];
        }
        shownAugmentation = augmentation;
        render();
    }

    void newSamples() {
        indices = new int[0];
        render();
    }

    private void render() {
        grid.removeAll();
        LabeledImages images;
        try {
            images = trainingSamples.apply(shownKind);
        } catch (RuntimeException e) {
            message.setText("No samples to preview: " + e.getMessage());
            return;
        }
        if (indices.length == 0) {
            indices = picker.ints(SAMPLES, 0, images.size()).toArray();
            seed = picker.nextLong();
        }
        boolean valid = shownAugmentation.maxRotationDegrees() >= 0 && shownAugmentation.maxShiftPixels() >= 0
                && shownAugmentation.zoomRange() >= 0;
        message.setText(!shownAugmentation.enabled() ? "Augmentation is off: the copies equal the originals."
                : valid ? "" : "Fix the augmentation settings to see the preview.");
        for (int s = 0; s < indices.length; s++) {
            int index = indices[s];
            byte[] original = images.image(index);
            String stem = shownKind.id() + "-train-" + index;
            grid.add(new DigitImage(original, stem, PX));
            for (int v = 0; v < VARIANTS; v++) {
                byte[] shown = original;
                if (shownAugmentation.enabled() && valid) {
                    try {
                        shown = augmenter.augment(original, shownAugmentation, new Random(seed + 31L * s + v));
                    } catch (RuntimeException e) {
                        message.setText("Preview unavailable: " + e.getMessage());
                    }
                }
                DigitImage copy = new DigitImage(shown, stem + "-aug" + v, PX);
                copy.addClassName("augmented");
                grid.add(copy);
            }
        }
    }
}
