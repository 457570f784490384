package org.mnistlab.insight.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Optional;
import org.mnistlab.insight.Filters;

/**
 * The first layer's filters: a CNN's conv kernels, or for an MLP the first dense layer's weights per unit as
 * 28×28 images (what each unit looks for). Mid gray is 0, dark and light the strongest weights.
 */
public class FiltersPanel extends Div {

    private int shown;

    /** @param filters empty for a model without hidden layers or without a model file */
    public FiltersPanel(Optional<Filters> filters) {
        setId("filters-panel");
        setWidthFull();
        add(new H3("First-layer filters"));
        if (filters.isEmpty()) {
            add(new Paragraph("This model has no hidden layer (or no model file), so it has no filters to show."));
            return;
        }
        Filters f = filters.get();
        String what = f.convolutional()
                ? f.total() + " kernels of " + f.size() + "×" + f.size() + " in " + f.layer()
                + ": mid gray is 0, dark a negative and light a positive weight."
                : "An MLP has no conv filters. These are the incoming weights of " + f.layer() + "'s units as 28×28"
                + " images (what each unit looks for)" + (f.weights().size() < f.total()
                ? ", the first " + f.weights().size() + " of " + f.total() : "")
                + ": mid gray is 0, dark a negative and light a positive weight.";
        Paragraph note = new Paragraph(what);
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div grid = new Div();
        grid.setId("filters");
        grid.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.XSMALL);
        int px = f.convolutional() ? 36 : 56;
        for (int i = 0; i < f.weights().size(); i++) {
            // DigitPng draws 255 dark: invert so that positive weights are light, as the note says
            byte[] bytes = f.bytes(i);
            for (int p = 0; p < bytes.length; p++) {
                bytes[p] = (byte) (255 - (bytes[p] & 0xff));
            }
            grid.add(InsightImages.gray(bytes, f.size(), f.layer() + " filter " + i, px));
        }
        shown = f.weights().size();
        add(note, grid);
    }

    /** How many filter images are shown (for tests). */
    public int filtersShown() {
        return shown;
    }
}
