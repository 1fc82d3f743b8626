package org.g2d2.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.model.ImageClassifier;
import org.g2d2.core.model.nn.TransformerPrior;
import org.g2d2.core.model.nn.VqTokenizer;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.core.schedule.NoiseProcess;
import org.g2d2.train.data.FashionMnist;

/**
 * Measures a vq-transformer pack on the test split: tokenizer reconstruction PSNR, classifier
 * accuracy, and the classifier's view of unconditional prior samples (mean top-1 probability and
 * the share of each class).
 */
public final class QualityEval {

    private QualityEval() {
    }

    /** PSNR in dB on the [0, 1] scale of reconstructions D(C[E(x)]), averaged per image. */
    public static double reconstructionPsnr(VqTokenizer tok, FashionMnist data, NDManager manager) {
        double sum = 0;
        int batch = 500;
        for (int start = 0; start < data.size(); start += batch) {
            int n = Math.min(batch, data.size() - start);
            try (NDManager m = manager.newSubManager()) {
                NDArray x = data.images(m, range(start, n));
                NDArray r = tok.decode(tok.embed(tok.encode(x))).clip(-1f, 1f);
                float[] mse = r.sub(x).div(2f).square().reshape(n, -1).mean(new int[] {1}).toFloatArray();
                for (float e : mse) {
                    sum += 10 * Math.log10(1 / Math.max(e, 1e-10));
                }
            }
        }
        return sum / data.size();
    }

    public static double accuracy(ImageClassifier c, FashionMnist data, NDManager manager) {
        int correct = 0;
        int batch = 500;
        for (int start = 0; start < data.size(); start += batch) {
            int n = Math.min(batch, data.size() - start);
            try (NDManager m = manager.newSubManager()) {
                long[] pred = c.logits(data.images(m, range(start, n))).argMax(1).toLongArray();
                for (int i = 0; i < n; i++) {
                    correct += pred[i] == data.label(start + i) ? 1 : 0;
                }
            }
        }
        return (double) correct / data.size();
    }

