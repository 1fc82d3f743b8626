package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Json;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.io.PackWriter;
import org.g2d2.core.model.nn.TransformerConfig;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTransformerArchitecture;
import org.g2d2.train.data.FashionMnist;

/** Assembles the Fashion-MNIST model pack from three finished training runs. */
public final class PackBuilder {

    public static final double CARRY_EPSILON = 1e-4;

    private PackBuilder() {
    }

    /**
     * The {@code architecture} block of a VQ-transformer pack: the tokenizer's config, the prior's
     * config as trained, its training steps and the carry-over ε.
     */
    public static JsonObject architecture(VqTokenizer tok, JsonObject priorInfo) {
        int g = tok.config().gridSize();
        JsonObject arch = new JsonObject();
        arch.addProperty("type", VqTransformerArchitecture.TYPE);
        JsonObject tj = new JsonObject();
        tok.config().writeTo(tj);
        arch.add("tokenizer", tj);
        JsonObject pj = priorInfo.getAsJsonObject("config").deepCopy();
        TransformerConfig.readFrom(pj, tok.config().codebookSize(), g, g);
        arch.add("prior", pj);
        arch.addProperty("trainSteps", priorInfo.get("trainSteps").getAsInt());
        arch.addProperty("carryEpsilon", CARRY_EPSILON);
        return arch;
    }

    /**
     * Writes the pack into {@code out}; {@code samples}, if not null, is written relative to the pack.
     *
     * @return the manifest as written
     */
    public static PackManifest build(Path tokenizerDir, Path priorDir, Path classifierDir, Path out, String samples,
                                     NDManager manager) throws IOException {
        VqTokenizer tok = TrainedTokenizer.load(tokenizerDir, manager);
        JsonObject priorInfo = readInfo(priorDir, "prior");
        readInfo(classifierDir, "classifier");
        int g = tok.config().gridSize();
        int k = tok.config().codebookSize();
        JsonObject arch = architecture(tok, priorInfo);
        int trainSteps = priorInfo.get("trainSteps").getAsInt();
        JsonObject cj = new JsonObject();
        JsonArray names = new JsonArray();
        FashionMnist.CLASS_NAMES.forEach(names::add);
        cj.add("classes", names);
        arch.add("classifier", cj);

        Map<String, NDList> files = new LinkedHashMap<>();
        files.put("tokenizer.safetensors", named(TrainLoop.readWeights(tokenizerDir, manager)));
        files.put("prior.safetensors", named(TrainLoop.readWeights(priorDir, manager)));
        files.put("classifier.safetensors", named(TrainLoop.readWeights(classifierDir, manager)));

        JsonObject training = new JsonObject();
        training.addProperty("data", "Fashion-MNIST training split (60,000 images; the 10,000 test images are "
                + "never used for training or tuning), 28x28 padded to 32x32, scaled to [-1, 1]");
        training.addProperty("source", "Debian package dataset-fashion-mnist");
        training.addProperty("licence", FashionMnist.LICENCE);
        training.add("tokenizerRun", readInfo(tokenizerDir, "tokenizer"));
        training.add("priorRun", priorInfo);
        training.add("classifierRun", readInfo(classifierDir, "classifier"));
        training.addProperty("code", "g2d2 train tokenizer|classifier|prior, then g2d2 train pack");

        PackManifest manifest = new PackManifest(PackManifest.FORMAT, "fashion-mnist", "1.1",
                "Fashion-MNIST 32x32 grey: VQ tokenizer (8x8 tokens, K=" + k + ") and a masked transformer prior, "
                        + "trained in Java with DJL",
                new PackManifest.ImageSpec(FashionMnist.SIZE, FashionMnist.SIZE, 1, -1, 1),
                new PackManifest.TokenSpec(g, g, k, tok.config().embeddingDim(), k),
                new PackManifest.ScheduleSpec(priorInfo.get("schedule").getAsString(), trainSteps),
                arch, Map.of(), training, new JsonObject(), presets(), samples);
        return PackWriter.write(out, manifest, files);
    }

    /**
     * Sampler presets, chosen with scripts/tune-presets.sh on training images (docs/RESULTS.md):
     * the paper's KL weight and schedules with 50 × 20 steps for the tasks (sr2 takes sr4's settings:
     * 23.5 dB on 8 training images), a 15 × 20 interactive
     * preset, and the paper's own 100 × 30 blur settings as "paper".
     */
    static Map<String, JsonObject> presets() {
        Map<String, JsonObject> p = new LinkedHashMap<>();
        p.put("interactive", preset(15, 20, 10, 1));
        p.put("blur", preset(50, 20, 5, 1));
        p.put("sr4", preset(50, 20, 10, 2));
        p.put("sr2", preset(50, 20, 10, 2));
        p.put("paper", preset(100, 30, 15, 1));
        return p;
    }

    private static JsonObject preset(int steps, int iterations, double lr, double lrDecay) {
        JsonObject o = new JsonObject();
        o.addProperty("steps", steps);
        o.addProperty("iterations", iterations);
        o.addProperty("kl", 3e-4);
        o.addProperty("klDecay", 2.0);
        o.addProperty("temperature", 1.0);
        o.addProperty("lr", lr);
        o.addProperty("lrDecay", lrDecay);
        o.addProperty("forget", 0.3);
        o.addProperty("process", "star");
        o.addProperty("seed", 0);
        return o;
    }

    private static NDList named(Map<String, NDArray> tensors) {
        NDList list = new NDList();
        tensors.forEach((k, v) -> {
            v.setName(k);
            list.add(v);
        });
        return list;
    }

    static JsonObject readInfo(Path dir, String kind) {
        Path f = dir.resolve(Checkpoint.INFO);
        try {
            if (!Files.isRegularFile(f) || !Files.isRegularFile(dir.resolve(TrainLoop.WEIGHTS))) {
                throw new InvalidInputException("'" + dir + "' is not a finished " + kind + " run (no "
                        + Checkpoint.INFO + " or " + TrainLoop.WEIGHTS + ")");
            }
            JsonObject o = Json.GSON.fromJson(Files.readString(f), JsonObject.class);
            if (!o.has("kind") || !kind.equals(o.get("kind").getAsString())) {
                throw new InvalidInputException("'" + dir + "' holds a " + o.get("kind") + " run; a " + kind
                        + " run is needed");
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes test images {@code first .. first+count−1} as 32×32 grey PNGs named test-NNNNN-label.png. */
    public static void writeSamples(FashionMnist test, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            BufferedImage img = new BufferedImage(FashionMnist.SIZE, FashionMnist.SIZE, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < FashionMnist.SIZE; y++) {
                for (int x = 0; x < FashionMnist.SIZE; x++) {
                    int v = test.pixel(i, y, x);
                    img.getRaster().setSample(x, y, 0, v);
                }
            }
            String label = FashionMnist.CLASS_NAMES.get(test.label(i)).toLowerCase().replaceAll("[^a-z]+", "-");
            ImageIO.write(img, "png", dir.resolve(String.format("test-%05d-%s.png", i, label)).toFile());
        }
    }
}
