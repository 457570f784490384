package org.mnistlab.playground.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.Base64;
import org.mnistlab.dataset.DigitPng;
import org.mnistlab.playground.GrayImage;

/**
 * One preprocessing step as a small picture with a caption. Pictures go inline as data URLs: they change
 * with every stroke, and inline they arrive in the same round trip as the probabilities.
 */
class StepFigure extends Div {

    private final Image image = new Image();
    private final Span detail = new Span();
    private GrayImage shown;
    StepFigure(String id, String title, int displayPx, boolean pixelated) {
        setId(id);
        addClassName("step");
        image.setWidth(displayPx + "px");
        image.setHeight(displayPx + "px");
        image.setAlt(title);
        image.getStyle().set("image-rendering", pixelated ? "pixelated" : "auto")
                .set("border", "1px solid var(--lumo-contrast-20pct)").set("display", "block");
        Span caption = new Span(title);
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)");
        detail.getStyle().set("font-size", "var(--lumo-font-size-xxs)").set("color", "var(--lumo-secondary-text-color)");
        getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("line-height", "1.3");
        add(image, caption, detail);
    }

    void show(GrayImage picture, String detail) {
        this.detail.setText(detail);
        if (picture.equals(shown)) {
            return; // e.g. pen-up right after the last live update: no need to encode the same PNG again
        }
        shown = picture;
        GrayImage square = picture.squared();
        byte[] png = DigitPng.render(square.pixels(), square.width(), 1);
        image.setSrc("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    }
}
