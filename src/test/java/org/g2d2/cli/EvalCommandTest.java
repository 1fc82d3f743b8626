package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void inpaintingReportsThePsnrInTheHoleAgainstTheHarmonicFill() throws Exception {
        int code = run("eval", "--model", "models/toy", "--task", "inpaint", "--mask-box", "8", "--mask-seed", "2",
                "--images-dir", "models/toy/samples", "--images", "2", "--steps", "3", "--iterations", "2",
                "--methods", "g2d2-star,harmonic,biharmonic", "--out", out.toString());
        assertThat(code).as(stderr.toString()).isZero();
        String summary = Files.readString(out.resolve(EvalReport.SUMMARY));
        assertThat(summary).contains("inpaint box 8x8 hole", "PSNR in hole (dB)", "| harmonic |", "| biharmonic |");
        List<String> csv = Files.readAllLines(out.resolve(EvalReport.CSV));
        assertThat(csv.get(0)).endsWith(",hole_psnr");
        // the hole's PSNR is its own number: lower than the whole image's, where the known pixels are kept
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            assertThat(Double.parseDouble(f[f.length - 1])).as(row).isLessThan(Double.parseDouble(f[4]));
        }
    }

    @Test
    void motionKernelAndSaturationRunWithTheirBaselines() throws Exception {
        int code = run("eval", "--model", "models/toy", "--task", "kernel", "--kernel",
                "assets/kernels/motion-9px-45deg.png", "--images-dir", "models/toy/samples", "--images", "2",
                "--steps", "2", "--iterations", "2", "--methods", "g2d2-star,wiener,richardson-lucy", "--out",
                out.toString());
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(Files.readString(out.resolve(EvalReport.SUMMARY))).contains("kernel motion-9px-45deg.png 11x11",
                "| richardson-lucy |").doesNotContain("PSNR in hole");
        code = run("eval", "--model", "models/toy", "--task", "saturate", "--gain", "2", "--images-dir",
                "models/toy/samples", "--images", "2", "--steps", "2", "--iterations", "2", "--methods",
                "wiener", "--out", out.toString());
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(Files.readString(out.resolve(EvalReport.SUMMARY))).contains("saturate gain=2.00",
                "gain undone, clip ignored");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        assertThat(run("eval", "--model", "models/toy", "--task", "deblur")).isEqualTo(2);
        assertThat(stderr.toString().strip()).isEqualTo("error: task 'deblur' is unknown; allowed: blur, sr, kernel, "
                + "inpaint, saturate");
        assertThat(run("eval", "--model", "models/toy", "--images-dir", "models/toy/samples", "--methods",
                "bicubic")).isEqualTo(2);
        assertThat(stderr.toString()).contains("method 'bicubic' is not available for blur");
        assertThat(run("eval", "--model", "models/toy", "--process", "markov")).isEqualTo(2);
        assertThat(stderr.toString()).contains("--process does not apply to eval");
    }
}