    /**
     * Unconditional samples: start from all masks; at each of the {@code steps} times draw z0 from
     * the prior at the masked positions (unmasked ones keep their token, which the carry-over rule
     * gives probability 1 − ε), then move to the next time s with {@code process} (star-shaped:
     * mask round(L·γ̄(s)) random positions of z0; Markov: keep what is unmasked and unmask each
     * masked position with probability (γ̄(t) − γ̄(s))/γ̄(t)). No truncation. Batched over grids for
     * speed; returns n·L tokens.
     */
    public static int[] sample(TransformerPrior prior, MaskSchedule schedule, NoiseProcess process, int n, int steps,
                               int batch, long seed, NDManager manager) {
        int l = prior.network().config().length();
        int k = prior.network().config().codebookSize();
        int[] times = schedule.timesteps(steps);
        int[] out = new int[n * l];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int start = 0; start < n; start += batch) {
            int b = Math.min(batch, n - start);
            int[] z = new int[b * l];
            java.util.Arrays.fill(z, k);
            for (int j = 0; j + 1 < times.length; j++) {
                int[] tt = new int[b];
                java.util.Arrays.fill(tt, times[j]);
                float[] logp;
                try (NDManager m = manager.newSubManager()) {
                    logp = prior.logProbsBatch(m, z, tt).toFloatArray();
                }
                for (int i = 0; i < b; i++) {
                    int[] zt = java.util.Arrays.copyOfRange(z, i * l, (i + 1) * l);
                    int[] z0 = zt.clone();
                    for (int pos = 0; pos < l; pos++) {
                        if (zt[pos] == k) {
                            z0[pos] = draw(logp, (i * l + pos) * k, k, rng);
                        }
                    }
                    System.arraycopy(process.step(zt, times[j], times[j + 1], z0, k, rng), 0, z, i * l, l);
                }
            }
            System.arraycopy(z, 0, out, start * l, b * l);
        }
        return out;
    }

    private static int draw(float[] logp, int off, int k, SplittableRandom rng) {
        double u = rng.nextDouble();
        double acc = 0;
        for (int c = 0; c < k; c++) {
            acc += Math.exp(logp[off + c]);
            if (u < acc) {
                return c;
            }
        }
        return k - 1;
    }

    /** Decodes token grids (n·L) to images (n, 1, H, W) in [−1, 1], clamped. */
    public static NDArray decode(VqTokenizer tok, int[] tokens, int n, NDManager m) {
        int g = tok.config().gridSize();
        long[] ids = new long[tokens.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokens[i];
        }
        return tok.decode(tok.embed(m.create(ids, new Shape(n, g, g)))).clip(-1f, 1f);
    }

    /** Writes images (n, 1, H, W) in [−1, 1] as a grid PNG of {@code cols} columns with a 2-pixel gap. */
    public static void writeGrid(NDArray images, int cols, Path file) throws IOException {
        int n = (int) images.getShape().get(0);
        int h = (int) images.getShape().get(2);
        int w = (int) images.getShape().get(3);
        float[] v = images.toFloatArray();
        int rows = (n + cols - 1) / cols;
        int gap = 2;
        BufferedImage img = new BufferedImage(cols * (w + gap) + gap, rows * (h + gap) + gap,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < n; i++) {
            int ox = gap + (i % cols) * (w + gap);
            int oy = gap + (i / cols) * (h + gap);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int g = Math.round((v[i * h * w + y * w + x] + 1) * 127.5f);
                    img.getRaster().setSample(ox + x, oy + y, 0, Math.max(0, Math.min(255, g)));
                }
            }
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(img, "png", file.toFile());
    }

    /** Runs every measurement and returns them as the manifest's metrics object. */
    public static JsonObject measure(ModelPack pack, FashionMnist test, int samples, int steps,
                                     java.util.List<String> processNames, long seed, Path grid, PrintStream log)
            throws IOException {
        if (!(pack.models().decoder() instanceof VqTokenizer tok) || !(pack.models().prior() instanceof TransformerPrior prior)
                || pack.models().classifier().isEmpty()) {
            throw new InvalidInputException("quality measurement needs a vq-transformer pack with a classifier");
        }
        ImageClassifier cls = pack.models().classifier().get();
        MaskSchedule schedule = MaskSchedule.of(pack.manifest().schedule().type(), pack.manifest().schedule().trainSteps());
        java.util.List<NoiseProcess> processes = processNames.stream().map(n -> NoiseProcess.of(n, schedule)).toList();
        NDManager manager = pack.manager();
        JsonObject metrics = new JsonObject();
        try (NDManager m = manager.newSubManager()) {
            double psnr = reconstructionPsnr(tok, test, m);
            log.printf(Locale.ROOT, "tokenizer reconstruction PSNR over %d test images: %.2f dB%n", test.size(), psnr);
            metrics.addProperty("tokenizerReconstructionPsnrDb", round(psnr));
            double acc = accuracy(cls, test, m);
            log.printf(Locale.ROOT, "classifier test accuracy: %.4f%n", acc);
            metrics.addProperty("classifierTestAccuracy", round(acc));
        }
        JsonObject unconditional = new JsonObject();
        for (NoiseProcess process : processes) {
            unconditional.add(process.name(), unconditionalSamples(tok, prior, cls, schedule, process, samples, steps,
                    seed, unconditional.size() == 0 ? grid : null, manager, log));
        }
        metrics.add("unconditionalSamples", unconditional);
        metrics.addProperty("measuredOn", "Fashion-MNIST test split (10,000 images)");
        return metrics;
    }

    /** Samples the prior unconditionally with one process and scores the samples with the classifier. */
    private static JsonObject unconditionalSamples(VqTokenizer tok, TransformerPrior prior, ImageClassifier cls,
                                                   MaskSchedule schedule, NoiseProcess process, int samples, int steps,
                                                   long seed, Path grid, NDManager manager, PrintStream log)
            throws IOException {
        long t0 = System.nanoTime();
        int[] tokens = sample(prior, schedule, process, samples, steps, 100, seed, manager);
        log.printf(Locale.ROOT, "sampled %d token grids (%s) in %.0f s%n", samples, process.name(),
                (System.nanoTime() - t0) / 1e9);
        int classes = cls.classNames().size();
        int[] counts = new int[classes];
        double top1 = 0;
        int l = prior.network().config().length();
        for (int start = 0; start < samples; start += 100) {
            int b = Math.min(100, samples - start);
            try (NDManager m = manager.newSubManager()) {
                int[] part = java.util.Arrays.copyOfRange(tokens, start * l, (start + b) * l);
                NDArray images = decode(tok, part, b, m);
                if (start == 0 && grid != null) {
                    writeGrid(images.get(":64"), 8, grid);
                }
                float[] probs = cls.logits(images).softmax(1).toFloatArray();
                for (int i = 0; i < b; i++) {
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (probs[i * classes + c] > probs[i * classes + best]) {
                            best = c;
                        }
                    }
                    counts[best]++;
                    top1 += probs[i * classes + best];
                }
            }
        }
        JsonObject s = new JsonObject();
        s.addProperty("count", samples);
        s.addProperty("steps", steps);
        s.addProperty("process", (process.name().equals("star") ? "star-shaped" : "Markov absorbing")
                + ", no truncation");
        s.addProperty("seed", seed);
        s.addProperty("classifierMeanTop1", round(top1 / samples));
        JsonArray share = new JsonArray();
        int maxCount = 0;
        for (int c = 0; c < classes; c++) {
            share.add(round((double) counts[c] / samples));
            maxCount = Math.max(maxCount, counts[c]);
        }
        s.add("classShare", share);
        s.addProperty("largestClassShare", round((double) maxCount / samples));
        log.printf(Locale.ROOT, "unconditional samples (%s): mean top-1 %.3f, largest class share %.3f, shares %s%n",
                process.name(), top1 / samples, (double) maxCount / samples, share);
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static int[] range(int start, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = start + i;
        }
        return idx;
    }
}
