package org.mnistlab.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * Switches between Lumo's light and dark theme in the browser alone, with no round trip; the choice is kept
 * in localStorage under {@link #STORAGE_KEY}. Without a choice the page follows the system's
 * prefers-color-scheme: {@code frontend/index.html} applies either before the first paint.
 */
public class ThemeToggle extends Button {

    /** The browser's remembered choice, "dark" or "light" (also read by frontend/index.html). */
    public static final String STORAGE_KEY = "mnistlab.theme";

    public ThemeToggle() {
        super(LabIcon.Name.ADJUST.create());
        setId("theme-toggle");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        setAriaLabel("Dark mode");
        setTooltipText("Light or dark theme");
        getElement().executeJs("""
                this.addEventListener('click', () => {
                  const root = document.documentElement;
                  const dark = root.getAttribute('theme') !== 'dark';
                  if (dark) { root.setAttribute('theme', 'dark'); } else { root.removeAttribute('theme'); }
                  localStorage.setItem($0, dark ? 'dark' : 'light');
                  this.setAttribute('aria-pressed', String(dark));
                });
                this.setAttribute('aria-pressed', String(document.documentElement.getAttribute('theme') === 'dark'));""",
                STORAGE_KEY);
    }
}
