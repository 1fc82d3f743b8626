package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.g2d2.core.Json;
import org.g2d2.core.io.ToyPacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new operators on the command line: a painted mask and a kernel file, and each bad file refused. */
class OperatorInputCommandTest {

    @TempDir
    Path dir;
    Path pack;
    Path input;
    Path outDir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void pack() throws Exception {
        pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        input = pack.resolve("samples/toy-01.png");
        outDir = dir.resolve("out");
        Files.createDirectories(outDir);
    }

    private int restore(String... extra) {
        err.getBuffer().setLength(0);
        String[] base = {"restore", "--model", pack.toString(), "--input", input.toString(), "--steps", "3",
            "--iterations", "2", "--out", outDir.resolve("r.png").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path mask(int size, boolean allBlack) throws Exception {
        BufferedImage m = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean hole = allBlack || (y >= 10 && y < 18 && x >= 12 && x < 20);
                m.getRaster().setSample(x, y, 0, hole ? 0 : 255);
            }
        }
        Path f = dir.resolve("mask-" + size + (allBlack ? "-black" : "") + ".png");
        ImageIO.write(m, "png", f.toFile());
        return f;
    }

    private Path text(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private void assertRefused(String message, String... args) throws Exception {
        assertThat(restore(args)).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip().split("\n")).as(err.toString()).hasSize(1);
        assertThat(err.toString()).startsWith("error: ").contains(message);
        try (var files = Files.list(outDir)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    @Test
    void inpaintsWithAPaintedMaskAndRecordsIt() throws Exception {
        int code = restore("--operator", "inpaint", "--mask", mask(32, false).toString(), "--noise", "0.02");
        assertThat(code).as(err.toString()).isZero();
        BufferedImage truth = ImageIO.read(input.toFile());
        BufferedImage restored = ImageIO.read(outDir.resolve("r.png").toFile());
        BufferedImage y = ImageIO.read(outDir.resolve("r.measurement.png").toFile());
        // the hole is black in y (zero on [-1, 1] is mid grey: 127 or 128)
        int grey = 0;
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                int v = y.getRaster().getSample(c, r, 0);
                boolean hole = r >= 10 && r < 18 && c >= 12 && c < 20;
                if (hole) {
                    assertThat(v).isBetween(127, 128);
                }
                grey += v >= 127 && v <= 128 ? 1 : 0;
            }
        }
        assertThat(grey).as("the known pixels hold the image").isLessThan(32 * 32 / 2);
        JsonObject record = Json.GSON.fromJson(Files.readString(outDir.resolve("r.json")), JsonObject.class);
        JsonObject mask = record.getAsJsonObject("operator").getAsJsonObject("mask");
        assertThat(mask.get("source").getAsString()).isEqualTo("given");
        assertThat(truth.getWidth()).isEqualTo(restored.getWidth());
    }

    @Test
    void refusesBadMasksAndKernelsWithOneLineAndWritesNothing() throws Exception {
        assertRefused("the mask is 16x16; it must be the image's size, 32x32", "--operator", "inpaint", "--mask",
                mask(16, false).toString());
        assertRefused("the mask is all black", "--operator", "inpaint", "--mask", mask(32, true).toString());
        assertRefused("choose one mask", "--operator", "inpaint", "--mask", mask(32, false).toString(),
                "--mask-box", "4");
        assertRefused("--mask options apply to the inpaint operator only", "--mask-box", "4");
        assertRefused("the inpaint operator needs a mask", "--operator", "inpaint");
        assertRefused("is empty", "--operator", "kernel", "--kernel", text("empty.txt", "# nothing\n").toString());
        assertRefused("sides must be odd", "--operator", "kernel", "--kernel",
                text("even.txt", "1 1\n1 1\n").toString());
        assertRefused("is all zero", "--operator", "kernel", "--kernel", text("zero.txt", "0 0 0\n").toString());
        assertRefused("only numbers are allowed", "--operator", "kernel", "--kernel",
                text("words.txt", "1 x 1\n").toString());
        BufferedImage big = new BufferedImage(65, 65, BufferedImage.TYPE_BYTE_GRAY);
        big.getRaster().setSample(32, 32, 0, 255);
        Path bigFile = dir.resolve("big.png");
        ImageIO.write(big, "png", bigFile.toFile());
        assertRefused("is 65x65; at most 63x63 is allowed", "--operator", "kernel", "--kernel", bigFile.toString());
        assertRefused("does not exist", "--operator", "kernel", "--kernel", dir.resolve("missing.png").toString());
        assertRefused("the saturation gain must be in (1, 10]", "--operator", "saturate", "--gain", "0.5");
    }

    @Test
    void restoresWithAShippedMotionKernel() throws Exception {
        int code = restore("--operator", "kernel", "--kernel", "assets/kernels/motion-15px-30deg.png");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("kernel motion-15px-30deg.png 17x17");
        JsonObject record = Json.GSON.fromJson(Files.readString(outDir.resolve("r.json")), JsonObject.class);
        assertThat(record.getAsJsonObject("operator").getAsJsonObject("kernel").get("width").getAsInt()).isEqualTo(17);
    }
}
