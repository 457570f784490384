package org.mnistlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The app frame: a title bar and a side navigation built from the views' {@code @Menu} annotations, so a
 * feature adds itself to the menu by annotating its view, without touching this class. Vaadin checks a
 * layout's access as well as the view's: open to all, each view inside decides who may see it.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    /** The app's name in the title bar (also in a view's {@link FirstScreen}). */
    public static final String TITLE = "MNIST Lab";

    public MainLayout(AuthenticationContext authentication) {
        H1 title = new H1(TITLE);
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.addClassNames(LumoUtility.Padding.Horizontal.SMALL);
        bar.setWidthFull();
        ThemeToggle themeToggle = new ThemeToggle();
        themeToggle.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.SMALL);
        bar.add(themeToggle, userBox(authentication));
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /** Who is logged in, with log-out; a log-in link for a visitor (public demo). */
    private static Component userBox(AuthenticationContext authentication) {
        HorizontalLayout box = new HorizontalLayout();
        box.setId("user-box");
        box.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        box.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.Right.MEDIUM);
        boolean loggedIn = authentication.isAuthenticated() && !authentication.hasRole("ANONYMOUS")
                && !"guest".equals(authentication.getPrincipalName().orElse(""));
        if (loggedIn) {
            // the user's own page (role, API tokens)
            Anchor name = new Anchor("account", authentication.getPrincipalName().orElse(""));
            name.setId("user-name");
            Button logout = new Button("Log out", e -> authentication.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            box.add(name, logout);
        } else {
            box.add(new Anchor("login", "Log in"));
        }
        return box;
    }

    private static SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(entry.title(), entry.path());
        item.setMatchNested(true); // a section stays highlighted on its sub-pages (e.g. /explore/mnist/train/7)
        if (entry.icon() != null) {
            item.setPrefixComponent(new LabIcon(entry.icon()));
        }
        return item;
    }
}
