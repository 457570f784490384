package org.mnistlab.base.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.icon.AbstractIcon;
import java.util.Locale;

/**
 * An icon of the app's own small iconset ({@code frontend/base/lab-iconset.js}). Use this rather than Vaadin's
 * {@code Icon}/{@code VaadinIcon}: those load all 600 of Vaadin's icons into every page's start-up bundle.
 */
@JsModule("./base/lab-iconset.js")
public class LabIcon extends AbstractIcon<LabIcon> {

    /** The icons the app uses; the name is the icon's id in the iconset without the "lab:" prefix. */
    public enum Name {
        ADJUST, ARROW_LEFT, ARROW_RIGHT, BOOKMARK, BOOKMARK_O, CHECK_SQUARE_O, CLOSE_SMALL, COPY_O, DOWNLOAD,
        DOWNLOAD_ALT, EDIT, GRID_SMALL, GROUP, LINK, LIST_OL, PENCIL, PLAY, PLAY_CIRCLE_O, PLUS, RECORDS, REFRESH,
        SEARCH, SPLIT_H, STOP, TRASH, USERS;

        /** The icon attribute's value, e.g. "lab:arrow-left" (also what a view's {@code @Menu(icon = ...)} gives). */
        public String id() {
            return "lab:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public LabIcon create() {
            return new LabIcon(id());
        }
    }

    /** @param id "lab:name", as {@link Name#id()} gives */
    public LabIcon(String id) {
        getElement().setAttribute("icon", id);
    }

    @Override
    public void setColor(String color) {
        getStyle().set("fill", color);
    }

    @Override
    public String getColor() {
        return getStyle().get("fill");
    }
}
