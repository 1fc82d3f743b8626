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

    public static PackManifest write(Path dir, Spec spec) throws IOException {
        int d = spec.patch() * spec.patch();
        int length = spec.gridHeight() * spec.gridWidth();
        SplittableRandom rng = new SplittableRandom(spec.seed());
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
        }
        float[] table = new float[length * spec.codes()];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (spec.priorScale() * gaussian(rng));
        }
        JsonObject arch = new JsonObject();
        arch.addProperty("type", ToyPatchModel.TYPE);
        arch.addProperty("channels", 1);
        arch.addProperty("patch", spec.patch());
        arch.addProperty("carryEpsilon", 1e-4);
        JsonObject training = new JsonObject();
        training.addProperty("data", "none: built by code (ToyPacks)");
        training.addProperty("license", "same as this project");
        JsonObject interactive = new JsonObject();
        interactive.addProperty("steps", 20);
        interactive.addProperty("iterations", 10);
        JsonObject metrics = new JsonObject();
        PackManifest manifest = new PackManifest(PackManifest.FORMAT, "toy", "1", "A toy patch model for tests",
                new PackManifest.ImageSpec(spec.gridHeight() * spec.patch(), spec.gridWidth() * spec.patch(), 1, -1, 1),
                new PackManifest.TokenSpec(spec.gridHeight(), spec.gridWidth(), spec.codes(), d, spec.codes()),
                new PackManifest.ScheduleSpec("linear", 100), arch, Map.of(), training, metrics,
                Map.of("interactive", interactive), null);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray c = manager.create(codebook, new Shape(spec.codes(), d));
            c.setName("codebook");
            NDArray p = manager.create(table, new Shape(length, spec.codes()));
            p.setName("prior");
            return PackWriter.write(dir, manifest, Map.of("toy.safetensors", new NDList(c, p)));
        }
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
