package org.g2d2.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/DESIGN.md hold over the main code, and each rule does report a break: the
 * same rules run over deliberately bad fixture classes ({@code org.g2d2.arch.fixture}) fail.
 * Empty rules are not allowed (ArchUnit's default), so a package rename cannot pass unchecked.
 */
class LayerRulesTest {

    static final String ROOT = "org.g2d2";
    static final String FIXTURE = "org.g2d2.arch.fixture";

    static JavaClasses main;
    static JavaClasses fixture;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    @Test
    void theMainCodeKeepsEveryRule() {
        for (ArchRule rule : LayerRules.all(ROOT)) {
            rule.check(main);
        }
    }

    @Test
    void coreUsingJavaFxIsReported() {
        assertBroken(LayerRules.coreLooksAtNothingAbove(FIXTURE), "CoreThatUsesJavaFx");
    }

    @Test
    void aViewModelSeeingAViewIsReported() {
        assertBroken(LayerRules.viewModelsNeverSeeViews(FIXTURE), "ViewModelThatSeesAView");
    }

    @Test
    void aPackageCycleIsReported() {
        assertBroken(LayerRules.noPackageCycles(FIXTURE), "First");
    }

    @Test
    void aRuleThatMatchesNothingFailsInsteadOfPassing() {
        // a layer that no class lives in (as after a package rename) must not pass silently
        ArchRule empty = LayerRules.trainStandsOnCoreOnly(FIXTURE);
        AssertionError e = assertThrows(AssertionError.class, () -> empty.check(fixture));
        assertTrue(e.getMessage().contains("failed to check any classes"), e.getMessage());
    }

    private static void assertBroken(ArchRule rule, String culprit) {
        EvaluationResult r = rule.evaluate(fixture);
        assertTrue(r.hasViolation(), "the rule passed over a deliberately bad class: " + rule.getDescription());
        assertTrue(r.getFailureReport().toString().contains(culprit), r.getFailureReport().toString());
    }
}
