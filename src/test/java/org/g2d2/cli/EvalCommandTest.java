package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.g2d2.core.metrics.TesseractOcr;
import org.g2d2.train.data.FontCatalogue;
import org.g2d2.train.data.FontFace;
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
    void textPagesGetAnOcrColumn() throws Exception {
        assumeTrue(TesseractOcr.available(), "tesseract is not installed (Debian packages tesseract-ocr and "
                + "tesseract-ocr-eng; .ci/run installs them): the OCR column test is skipped");
        assumeTrue(FontCatalogue.heldOutFaces().stream().map(FontFace::file).anyMatch(Files::isRegularFile),
                "the held-out fonts (fonts-urw-base35, fonts-lmodern) are not installed");
        // the toy pack's context is 32x32: a 128x48 page is restored at its own size through the windows
        int code = run("eval", "--pack", "models/toy", "--pages", "held-out", "--page-size", "128x48", "--task", "blur",
                "--blur-sigma", "2.4", "--blur-size", "15", "--noise", "0.02", "--images", "3", "--tune-images", "1",
                "--methods", "g2d2-star,prior-only,unrestored", "--steps", "3", "--iterations", "2",
                "--out", out.toString());
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(stdout.toString()).contains("; OCR CER %: g2d2-star ");
        String summary = Files.readString(out.resolve(EvalReport.SUMMARY));
        assertThat(summary).contains("OCR CER (%) ↓", "held-out text pages 128x48", "on the clean pages it reads",
                "on 1 training-font text pages");
        List<String> rows = Files.readAllLines(out.resolve(EvalReport.CSV));
        assertThat(rows.get(0)).endsWith(",ocr_cer,hole_psnr");
        assertThat(rows).hasSize(1 + 3 * 3);
        Map<String, Double> cer = new java.util.HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            double v = Double.parseDouble(f[f.length - 2]);
            // a CER has no upper bound: a reader that sees letters in noise inserts them
            assertThat(v).isGreaterThanOrEqualTo(0.0).isLessThan(100.0);
            cer.merge(f[3], v / 3, Double::sum);
        }
        // σ 2.4 px blurs 8-12 px letters past reading, and the toy prior draws no letters at all
        assertThat(cer.get("unrestored")).isGreaterThan(0.3);
        assertThat(cer.get("prior-only")).isGreaterThan(0.8);
        String clean = summary.substring(summary.indexOf("on the clean pages it reads") + 28);
        assertThat(Double.parseDouble(clean.substring(0, clean.indexOf(' ')))).isLessThan(10.0);
    }

    @Test
    void aColourPackIsEvaluatedInRgbOnHeldOutEmojiWithBaselinesTunedOnTrainingEmoji() throws Exception {
        Path pack = out.resolve("rgb-toy");
        org.g2d2.core.io.ToyPacks.write(pack, org.g2d2.core.io.ToyPacks.Spec.standard(), 3);
        Path emoji = java.nio.file.Files.createDirectories(out.resolve("emoji"));
        int held = 0;
        int training = 0;
        for (int i = 0; held < 2 || training < 3; i++) {
            String name = String.format(java.util.Locale.ROOT, "1f%03x.png", i);
            boolean h = org.g2d2.train.data.EmojiSplit.heldOut(name);
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 64,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(0xff * (i % 2), 0x40 * (i % 4), 0xc0));
            g.fillOval(10 + i % 7, 12, 40, 36);
            g.dispose();
            javax.imageio.ImageIO.write(img, "png", emoji.resolve(name).toFile());
            held += h ? 1 : 0;
            training += h ? 0 : 1;
        }
        Path report = out.resolve("report");
        int code = run("eval", "--pack", pack.toString(), "--emoji", "held-out", "--emoji-data", emoji.toString(),
                "--images", "2", "--tune-images", "2", "--methods", "g2d2-star,wiener,richardson-lucy", "--steps", "2",
                "--iterations", "2", "--out", report.toString());
        assertThat(code).as(stderr.toString()).isZero();
        String summary = Files.readString(report.resolve(EvalReport.SUMMARY));
        assertThat(summary).contains("2 test images (held-out emoji 0..1 of " + held, "on 2 training emoji",
                "Colour: PSNR over all R, G and B values", "| wiener |", "| richardson-lucy |");
        assertThat(javax.imageio.ImageIO.read(report.resolve(EvalReport.FIGURE).toFile()).getColorModel()
                .getNumColorComponents()).isEqualTo(3);
        // a long evaluation split into parts: the second part starts at the second held-out emoji
        Path second = out.resolve("part-1");
        assertThat(run("eval", "--pack", pack.toString(), "--emoji", "held-out", "--emoji-data", emoji.toString(),
                "--skip", "1", "--images", "5", "--tune-images", "0", "--methods", "wiener", "--out", second.toString()))
                .as(stderr.toString()).isZero();
        assertThat(Files.readString(second.resolve(EvalReport.SUMMARY))).contains("held-out emoji 1..1 of " + held);
        assertThat(run("eval", "--pack", pack.toString(), "--emoji", "held-out", "--emoji-data", emoji.toString(),
                "--skip", String.valueOf(held), "--methods", "wiener", "--out", second.toString())).isEqualTo(2);
        assertThat(stderr.toString()).contains("cannot skip " + held + " of the " + held + " held-out emoji");
        // an emoji test set and a folder of images cannot both be the test set
        assertThat(run("eval", "--pack", pack.toString(), "--emoji", "held-out", "--images-dir", emoji.toString()))
                .isEqualTo(2);
        assertThat(stderr.toString()).contains("--emoji held-out and --images-dir both name a test set; give one");
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
        assertThat(run("eval", "--model", "models/toy", "--pages", "scanned")).isEqualTo(2);
        assertThat(stderr.toString()).contains("--pages 'scanned' is unknown; allowed: held-out, training, none");
    }
}
