package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.g2d2.core.io.ToyPacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreAtOwnSizeCommandTest {

    @TempDir
    Path dir;
    Path pack;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void pack() throws Exception {
        pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
    }

    private int run(String... args) {
        return G2D2Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path picture(String name, int width, int height, boolean colour, boolean alpha) throws Exception {
        BufferedImage img = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = (x * 7 + y * 3) % 256;
                int a = alpha && x < 3 ? 0 : 255;
                img.setRGB(x, y, (a << 24) | (v << 16) | ((colour ? 255 - v : v) << 8) | (colour ? 128 : v));
            }
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void colourImageIsRestoredAtItsSizeInColourAndTheSummarySaysHow() throws Exception {
        Path in = picture("c.png", 45, 38, true, true);
        Path target = dir.resolve("c.restored.png");
        int code = run("restore", "--model", pack.toString(), "--input", in.toString(), "--operator", "blur",
                "--blur-sigma", "1", "--blur-size", "5", "--steps", "3", "--iterations", "2", "--out", target.toString());
        assertThat(code).as(err.toString()).isZero();
        BufferedImage result = ImageIO.read(target.toFile());
        assertThat(result.getWidth()).isEqualTo(45);
        assertThat(result.getHeight()).isEqualTo(38);
        assertThat(result.getColorModel().getNumColorComponents()).isEqualTo(3);
        assertThat(out.toString()).contains("45x38 colour").contains("token grid 10x12")
                .contains("prior restores luma").contains("transparency composited over white");
        String record = Files.readString(dir.resolve("c.restored.json"));
        assertThat(record).contains("\"tokenGrid\": \"10x12\"").contains("composited over white");
    }

    @Test
    void overTheLimitIsOneErrorLineExitTwoAndNothingWritten() throws Exception {
        Path in = picture("big.png", 300, 250, false, false);
        Path target = dir.resolve("never.png");
        int code = run("restore", "--model", pack.toString(), "--input", in.toString(), "--out", target.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error:").contains("300x250").contains("65,536")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("never.json")).doesNotExist();
    }

    @Test
    void fitKeepsTheOldBehaviourOfRestoringAtAGivenSize() throws Exception {
        Path in = picture("big.png", 300, 250, false, false);
        Path target = dir.resolve("fit.png");
        int code = run("restore", "--model", pack.toString(), "--input", in.toString(), "--fit", "32x32",
                "--steps", "2", "--iterations", "2", "--out", target.toString());
        assertThat(code).as(err.toString()).isZero();
        BufferedImage result = ImageIO.read(target.toFile());
        assertThat(result.getWidth()).isEqualTo(32);
        assertThat(result.getColorModel().getNumColorComponents()).isEqualTo(1);
        assertThat(run("restore", "--model", pack.toString(), "--input", in.toString(), "--fit", "32by32",
                "--out", target.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--fit must be WIDTHxHEIGHT").contains("32by32");
    }

    @Test
    void aOnePixelImageIsAClearError() throws Exception {
        Path in = picture("dot.png", 1, 1, false, false);
        assertThat(run("restore", "--model", pack.toString(), "--input", in.toString(),
                "--out", dir.resolve("dot.restored.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("1x1").contains("at least 4x4");
        assertThat(dir.resolve("dot.restored.png")).doesNotExist();
    }
}
