package org.g2d2.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md's layers: core at the bottom, train on core, cli and app side by side on top. */
class LayerRulesTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.g2d2");
    }

    @Test
    void coreLooksAtNothingAbove() {
        noClasses().that().resideInAPackage("org.g2d2.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.g2d2.train..", "org.g2d2.cli..",
                        "org.g2d2.app..", "javafx..", "picocli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void trainStandsOnCoreOnly() {
        noClasses().that().resideInAPackage("org.g2d2.train..")
                .should().dependOnClassesThat().resideInAnyPackage("org.g2d2.cli..", "org.g2d2.app..", "javafx..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void cliAndAppDoNotImportEachOther() {
        noClasses().that().resideInAPackage("org.g2d2.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.g2d2.app..", "javafx..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("org.g2d2.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.g2d2.cli..", "org.g2d2.train..")
                .allowEmptyShould(true).check(classes);
    }
}
