package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.g2d2.core.io.RunBundleFormat;
import org.g2d2.core.io.ToyPacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchCommandTest {

    @TempDir
    Path dir;
    Path pack;
    Path bundle;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void bundledRun() throws Exception {
        pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        bundle = dir.resolve("run" + RunBundleFormat.EXTENSION);
        int code = run("restore", "--model", pack.toString(), "--input", pack.resolve("samples/toy-01.png").toString(),
                "--operator", "blur", "--steps", "6", "--iterations", "4", "--seed", "3",
                "--out", dir.resolve("run.png").toString(), "--bundle", bundle.toString());
        assertThat(code).as(err.toString()).isZero();
    }

    private int run(String... args) {
        return G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void anUnchangedBranchEndsWhereTheOriginalDidAndTheBundleHoldsBoth() {
        RunBundleFormat.Contents original = RunBundleFormat.read(bundle);
        assertThat(original.branches()).hasSize(1);
        assertThat(original.branches().get(0).states()).extracting(s -> s.step()).containsExactly(1, 2, 3, 4, 5);

        Path both = dir.resolve("both" + RunBundleFormat.EXTENSION);
        int code = run("restore", "--model", pack.toString(), "--resume", bundle.toString(), "--from-step", "3",
                "--out", dir.resolve("same.png").toString(), "--bundle", both.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("same.png")).exists();
        RunBundleFormat.Contents c = RunBundleFormat.read(both);
        assertThat(c.branches()).hasSize(2);
        RunBundleFormat.Branch branch = c.branches().get(1);
        assertThat(branch.parent()).isZero();
        assertThat(branch.fromStep()).isEqualTo(3);
        assertThat(branch.restored().data()).containsExactly(c.branches().get(0).restored().data());
        List<int[]> originalSteps = c.branches().get(0).stepTokens();
        assertThat(branch.stepTokens()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(branch.stepTokens().get(i)).containsExactly(originalSteps.get(3 + i));
        }

        // a branch of the branch with another KL: recorded with its own settings, after its own step 4
        code = run("restore", "--model", pack.toString(), "--resume", both.toString(), "--of-branch", "1",
                "--from-step", "4", "--kl", "2.5", "--out", dir.resolve("kl.png").toString());
        assertThat(code).as(err.toString()).isZero();
        RunBundleFormat.Contents three = RunBundleFormat.read(dir.resolve("kl" + RunBundleFormat.EXTENSION));
        assertThat(three.branches()).hasSize(3);
        assertThat(three.branches().get(2).parent()).isEqualTo(1);
        assertThat(three.branches().get(2).settings().kl()).isEqualTo(2.5);
        assertThat(three.branches().get(2).settings().seed()).isEqualTo(3);
    }

    @Test
    void badRequestsAreOneLineErrorsAndWriteNothing() throws Exception {
        Path target = dir.resolve("b.png");
        String[][] cases = {
            {"--resume", dir.resolve("missing" + RunBundleFormat.EXTENSION).toString(), "--from-step", "2"},
            {"--resume", bundle.toString(), "--from-step", "6"},
            {"--resume", bundle.toString(), "--from-step", "0"},
            {"--resume", bundle.toString(), "--from-step", "2", "--steps", "8"},
            {"--resume", bundle.toString()},
            {"--resume", statelessBundle().toString(), "--from-step", "2"},
        };
        String[] expected = {"does not exist", "--from-step must be from 1 to 5 (the run has 6 steps); found 6",
            "found 0", "N is fixed at 6", "--resume needs --from-step", "no saved sampler state for step 2"};
        for (int i = 0; i < cases.length; i++) {
            err.getBuffer().setLength(0);
            String[] args = new String[cases[i].length + 5];
            args[0] = "restore";
            args[1] = "--model";
            args[2] = pack.toString();
            args[3] = "--out";
            args[4] = target.toString();
            System.arraycopy(cases[i], 0, args, 5, cases[i].length);
            assertThat(run(args)).as(String.join(" ", cases[i])).isEqualTo(CliSupport.EXIT_BAD_INPUT);
            assertThat(err.toString()).startsWith("error: ").contains(expected[i]);
            assertThat(err.toString().strip().lines()).hasSize(1);
            assertThat(target).doesNotExist();
            assertThat(dir.resolve("b" + RunBundleFormat.EXTENSION)).doesNotExist();
        }
    }

    /** The bundled run again, without its states (as a bundle written before branching reads). */
    private Path statelessBundle() throws Exception {
        RunBundleFormat.Contents c = RunBundleFormat.read(bundle);
        RunBundleFormat.Branch b = c.branches().get(0);
        Path file = dir.resolve("stateless" + RunBundleFormat.EXTENSION);
        RunBundleFormat.write(file, c.record(), c.input(), Map.of(), List.of(new RunBundleFormat.Branch(-1, 0,
                b.settings(), b.restored(), b.metrics(), b.stepTokens(), List.of())));
        return file;
    }
}
