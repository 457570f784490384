package org.mnistlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;

/** URLs of views from their class and parameters, for hrefs the router cannot fill in (grid cells, links with query strings). */
public final class Links {

    private Links() {
    }

    /** E.g. {@code runs/7/live}, relative to the app's root like every link in the app. */
    public static String url(Class<? extends Component> view, RouteParameters params) {
        return RouteConfiguration.forSessionScope().getUrl(view, params);
    }

    /** E.g. {@code compare}. */
    public static String url(Class<? extends Component> view) {
        return RouteConfiguration.forSessionScope().getUrl(view);
    }
}
