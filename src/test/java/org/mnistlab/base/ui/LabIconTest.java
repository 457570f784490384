package org.mnistlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Menu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The app's iconset holds every icon the code asks for, and no icon it never shows. */
class LabIconTest {

    private static Set<String> iconsetIds() throws IOException {
        String iconset = Files.readString(Path.of("frontend/base/lab-iconset.js"));
        Matcher ids = Pattern.compile("<g id=\"(lab:[a-z-]+)\">").matcher(iconset);
        Set<String> found = new TreeSet<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        return found;
    }

    private static List<String> menuIcons() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        List<String> icons = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.mnistlab")) {
            icons.add(Class.forName(candidate.getBeanClassName()).getAnnotation(Menu.class).icon());
        }
        return icons;
    }

    @Test
    void every_named_icon_and_every_menu_icon_is_in_the_iconset() throws Exception {
        Set<String> iconset = iconsetIds();
        List<String> named = Arrays.stream(LabIcon.Name.values()).map(LabIcon.Name::id).toList();
        List<String> menus = menuIcons();
        assertThat(menus).hasSizeGreaterThanOrEqualTo(6);
        assertThat(iconset).containsAll(named).containsAll(menus);
    }

    @Test
    void the_iconset_holds_only_icons_the_app_names() throws Exception {
        Set<String> named = Arrays.stream(LabIcon.Name.values()).map(LabIcon.Name::id).collect(Collectors.toSet());
        assertThat(named).containsAll(iconsetIds());
    }

    @Test
    void an_icon_renders_as_vaadin_icon_with_its_iconset_id() {
        LabIcon icon = LabIcon.Name.ARROW_LEFT.create();
        icon.setColor("red");
        assertThat(icon.getElement().getTag()).isEqualTo("vaadin-icon");
        assertThat(icon.getElement().getAttribute("icon")).isEqualTo("lab:arrow-left");
        assertThat(icon.getColor()).isEqualTo("red");
    }
}
