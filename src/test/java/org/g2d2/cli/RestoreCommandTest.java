package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.Json;
import org.g2d2.core.io.ToyPacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {

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
        return G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void restoresAndWritesImageMeasurementRecordAndFrames() throws Exception {
        Path result = dir.resolve("out/r.png");
        int code = run("restore", "--model", pack.toString(), "--input", pack.resolve("samples/toy-01.png").toString(),
                "--operator", "sr", "--scale", "2", "--steps", "20", "--iterations", "10", "--seed", "3",
                "--frames", dir.resolve("frames").toString(), "--out", result.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(result).exists();
        assertThat(dir.resolve("out/r.measurement.png")).exists();
        assertThat(dir.resolve("frames")).isDirectoryContaining("glob:**/frame-020.png");
        JsonObject record = Json.GSON.fromJson(Files.readString(dir.resolve("out/r.json")), JsonObject.class);
        assertThat(record.getAsJsonObject("settings").get("steps").getAsInt()).isEqualTo(20);
        assertThat(record.getAsJsonObject("settings").get("seed").getAsLong()).isEqualTo(3);
        // the toy pack has no sr2 preset: the paper's SR settings stand except what was given, and a note says so
        assertThat(err.toString()).contains("note: pack toy has no preset 'sr2'; using the paper's super-resolution "
                + "settings");
        assertThat(record.getAsJsonObject("settings").get("lr").getAsDouble()).isEqualTo(10);
        assertThat(record.getAsJsonObject("settings").get("lrDecay").getAsDouble()).isEqualTo(2);
        assertThat(record.getAsJsonObject("operator").get("scale").getAsInt()).isEqualTo(2);
        // the restoration beats y itself (nearest-neighbour upsampled) by a margin, in the saved files and in
        // the record (22.8 / 24.1 against 19.7 dB; a flat grey image scores about 10 dB)
        double restored = psnr(pack.resolve("samples/toy-01.png"), result, 1);
        double unrestored = psnr(pack.resolve("samples/toy-01.png"), dir.resolve("out/r.measurement.png"), 2);
        assertThat(restored).as("restored %.2f dB against y %.2f dB", restored, unrestored)
                .isGreaterThan(unrestored + 2);
        assertThat(record.getAsJsonObject("metrics").get("psnr").getAsDouble()).isGreaterThan(unrestored + 2);
        assertThat(javax.imageio.ImageIO.read(dir.resolve("out/r.measurement.png").toFile()).getWidth()).isEqualTo(16);
        assertThat(out.toString()).contains("wrote").contains("PSNR");
    }

    /** PSNR on [0, 1] over R, G and B of an 8-bit image against the truth, upsampled by {@code factor} (nearest). */
    static double psnr(Path truthFile, Path imageFile, int factor) throws java.io.IOException {
        java.awt.image.BufferedImage truth = javax.imageio.ImageIO.read(truthFile.toFile());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(imageFile.toFile());
        double sq = 0;
        for (int y = 0; y < truth.getHeight(); y++) {
            for (int x = 0; x < truth.getWidth(); x++) {
                int t = truth.getRGB(x, y);
                int v = image.getRGB(x / factor, y / factor);
                for (int shift = 0; shift <= 16; shift += 8) {  // blue, green, red: equal on grey images
                    double d = (((t >> shift) & 0xff) - ((v >> shift) & 0xff)) / 255.0;
                    sq += d * d;
                }
            }
        }
        return 10 * Math.log10(3.0 * truth.getHeight() * truth.getWidth() / sq);
    }

    @Test
    void measuredModeTakesTheInputAsY() throws Exception {
        Path y = dir.resolve("y.png");
        assertThat(run("restore", "--model", pack.toString(), "--input", pack.resolve("samples/toy-02.png").toString(),
                "--operator", "sr", "--scale", "4", "--steps", "2", "--iterations", "2",
                "--out", dir.resolve("first.png").toString())).isZero();
        Files.copy(dir.resolve("first.measurement.png"), y);
        assertThat(run("restore", "--model", pack.toString(), "--input", y.toString(), "--mode", "measured",
                "--operator", "sr", "--scale", "4", "--steps", "2", "--iterations", "2",
                "--out", dir.resolve("second.png").toString())).as(err.toString()).isZero();
        JsonObject record = Json.GSON.fromJson(Files.readString(dir.resolve("second.json")), JsonObject.class);
        assertThat(record.get("mode").getAsString()).isEqualTo("measured");
        assertThat(record.getAsJsonObject("metrics").has("psnr")).isFalse();
    }

    @Test
    void badInputGivesOneLineExitTwoAndWritesNothing() throws Exception {
        Path target = dir.resolve("never.png");
        Path notImage = dir.resolve("x.png");
        Files.writeString(notImage, "plain text");
        String[][] cases = {
            {"--input", notImage.toString()},
            {"--input", dir.resolve("absent.png").toString()},
            {"--input", pack.resolve("samples/toy-01.png").toString(), "--kl", "NaN"},
            {"--input", pack.resolve("samples/toy-01.png").toString(), "--steps", "500"},
            {"--input", pack.resolve("samples/toy-01.png").toString(), "--blur-size", "4"},
            {"--input", pack.resolve("samples/toy-01.png").toString(), "--process", "brownian"},
            {"--input", pack.resolve("samples/toy-01.png").toString(), "--preset", "fast"},
            {"--input", pack.resolve("samples/toy-01.png").toString(), "--steps", "many"},
        };
        for (String[] c : cases) {
            StringWriter e = new StringWriter();
            String[] args = new String[c.length + 5];
            args[0] = "restore";
            args[1] = "--model";
            args[2] = pack.toString();
            System.arraycopy(c, 0, args, 3, c.length);
            args[c.length + 3] = "--out";
            args[c.length + 4] = target.toString();
            int code = G2D2Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(e), args);
            assertThat(code).as(String.join(" ", c)).isEqualTo(2);
            assertThat(e.toString()).as(String.join(" ", c)).startsWith("error: ").doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(e.toString().lines().filter(l -> !l.startsWith("try:")).count()).isEqualTo(1);
        }
        assertThat(target).doesNotExist();
        Path tampered = dir.resolve("toy/toy.safetensors");
        Files.write(tampered, new byte[] {1, 2, 3});
        StringWriter e = new StringWriter();
        assertThat(G2D2Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "restore", "--model",
                pack.toString(), "--input", pack.resolve("samples/toy-01.png").toString())).isEqualTo(2);
        assertThat(e.toString()).contains("SHA-256");
    }
}
