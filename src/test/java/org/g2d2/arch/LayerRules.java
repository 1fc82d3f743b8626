package org.g2d2.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The house rules as ArchUnit rules over a root package: core at the bottom, train on core, cli
 * and app side by side on top; in app, view models never see views; no cycles between packages.
 * The root is a parameter so the same rules can be run against deliberately bad fixture classes.
 */
final class LayerRules {

    private LayerRules() {
    }

    static ArchRule coreLooksAtNothingAbove(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".train..", root + ".cli..",
                        root + ".app..", "javafx..", "picocli..");
    }

    static ArchRule trainStandsOnCoreOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".train..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".cli..", root + ".app..", "javafx..");
    }

    static ArchRule cliSeesNoApp(String root) {
        return noClasses().that().resideInAPackage(root + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".app..", "javafx..");
    }

    static ArchRule appSeesNoCliOrTrain(String root) {
        return noClasses().that().resideInAPackage(root + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".cli..", root + ".train..");
    }

    static ArchRule viewModelsNeverSeeViews(String root) {
        return noClasses().that().resideInAPackage(root + ".app.vm..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".app.view..", "javafx.scene..",
                        "javafx.stage..");
    }

    static ArchRule filesSeeNoViewModelOrView(String root) {
        return noClasses().that().resideInAPackage(root + ".app.files..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".app.vm..", root + ".app.view..",
                        "javafx..");
    }

    /**
     * No cycles between packages. One known exception: {@code core.Restorer} (the facade over the
     * sampler, operators, metrics and the pack) sits in the package of the basic types ({@code
     * Image}, {@code InvalidInputException}) that everything below it uses; its own dependencies
     * are left out until it moves to a package of its own.
     */
    static ArchRule noPackageCycles(String root) {
        String restorer = root.replace(".", "\\.") + "\\.core\\.Restorer(\\$.*)?";
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.describe("core.Restorer",
                        (JavaClass c) -> c.getName().matches(restorer)), DescribedPredicate.alwaysTrue());
    }

    static List<ArchRule> all(String root) {
        return List.of(coreLooksAtNothingAbove(root), trainStandsOnCoreOnly(root), cliSeesNoApp(root),
                appSeesNoCliOrTrain(root), viewModelsNeverSeeViews(root), filesSeeNoViewModelOrView(root),
                noPackageCycles(root));
    }
}
