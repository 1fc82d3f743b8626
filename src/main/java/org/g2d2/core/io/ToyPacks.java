package org.g2d2.core.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.g2d2.core.model.ToyPatchModel;

/**
 * Writes a toy model pack built by code, not training: grey images cut into p×p patches, a
 * codebook of flat tones and random smooth patterns, and a prior table of random per-position
 * preferences. Small enough for tests and for showing the method without a trained network.
 */
public final class ToyPacks {

    /** The toy pack's shape. */
    public record Spec(int gridHeight, int gridWidth, int patch, int codes, double priorScale, long seed) {
        /** 8×8 tokens of 4×4 pixels (32×32 images), 32 codes. */
        public static Spec standard() {
            return new Spec(8, 8, 4, 32, 1.5, 7);
        }
    }

    private ToyPacks() {
    }

    /** Writes the standard toy pack to the folder given as the only argument (how models/toy was made). */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Spec.standard());
    }

    public static PackManifest write(Path dir, Spec spec) throws IOException {
        return write(dir, spec, 1);
    }

    /**
     * A toy pack of {@code channels} (1: grey; 3: RGB) channels. Channel 0 of every code is the grey
     * pack's; the other channels shift it by a level of their own, so codes differ in colour too.
     */
    public static PackManifest write(Path dir, Spec spec, int channels) throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("toy packs are grey or RGB; found " + channels + " channels");
        }
        int p2 = spec.patch() * spec.patch();
        int d = channels * p2;
        int length = spec.gridHeight() * spec.gridWidth();
        SplittableRandom rng = new SplittableRandom(spec.seed());
        SplittableRandom tints = new SplittableRandom(spec.seed() + 1);
        float[] codebook = new float[spec.codes() * d];
        for (int k = 0; k < spec.codes(); k++) {
            // the first codes are flat tones, the rest oriented ramps at random levels
            double level = -1 + 2 * rng.nextDouble();
            double angle = rng.nextDouble() * 2 * Math.PI;
            double slope = k < 4 ? 0 : 0.3 + 0.5 * rng.nextDouble();
            if (k < 4) {
                level = -1 + 2 * k / 3.0;
            }
            for (int py = 0; py < spec.patch(); py++) {
                for (int px = 0; px < spec.patch(); px++) {
                    double u = (px - (spec.patch() - 1) / 2.0) / spec.patch();
                    double v = (py - (spec.patch() - 1) / 2.0) / spec.patch();
                    double value = level + slope * 2 * (u * Math.cos(angle) + v * Math.sin(angle));
                    codebook[k * d + py * spec.patch() + px] = (float) Math.max(-1, Math.min(1, value));
                }
            }
            for (int c = 1; c < channels; c++) {
                double shift = k < 4 ? 0 : tints.nextDouble() - 0.5;
                for (int i = 0; i < p2; i++) {
                    codebook[k * d + c * p2 + i] = (float) Math.max(-1, Math.min(1, codebook[k * d + i] + shift));
                }
            }
        }
        float[] table = new float[length * spec.codes()];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (spec.priorScale() * gaussian(rng));
        }
        JsonObject arch = new JsonObject();
        arch.addProperty("type", ToyPatchModel.TYPE);
        arch.addProperty("channels", channels);
        arch.addProperty("patch", spec.patch());
        arch.addProperty("carryEpsilon", 1e-4);
        JsonObject training = new JsonObject();
        training.addProperty("data", "none: built by code (ToyPacks)");
        training.addProperty("license", "same as this project");
        JsonObject interactive = new JsonObject();
        interactive.addProperty("steps", 20);
        interactive.addProperty("iterations", 10);
        JsonObject blur = new JsonObject();
        blur.addProperty("steps", 50);
        blur.addProperty("iterations", 20);
        JsonObject sr4 = new JsonObject();
        sr4.addProperty("steps", 50);
        sr4.addProperty("iterations", 20);
        sr4.addProperty("lr", 10);
        sr4.addProperty("lrDecay", 2);
        JsonObject metrics = new JsonObject();
        PackManifest manifest = new PackManifest(PackManifest.FORMAT, "toy", "1", "A toy patch model for tests",
                new PackManifest.ImageSpec(spec.gridHeight() * spec.patch(), spec.gridWidth() * spec.patch(), channels, -1, 1),
                new PackManifest.TokenSpec(spec.gridHeight(), spec.gridWidth(), spec.codes(), d, spec.codes()),
                new PackManifest.ScheduleSpec("linear", 100), arch, Map.of(), training, metrics,
                Map.of("interactive", interactive, "blur", blur, "sr4", sr4), "samples");
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray c = manager.create(codebook, new Shape(spec.codes(), d));
            c.setName("codebook");
            NDArray p = manager.create(table, new Shape(length, spec.codes()));
            p.setName("prior");
            PackManifest written = PackWriter.write(dir, manifest, Map.of("toy.safetensors", new NDList(c, p)));
            writeSamples(dir.resolve("samples"), c, spec, channels, rng);
            return written;
        }
    }

    /** A few images the toy decoder can make exactly, for galleries and tests. */
    private static void writeSamples(Path dir, NDArray codebook, Spec spec, int channels, SplittableRandom rng)
            throws IOException {
        float[] c = codebook.toFloatArray();
        int p = spec.patch();
        int d = channels * p * p;
        int h = spec.gridHeight() * p;
        int w = spec.gridWidth() * p;
        for (int i = 0; i < 6; i++) {
            float[] img = new float[channels * h * w];
            for (int ty = 0; ty < spec.gridHeight(); ty++) {
                for (int tx = 0; tx < spec.gridWidth(); tx++) {
                    int k = rng.nextInt(spec.codes());
                    for (int ch = 0; ch < channels; ch++) {
                        for (int py = 0; py < p; py++) {
                            for (int px = 0; px < p; px++) {
                                img[(ch * h + ty * p + py) * w + tx * p + px] = c[k * d + (ch * p + py) * p + px];
                            }
                        }
                    }
                }
            }
            ImageFiles.writePng(dir.resolve(String.format("toy-%02d.png", i + 1)),
                    new org.g2d2.core.Image(channels, h, w, img));
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
