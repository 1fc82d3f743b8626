package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.eval.TestSet;
import org.g2d2.core.metrics.CharacterErrorRate;
import org.g2d2.core.metrics.TextRecognizer;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.train.data.FontFace;
import org.g2d2.train.data.FontCatalogue;
import org.g2d2.train.data.ImageSet;
import org.g2d2.train.data.TextImages;
import org.g2d2.train.data.TextRenderer;
import org.g2d2.train.data.WordCorpus;

/**
 * The text pack's data: training crops from the training fonts, and the two held-out sets its
 * quality is judged on (training fonts with another seed; the held-out font families).
 */
public final class TextData {

    /** Virtual training set size: large enough that no crop repeats within a run of this machine. */
    public static final int TRAINING_IMAGES = 2_000_000;
    /** Seed of the held-out renders; training runs draw their crops from seeds below it. */
    public static final long HELD_OUT_SEED = 1_000_003L;

    /** First seed of the evaluation pages in the held-out fonts (page i draws its words from seed + i). */
    public static final long EVAL_PAGES_SEED = HELD_OUT_SEED + 1_000_000L;
    /** First seed of the pages presets are tuned on (training fonts, a training seed). */
    public static final long TUNING_PAGES_SEED = 500_000L;
    /** The x-heights the pages cycle through, in pixels: inside the training range, legible to Tesseract when clean. */
    static final double[] PAGE_X_HEIGHTS = {8, 10, 12};

    private TextData() {
    }

    /**
     * {@code count} clean pages of {@code width} × {@code height} pixels with their text, for
     * evaluation ({@code heldOut}: the held-out font families and seeds) or preset tuning (the
     * training fonts and a training seed). Page i is in face i mod F of the installed faces, at
     * x-height {@link #PAGE_X_HEIGHTS}[i mod 3], its words drawn from seed + i: the same pages on
     * every run with the same fonts installed.
     */
    public static TestSet pages(boolean heldOut, int count, int width, int height) {
        return pages(heldOut, 0, count, width, height);
    }

