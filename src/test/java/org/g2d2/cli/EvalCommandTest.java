package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.eval.EvalReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CliSupport.newCommandLine(new G2D2Cli());
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        return cl.execute(args);
    }

    @Test
    void srOnTheToyPackWithAnImageFolder() throws Exception {
        int code = run("eval", "--model", "models/toy", "--task", "sr", "--scale", "4", "--images-dir",
                "models/toy/samples", "--tune-dir", "models/toy/samples", "--tune-images", "2", "--images", "2",
                "--seeds", "1", "--steps", "3", "--iterations", "2", "--out", out.toString());
        assertThat(code).as(stderr.toString()).isZero();
        String[] lines = stdout.toString().strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("eval sr x4 bicubic, noise 0.05: 2 images x 1 seeds")
                .contains("g2d2-star", "bicubic", "ibp", "summary.md");
        assertThat(Files.readString(out.resolve(EvalReport.SUMMARY))).contains("| ibp |", "grid search",
                "g2d2 eval --model models/toy");
        assertThat(out.resolve(EvalReport.FIGURE)).exists();
        assertThat(Files.readAllLines(out.resolve(EvalReport.CSV))).hasSize(1 + 2 * 5);
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        assertThat(run("eval", "--model", "models/toy", "--task", "inpaint")).isEqualTo(2);
        assertThat(stderr.toString().strip()).isEqualTo("error: task 'inpaint' is unknown; allowed: blur, sr");
        assertThat(run("eval", "--model", "models/toy", "--images-dir", "models/toy/samples", "--methods",
                "bicubic")).isEqualTo(2);
        assertThat(stderr.toString()).contains("method 'bicubic' is not available for blur");
        assertThat(run("eval", "--model", "models/toy", "--process", "markov")).isEqualTo(2);
        assertThat(stderr.toString()).contains("--process does not apply to eval");
    }
}
