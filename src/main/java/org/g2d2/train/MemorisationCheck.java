package org.g2d2.train;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ImageGrid;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.sampler.PriorSampler;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.core.schedule.NoiseProcess;

/**
 * Whether a prior copies its training images: unconditional samples, each beside its nearest
 * training image (pixel RMSE on [0, 1], mirror images included, since mirroring was an
 * augmentation), against the same distance for held-out images as the yardstick of "new but of
 * the same kind". A copy sits far below the yardstick; a prior that draws new images does not.
 */
public final class MemorisationCheck {

    /** A training image and how far it is from a query. */
    public record Match(int index, boolean mirrored, double rmse) {
    }

    /** The samples and their nearest training images, and the held-out yardstick. */
    public record Result(List<Image> samples, List<Match> nearest, double[] heldOutNearest) {

        /** The median over the samples of the nearest-training distance. */
        public double sampleMedian() {
            return median(nearest.stream().mapToDouble(Match::rmse).toArray());
        }

        public double heldOutMedian() {
            return median(heldOutNearest);
        }
    }

    private MemorisationCheck() {
    }

    /** {@code count} unconditional samples of the pack's prior (star-shaped, {@code steps} steps), decoded. */
    public static List<Image> samples(ModelPack pack, int count, int steps, long seed) {
        MaskSchedule schedule = MaskSchedule.of(pack.manifest().schedule().type(),
                pack.manifest().schedule().trainSteps());
        Restorer restorer = new Restorer(pack);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (NDManager m = pack.manager().newSubManager()) {
                int[] tokens = PriorSampler.sample(m, pack.models().prior(), pack.grid(), schedule,
                        NoiseProcess.of("star", schedule), steps, 1.0, rng.split());
                out.add(Image.of(restorer.sampler().decodeTokens(m, tokens)).clamped());
            }
        }
        return out;
    }

    /** The nearest of {@code training} to {@code query}, as it is or mirrored left to right. */
    public static Match nearest(Image query, List<Image> training) {
        Match best = new Match(-1, false, Double.POSITIVE_INFINITY);
        for (int i = 0; i < training.size(); i++) {
            Image t = training.get(i);
            if (t.channels() != query.channels() || t.height() != query.height() || t.width() != query.width()) {
                throw new org.g2d2.core.InvalidInputException("training image " + i + " is " + t.channels() + "x"
                        + t.height() + "x" + t.width() + "; the samples are " + query.channels() + "x"
                        + query.height() + "x" + query.width());
            }
            for (boolean mirrored : new boolean[] {false, true}) {
                double d = rmse(query, t, mirrored);
                if (d < best.rmse()) {
                    best = new Match(i, mirrored, d);
                }
            }
        }
        return best;
    }

    /** Samples, their nearest training images, and the nearest-training distance of each held-out image. */
    public static Result check(List<Image> samples, List<Image> training, List<Image> heldOut) {
        List<Match> nearest = samples.stream().map(s -> nearest(s, training)).toList();
        double[] yardstick = heldOut.stream().mapToDouble(h -> nearest(h, training).rmse()).toArray();
        return new Result(samples, nearest, yardstick);
    }

    /** Pairs of tiles (sample, nearest training image with its distance), {@code pairsPerRow} pairs a row. */
    public static BufferedImage figure(Result r, List<Image> training, List<String> names, int pairsPerRow) {
        List<ImageGrid.Cell> cells = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        for (int p = 0; p < pairsPerRow; p++) {
            headings.add("sample");
            headings.add("nearest training");
        }
        for (int i = 0; i < r.samples().size(); i++) {
            Match m = r.nearest().get(i);
            Image t = training.get(m.index());
            cells.add(new ImageGrid.Cell(r.samples().get(i), "#" + (i + 1), null));
            cells.add(new ImageGrid.Cell(m.mirrored() ? mirror(t) : t,
                    String.format(Locale.ROOT, "RMSE %.3f%s", m.rmse(), m.mirrored() ? " (mirror)" : ""),
                    shortName(names.get(m.index()))));
        }
        Image any = r.samples().get(0);
        int zoom = Math.max(1, 96 / any.width());
        return ImageGrid.render(headings, cells, 2 * pairsPerRow, any.width() * zoom, any.height() * zoom);
    }

    private static String shortName(String name) {
        return name.length() > 16 ? name.substring(0, 15) + "\u2026" : name;
    }

    /** RMSE on [0, 1] (images are on [−1, 1], so half the plain RMSE). */
    static double rmse(Image a, Image b, boolean mirrorB) {
        int h = a.height();
        int w = a.width();
        double sum = 0;
        for (int c = 0; c < a.channels(); c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = a.get(c, y, x) - b.get(c, y, mirrorB ? w - 1 - x : x);
                    sum += d * d;
                }
            }
        }
        return Math.sqrt(sum / a.data().length) / 2;
    }

    static Image mirror(Image im) {
        float[] out = new float[im.data().length];
        int w = im.width();
        for (int c = 0; c < im.channels(); c++) {
            for (int y = 0; y < im.height(); y++) {
                for (int x = 0; x < w; x++) {
                    out[(c * im.height() + y) * w + x] = im.get(c, y, w - 1 - x);
                }
            }
        }
        return new Image(im.channels(), im.height(), w, out);
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