    /** Pages {@code skip} to {@code skip + count − 1} of {@link #pages(boolean, int, int, int)}'s sequence. */
    public static TestSet pages(boolean heldOut, int skip, int count, int width, int height) {
        if (skip < 0) {
            throw new InvalidInputException("the pages skipped must be 0 or more; found " + skip);
        }
        if (count < 1 || width < 64 || height < 32 || width % 4 != 0 || height % 4 != 0) {
            throw new InvalidInputException("text pages must be at least 1, of at least 64x32 pixels with sides that "
                    + "are multiples of 4; found " + count + " pages of " + width + "x" + height);
        }
        List<FontFace> faces = FontCatalogue.installed(heldOut ? FontCatalogue.heldOutFaces()
                : FontCatalogue.trainingFaces(), !heldOut);
        TextRenderer r = new TextRenderer(TextRenderer.Settings.of(64), faces, WordCorpus.debian(), !heldOut);
        long seed = heldOut ? EVAL_PAGES_SEED : TUNING_PAGES_SEED;
        List<Image> images = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = skip; i < skip + count; i++) {
            TextRenderer.Page page = r.fixedPage(r.faces().get(i % r.faces().size()),
                    PAGE_X_HEIGHTS[i % PAGE_X_HEIGHTS.length], width, height, new SplittableRandom(seed + i));
            images.add(grey(page.image()));
            texts.add(String.join("\n", page.lines()));
        }
        String name = String.format(Locale.ROOT, "%s text pages %dx%d, %d faces of %s, x-height 8/10/12 px, seeds %d..%d",
                heldOut ? "held-out" : "training", width, height, faces.size(),
                faces.stream().map(FontFace::debianPackage).distinct().collect(Collectors.joining(", ")), seed + skip,
                seed + skip + count - 1);
        return new TestSet(name, images, null, texts);
    }

    /** Training crops of side {@code side}, stream {@code seed}. */
    public static TextImages training(int side, long seed) {
        if (seed >= HELD_OUT_SEED) {
            throw new org.g2d2.core.InvalidInputException("training data seed " + seed + " is reserved for held-out "
                    + "renders; allowed: below " + HELD_OUT_SEED);
        }
        return new TextImages(TextRenderer.training(TextRenderer.Settings.of(side)), TRAINING_IMAGES, seed);
    }

    /** {@code n} held-out crops: the training fonts if {@code heldOutFonts} is false, else the held-out families. */
    public static TextImages heldOut(int side, int n, boolean heldOutFonts) {
        TextRenderer r = heldOutFonts
                ? new TextRenderer(TextRenderer.Settings.of(side), FontCatalogue.heldOutFaces(),
                        WordCorpus.debian(), false)
                : TextRenderer.training(TextRenderer.Settings.of(side));
        return new TextImages(r, n, HELD_OUT_SEED);
    }

    /**
     * OCR character error rates on held-out pages: of the clean page, and of the page passed
     * through the tokenizer (which is convolutional, so it reads a whole page at once).
     *
     * @param cleanCer mean CER of the clean pages
     * @param reconstructedCer mean CER of their reconstructions
     */
    public record OcrCheck(double cleanCer, double reconstructedCer, int pages) {
    }

    /**
     * {@code pages} held-out pages (held-out font families in turn, x-heights 8, 10, 12, 14 px,
     * three lines, 320 px wide, words from the held-out seed) read by {@code reader}.
     */
    public static OcrCheck tokenizerOcr(VqTokenizer tok, TextRecognizer reader, int pages, NDManager manager) {
        TextRenderer r = new TextRenderer(TextRenderer.Settings.of(tok.config().imageSize()),
                FontCatalogue.heldOutFaces(), WordCorpus.debian(), false);
        double clean = 0;
        double recon = 0;
        for (int i = 0; i < pages; i++) {
            FontFace face = r.faces().get(i % r.faces().size());
            TextRenderer.Page page = r.page(face, 8 + 2 * (i % 4), 320, 3,
                    new java.util.SplittableRandom(HELD_OUT_SEED + i));
            String text = String.join("\n", page.lines());
            Image x = grey(page.image());
            clean += CharacterErrorRate.of(reader, x, text);
            try (NDManager m = manager.newSubManager()) {
                NDArray y = tok.decode(tok.embed(tok.encode(x.toNDArray(m)))).clip(-1f, 1f);
                recon += CharacterErrorRate.of(reader, new Image(1, x.height(), x.width(), y.toFloatArray()), text);
            }
        }
        return new OcrCheck(clean / pages, recon / pages, pages);
    }

    static Image grey(java.awt.image.BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] raw = img.getRaster().getPixels(0, 0, w, h, (int[]) null);
        float[] v = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            v[i] = raw[i] / 127.5f - 1f;
        }
        return new Image(1, h, w, v);
    }

    /** Mean reconstruction PSNR (dB, on [0, 1]) of {@code tok} over every image of {@code set}. */
    public static double tokenizerPsnr(VqTokenizer tok, ImageSet set, NDManager manager) {
        double sum = 0;
        int batch = 32;
        for (int start = 0; start < set.size(); start += batch) {
            int n = Math.min(batch, set.size() - start);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = start + i;
            }
            try (NDManager m = manager.newSubManager()) {
                NDArray x = set.images(m, idx);
                NDArray recon = tok.decode(tok.embed(tok.encode(x))).clip(-1f, 1f);
                // per-image MSE on the [0, 1] scale (a quarter of the [−1, 1] one)
                float[] mse = recon.sub(x).square().reshape(n, -1).mean(new int[] {1}).div(4f).toFloatArray();
                for (float e : mse) {
                    sum += -10 * Math.log10(Math.max(e, 1e-10));
                }
            }
        }
        return sum / set.size();
    }
}
