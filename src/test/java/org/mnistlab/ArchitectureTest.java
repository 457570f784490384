package org.mnistlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of DEVELOPERS.md that a compiler does not check. */
@AnalyzeClasses(packages = "org.mnistlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_ui_packages_use_vaadin = noClasses()
            .that().resideOutsideOfPackage("..ui..")
            .and().doNotHaveFullyQualifiedName(Application.class.getName())
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("services and domain code must work without a UI (CLI, tests)");

    @ArchTest
    static final ArchRule views_do_not_use_repositories = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("views bind components to services; SQL stays behind services");

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
    static final ArchRule dataset_depends_on_no_other_feature = noClasses()
            .that().resideInAPackage("org.mnistlab.dataset..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mnistlab.training..", "org.mnistlab.runs..", "org.mnistlab.playground..",
                    "org.mnistlab.cli..");
}
