package org.mnistlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.mnistlab.base.ui.UiEventPump;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The shape of the code that a compiler does not check: features depend one way
 * ({@code base <- dataset <- training <- runs, playground <- cli}), services never import Vaadin, and each
 * kind of screen has one home.
 */
@AnalyzeClasses(packages = "org.mnistlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_ui_packages_use_vaadin = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveFullyQualifiedName(Application.class.getName())
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("services and domain code must work without a UI (CLI, tests)");

    @ArchTest
    static final ArchRule views_hold_no_sql = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("views bind components to services and stores; SQL stays behind them");

    @ArchTest
    static final ArchRule views_train_nothing_themselves = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .because("training and prediction run in services; a view only shows their results");

    @ArchTest
    static final ArchRule the_engine_has_no_screens = noClasses()
            .that().resideInAPackage("org.mnistlab.training..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("training is the engine; every run screen lives in runs.ui");

    @ArchTest
    static final ArchRule run_screens_live_in_runs_ui = classes()
            .that().areAnnotatedWith(Route.class)
            .and().resideOutsideOfPackages("org.mnistlab.dataset.ui..", "org.mnistlab.playground.ui..",
                    "org.mnistlab.sweeps.ui..", "org.mnistlab.security.ui..", "org.mnistlab.ensembles.ui..",
                    "org.mnistlab.insight.ui..")
            .should().resideInAPackage("org.mnistlab.runs.ui..")
            .because("one home for every screen about runs: configure, queue, live, history, detail, compare");

    @ArchTest
    static final ArchRule forms_raise_events_instead_of_calling_services = noClasses()
            .that().haveSimpleNameEndingWith("Form").or().haveSimpleNameEndingWith("Dialog")
            .should().dependOnClassesThat().areAnnotatedWith(Service.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .because("a form says what the user asked for; the view that holds it decides what happens");

    @ArchTest
    static final ArchRule views_navigate_by_class = noClasses()
            .should().callMethod(UI.class, "navigate", String.class)
            .orShould().callMethod(UI.class, "navigate", String.class, QueryParameters.class)
            .because("a route is named once, on its view; links use the class and its route parameters");

    @ArchTest
    static final ArchRule service_events_reach_a_ui_through_one_pump = noClasses()
            .that().doNotHaveFullyQualifiedName(UiEventPump.class.getName())
            .should().callMethod(UI.class, "access", Command.class)
            .because("UiEventPump subscribes on attach, unsubscribes on detach and batches progress for every view");

    @ArchTest
    static final ArchRule icons_come_from_the_apps_own_iconset = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.icon.Icon")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.icon.VaadinIcon")
            .because("Vaadin's Icon loads all 600 of its icons into every page's start-up bundle; LabIcon holds"
                    + " the few the app shows");

    @ArchTest
    static final ArchRule every_view_declares_who_may_open_it = classes()
            .that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
            .should().beAnnotatedWith(RolesAllowed.class)
            .orShould().beAnnotatedWith(AnonymousAllowed.class)
            .orShould().beAnnotatedWith(PermitAll.class)
            .orShould().beAnnotatedWith(DenyAll.class)
            .because("a view without an access annotation is closed to everyone; say who it is for");

    @ArchTest
    static final ArchRule views_live_in_ui_packages = classes()
            .that().areAnnotatedWith(Route.class)
            .should().resideInAPackage("..ui..");

    @ArchTest
    static final ArchRule features_have_no_cycles = slices()
            .matching("org.mnistlab.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule base_depends_on_no_feature = noClasses()
            .that().resideInAPackage("org.mnistlab.base..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mnistlab.dataset..", "org.mnistlab.training..", "org.mnistlab.runs..",
                    "org.mnistlab.playground..", "org.mnistlab.cli..");

    @ArchTest
    static final ArchRule training_depends_only_on_base_and_dataset = noClasses()
            .that().resideInAPackage("org.mnistlab.training..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mnistlab.runs..", "org.mnistlab.playground..", "org.mnistlab.cli..");

    @ArchTest
    static final ArchRule runs_and_playground_do_not_depend_on_each_other = noClasses()
            .that().resideInAPackage("org.mnistlab.runs..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mnistlab.playground..", "org.mnistlab.cli..");

    @ArchTest
    static final ArchRule playground_depends_on_no_run_screens = noClasses()
            .that().resideInAPackage("org.mnistlab.playground..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mnistlab.runs..", "org.mnistlab.cli..");

    @ArchTest
    static final ArchRule dataset_depends_on_no_other_feature = noClasses()
            .that().resideInAPackage("org.mnistlab.dataset..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mnistlab.training..", "org.mnistlab.runs..", "org.mnistlab.playground..",
                    "org.mnistlab.cli..");
}
