package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.g2d2.core.Image;
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

    private TextData() {
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

    private static Image grey(java.awt.image.BufferedImage img) {
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
