package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.g2d2.app.FxThread;
import org.g2d2.core.TorchRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Branching in the view model, without a window (toy pack, same-thread executors). */
class BranchModelTest {

    private WorkbenchModel vm;

    @BeforeAll
    static void engine() {
        TorchRuntime.configure(1);
    }

    @BeforeEach
    void load() throws Exception {
        vm = ToyModel.open(Map.of(SamplerField.STEPS, "4", SamplerField.ITERATIONS, "3", SamplerField.SEED, "9"));
    }

    @AfterEach
    void close() throws Exception {
        FxThread.run(() -> vm.session().packProperty().get().close());
    }

    @Test
    void aBranchKeepsNAndAnUnchangedOneEndsWhereTheOriginalDid() throws Exception {
        FxThread.run(() -> assertThat(vm.run()).isTrue());
        FxThread.run(() -> {
            BranchModel b = vm.branches();
            assertThat(b.branches()).hasSize(1);
            assertThat(b.blockerProperty().get()).startsWith("After the last step");
            vm.runModel().timelineIndexProperty().set(1);
            assertThat(b.branchFromShown()).isTrue();
            assertThat(b.statusProperty().get()).contains("after step 2 of original").contains("stays 4");

            vm.form().text(SamplerField.STEPS).set("6");
            assertThat(vm.run()).isFalse();
            assertThat(vm.messages().errorProperty().get().message()).contains("N = 4").contains("Steps is 6");
            assertThat(b.armedProperty().get()).isNotNull();
            vm.form().text(SamplerField.STEPS).set("4");
            assertThat(vm.run()).isTrue();
        });
        FxThread.run(() -> {
            BranchModel b = vm.branches();
            assertThat(vm.runModel().state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(b.branches()).hasSize(2);
            RunBranch original = b.branches().get(0);
            RunBranch branch = b.branches().get(1);
            assertThat(branch.name()).isEqualTo("branch 1 (step 2 of original)");
            assertThat(branch.ownStepTokens()).hasSize(2);
            assertThat(branch.ownStates()).hasSize(1);
            assertThat(branch.result().outcome().restored().data())
                    .containsExactly(original.result().outcome().restored().data());
            assertThat(vm.runModel().frames().get(0)).isSameAs(original.frames().get(0));
            assertThat(b.leftProperty().get()).isSameAs(original);
            assertThat(b.rightProperty().get()).isSameAs(branch);

            // a new run starts a new family
            assertThat(vm.run()).isTrue();
        });
        FxThread.run(() -> assertThat(vm.branches().branches()).hasSize(1));
    }

    @Test
    void aBranchsEtaCountsOnlyTheStepsItRan() {
        org.g2d2.core.sampler.Frame f = new org.g2d2.core.sampler.Frame(4, 10, 60, 50, null, null, new int[] {1},
                new int[] {1}, 4, 0, 0, 0, new float[0], new float[0], 0, 0, 2_000_000_000L);
        // steps 4 and 5 took 2 s; 5 are left
        assertThat(RunModel.describeProgress(f, 3)).isEqualTo("Step 5/10 \u00b7 2.0 s elapsed \u00b7 ETA 5.0 s");
    }
}
