package org.g2d2.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.io.PackWriter;
import org.g2d2.core.metrics.TesseractOcr;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.train.data.FontCatalogue;
import org.g2d2.train.data.FontFace;

/**
 * Assembles the printed-text pack from finished text tokenizer and prior runs, after measuring the
 * tokenizer on held-out renders: its quality bar (reconstruction PSNR on the held-out font
 * families) goes into model.json with the figure, and a tokenizer below the bar is refused.
 */
public final class TextPackBuilder {

    /** The gallery samples, relative to the pack folder once it is installed as models/text. */
    public static final String SAMPLES = "../../assets/samples/text";

    /** Reconstruction PSNR (dB) the tokenizer must reach on held-out renders. */
    public static final double PSNR_BAR = 28.0;
    /** How much the tokenizer may raise Tesseract's character error rate on held-out pages (1 point). */
    public static final double OCR_BAR = 0.01;

    private TextPackBuilder() {
    }

    /**
     * Writes the pack into {@code out}.
     *
     * @param samples held-out crops per PSNR figure
     * @param ocrPages held-out pages OCRed clean and through the tokenizer (0: not measured; needs tesseract)
     * @param allowBelowBar write the pack even if the tokenizer misses its bar (for tests of the plumbing)
     */
    public static PackManifest build(Path tokenizerDir, Path priorDir, Path out, int samples, int ocrPages,
                                     boolean allowBelowBar, NDManager manager) throws IOException {
        VqTokenizer tok = TrainedTokenizer.load(tokenizerDir, manager);
        JsonObject priorInfo = PackBuilder.readInfo(priorDir, "prior");
        int side = tok.config().imageSize();
        double seenFonts = TextData.tokenizerPsnr(tok, TextData.heldOut(side, samples, false), manager);
        double heldOutFonts = TextData.tokenizerPsnr(tok, TextData.heldOut(side, samples, true), manager);
        if (Math.min(seenFonts, heldOutFonts) < PSNR_BAR && !allowBelowBar) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "the tokenizer in '%s' reconstructs "
                    + "held-out renders at %.2f dB (training fonts, held-out seed) and %.2f dB (held-out fonts); "
                    + "the bar is %.1f dB: train it longer", tokenizerDir, seenFonts, heldOutFonts, PSNR_BAR));
        }
        TextData.OcrCheck ocr = ocrPages > 0 ? TextData.tokenizerOcr(tok, TesseractOcr.english(), ocrPages, manager) : null;
        if (ocr != null && ocr.reconstructedCer() - ocr.cleanCer() > OCR_BAR && !allowBelowBar) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "Tesseract's CER on %d held-out pages "
                    + "is %.4f through the tokenizer in '%s' against %.4f clean; the bar is %.2f more: train it longer",
                    ocr.pages(), ocr.reconstructedCer(), tokenizerDir, ocr.cleanCer(), OCR_BAR));
        }
        int g = tok.config().gridSize();
        int k = tok.config().codebookSize();
        JsonObject arch = PackBuilder.architecture(tok, priorInfo);
        int trainSteps = priorInfo.get("trainSteps").getAsInt();

        Map<String, NDList> files = new LinkedHashMap<>();
        files.put("tokenizer.safetensors", named(TrainLoop.readWeights(tokenizerDir, manager)));
        files.put("prior.safetensors", named(TrainLoop.readWeights(priorDir, manager)));

        JsonObject training = new JsonObject();
        training.addProperty("data", side + "x" + side + " crops of lines of words rendered with Java2D "
                + "(antialiased, x-height 6-16 px, +-2 degrees, ink and paper greys), generated on the fly");
        JsonArray fonts = new JsonArray();
        FontCatalogue.trainingFaces().stream().map(FontFace::label).forEach(fonts::add);
        training.add("fonts", fonts);
        training.addProperty("heldOutFonts", "fonts-urw-base35 and fonts-lmodern families: never used for training");
        training.addProperty("words", "Debian package wamerican (/usr/share/dict/words)");
        training.add("tokenizerRun", PackBuilder.readInfo(tokenizerDir, "tokenizer"));
        training.add("priorRun", priorInfo);
        training.addProperty("code", "g2d2 train text-tokenizer, text-prior, then text-pack (scripts/train-text.sh)");

        JsonObject metrics = new JsonObject();
        JsonObject psnr = new JsonObject();
        psnr.addProperty("heldOutSeedTrainingFonts", round(seenFonts));
        psnr.addProperty("heldOutFonts", round(heldOutFonts));
        psnr.addProperty("samples", samples);
        psnr.addProperty("bar", PSNR_BAR);
        metrics.add("tokenizerPsnr", psnr);
        if (ocr != null) {
            JsonObject o = new JsonObject();
            o.addProperty("cleanCer", ocr.cleanCer());
            o.addProperty("reconstructedCer", ocr.reconstructedCer());
            o.addProperty("pages", ocr.pages());
            o.addProperty("reader", "tesseract, English, psm 6, x2 bicubic");
            o.addProperty("barAboveClean", OCR_BAR);
            metrics.add("tokenizerOcr", o);
        }

        PackManifest manifest = new PackManifest(PackManifest.FORMAT, "text", "0.1",
                "Printed text " + side + "x" + side + " grey: VQ tokenizer (" + g + "x" + g + " tokens, K=" + k
                        + ") and a masked transformer prior, trained in Java with DJL on rendered text",
                new PackManifest.ImageSpec(side, side, 1, -1, 1),
                new PackManifest.TokenSpec(g, g, k, tok.config().embeddingDim(), k),
                new PackManifest.ScheduleSpec(priorInfo.get("schedule").getAsString(), trainSteps),
                arch, Map.of(), training, metrics, PackBuilder.presets(), SAMPLES);
        return PackWriter.write(out, manifest, files);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
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
