package org.g2d2.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.io.PackWriter;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.model.nn.VqTokenizerConfig;
import org.g2d2.train.data.EmojiImages;
import org.g2d2.train.data.EmojiSplit;

/**
 * Assembles the colour emoji pack from finished emoji tokenizer and prior runs, after measuring the
 * tokenizer on the held-out emoji (on white, unshifted): the figure and its bar go into model.json,
 * and a tokenizer below the bar is refused.
 */
public final class EmojiPackBuilder {

    /** The gallery samples, relative to the pack folder once it is installed as models/emoji. */
    public static final String SAMPLES = "../../assets/samples/emoji";

    /** Reconstruction PSNR (dB) the tokenizer must reach on the held-out emoji. */
    public static final double PSNR_BAR = 26.0;

    private EmojiPackBuilder() {
    }

    /** Mean reconstruction PSNR (dB, on [0, 1], over RGB) of {@code tok} on the held-out emoji of {@code data}. */
    public static double heldOutPsnr(VqTokenizer tok, Path data, NDManager manager) {
        EmojiImages heldOut = EmojiImages.load(data, EmojiSplit.Part.HELD_OUT, 1, 0, EmojiImages.Augmentation.NONE);
        return TextData.tokenizerPsnr(tok, heldOut, manager);
    }

    /** A tokenizer run's latest checkpoint (the run may still be going), and its step. */
    public record InProgress(VqTokenizer tokenizer, long step) {
    }

    /** The tokenizer as of the last checkpoint in {@code dir}, for measuring a run that has not finished. */
    public static InProgress checkpointTokenizer(Path dir, NDManager manager) {
        if (!Checkpoint.exists(dir)) {
            throw new InvalidInputException("'" + dir + "' holds no training checkpoint");
        }
        Checkpoint c = Checkpoint.load(dir, manager);
        if (!c.info().has("kind") || !"tokenizer".equals(c.info().get("kind").getAsString())) {
            throw new InvalidInputException("'" + dir + "' holds a " + c.info().get("kind") + " run; a tokenizer run is needed");
        }
        org.g2d2.core.model.nn.Params p = new org.g2d2.core.model.nn.Params();
        c.under("p/").forEach(p::put);
        VqTokenizerConfig cfg = VqTokenizerConfig.readFrom(c.info().getAsJsonObject("config"));
        return new InProgress(new VqTokenizer(cfg, p), c.step());
    }

    /**
     * Writes the pack into {@code out}.
     *
     * @param data the emoji PNG folder (scripts/fetch-emoji.sh)
     * @param allowBelowBar write the pack even if the tokenizer misses its bar (for tests of the plumbing)
     */
    public static PackManifest build(Path tokenizerDir, Path priorDir, Path data, Path out, boolean allowBelowBar,
                                     NDManager manager) throws IOException {
        VqTokenizer tok = TrainedTokenizer.load(tokenizerDir, manager);
        if (tok.config().channels() != 3 || tok.config().imageSize() != EmojiImages.SIDE) {
            throw new InvalidInputException("the tokenizer in '" + tokenizerDir + "' takes " + tok.config().channels()
                    + "-channel " + tok.config().imageSize() + "px images; the emoji pack needs 3-channel "
                    + EmojiImages.SIDE + "px");
        }
        JsonObject priorInfo = PackBuilder.readInfo(priorDir, "prior");
        double psnr = heldOutPsnr(tok, data, manager);
        int heldOutCount = EmojiImages.fileNames(data, EmojiSplit.Part.HELD_OUT).size();
        if (psnr < PSNR_BAR && !allowBelowBar) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "the tokenizer in '%s' reconstructs "
                    + "the %d held-out emoji at %.2f dB; the bar is %.1f dB: train it longer", tokenizerDir,
                    heldOutCount, psnr, PSNR_BAR));
        }
        int side = tok.config().imageSize();
        int g = tok.config().gridSize();
        int k = tok.config().codebookSize();
        JsonObject arch = PackBuilder.architecture(tok, priorInfo);
        int trainSteps = priorInfo.get("trainSteps").getAsInt();

        Map<String, NDList> files = new LinkedHashMap<>();
        files.put("tokenizer.safetensors", named(TrainLoop.readWeights(tokenizerDir, manager)));
        files.put("prior.safetensors", named(TrainLoop.readWeights(priorDir, manager)));

        JsonObject training = new JsonObject();
        training.addProperty("data", "emoji-datasource-google 16.0.0 (Noto Emoji, Apache-2.0): 64x64 RGBA PNGs "
                + "composited on white and on light colours, shifted up to 4 px, mirrored");
        training.addProperty("split", "held out: first byte of SHA-256(file name without -1f3fb..-1f3ff) below "
                + EmojiSplit.HELD_OUT_BELOW + "; never used for training or preset tuning");
        training.add("tokenizerRun", PackBuilder.readInfo(tokenizerDir, "tokenizer"));
        training.add("priorRun", priorInfo);
        training.addProperty("code", "g2d2 train emoji-tokenizer, emoji-prior, then emoji-pack (scripts/train-emoji.sh)");

        JsonObject metrics = new JsonObject();
        JsonObject pj2 = new JsonObject();
        pj2.addProperty("heldOut", Math.round(psnr * 100) / 100.0);
        pj2.addProperty("images", heldOutCount);
        pj2.addProperty("bar", PSNR_BAR);
        metrics.add("tokenizerPsnr", pj2);

        PackManifest manifest = new PackManifest(PackManifest.FORMAT, "emoji", "0.1",
                "Colour emoji " + side + "x" + side + ": VQ tokenizer (" + g + "x" + g + " tokens, K=" + k
                        + ") and a masked transformer prior, trained in Java with DJL on Noto Emoji",
                new PackManifest.ImageSpec(side, side, 3, -1, 1),
                new PackManifest.TokenSpec(g, g, k, tok.config().embeddingDim(), k),
                new PackManifest.ScheduleSpec(priorInfo.get("schedule").getAsString(), trainSteps),
                arch, Map.of(), training, metrics, PackBuilder.presets(), SAMPLES);
        return PackWriter.write(out, manifest, files);
    }

    private static NDList named(Map<String, ai.djl.ndarray.NDArray> tensors) {
        NDList list = new NDList();
        tensors.forEach((name, a) -> {
            a.setName(name);
            list.add(a);
        });
        return list;
    }
}
