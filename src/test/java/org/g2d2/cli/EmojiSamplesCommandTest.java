package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.g2d2.core.io.ToyPacks;
import org.g2d2.train.data.EmojiSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train emoji-samples} on a 64×64 RGB toy pack and a folder of synthetic emoji. */
class EmojiSamplesCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheSampleGridAndTheNearestNeighbourTable() throws Exception {
        Path pack = dir.resolve("pack");
        ToyPacks.write(pack, new ToyPacks.Spec(16, 16, 4, 32, 1.5, 7), 3);
        Path emoji = Files.createDirectories(dir.resolve("emoji"));
        int held = 0;
        for (int i = 0; held < 2; i++) {
            String name = String.format(java.util.Locale.ROOT, "1f%03x.png", i);
            held += EmojiSplit.heldOut(name) ? 1 : 0;
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(new java.awt.Color(0x30 * (i % 5), 0xff - 0x20 * (i % 7), 0x80));
            g.fillRect(8 + i % 11, 8, 30, 40);
            g.dispose();
            ImageIO.write(img, "png", emoji.resolve(name).toFile());
        }
        StringWriter err = new StringWriter();
        CommandLine cl = CliSupport.newCommandLine(new G2D2Cli());
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("train", "emoji-samples", "--pack", pack.toString(), "--data", emoji.toString(),
                "--out", dir.resolve("out").toString(), "--count", "3", "--steps", "4", "--held-out", "2");
        assertThat(code).as(err.toString()).isZero();
        String md = Files.readString(dir.resolve("out/emoji-samples.md"));
        assertThat(md).contains("3 unconditional samples of toy 1", "| 3 | 1f", "median nearest-training RMSE",
                "2 held-out emoji");
        BufferedImage grid = ImageIO.read(dir.resolve("out/emoji-samples.png").toFile());
        // three pairs (sample, nearest) of 64-pixel tiles in one row, with captions beneath
        assertThat(grid.getWidth()).isGreaterThan(6 * 64).isLessThan(7 * 64 + 60);
        assertThat(grid.getHeight()).isGreaterThan(64 + 2 * 14);
        assertThat(cl.execute("train", "emoji-samples", "--pack", pack.toString(), "--data", emoji.toString(),
                "--count", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--count must be 1..256");
    }
}
