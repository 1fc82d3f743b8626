package org.g2d2.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.metrics.Ssim;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * Whole mosaics against their tiles: K×K test images are laid side by side, degraded and restored
 * in one run at the mosaic's size (the windowed prior over the whole grid), and each tile of the
 * result is measured against its truth beside the same image restored on its own. A restore at
 * the image's own size is sound when the two agree and the windows' borders leave no seams.
 */
public final class MosaicEval {

    /**
     * One mosaic.
     *
     * @param truth the K×K truth mosaic
     * @param measurement y of the whole mosaic
     * @param perImage the K×K tiles restored one by one, laid out as the mosaic
     * @param whole the mosaic restored in one run
     * @param tilePsnr per tile, {one by one, whole}
     * @param tileSsim per tile, {one by one, whole}
     * @param seconds {all tiles one by one, the whole mosaic}
     */
    public record Mosaic(Image truth, Image measurement, Image perImage, Image whole, double[][] tilePsnr,
                         double[][] tileSsim, double[] seconds) {
    }

    /** What ran and what came out. */
    public record Result(OperatorSpec operator, double noiseSigma, SamplerSettings sampler, int k, String priorWindows,
                         List<Mosaic> mosaics) {
    }

    private final Restorer restorer;

    public MosaicEval(Restorer restorer) {
        this.restorer = restorer;
    }

    /**
     * @param images test images, all of one size; the first ⌊n / K²⌋·K² are used
     * @param k tiles per side
     */
    public Result run(List<Image> images, int k, OperatorSpec operator, double noiseSigma, SamplerSettings sampler,
                      EvalListener listener, BooleanSupplier cancelled) {
        if (k < 2 || k > 16) {
            throw new InvalidInputException("--mosaic must be from 2 to 16 tiles per side; found " + k);
        }
        int count = images.size() / (k * k);
        if (count < 1) {
            throw new InvalidInputException("a " + k + "x" + k + " mosaic needs " + k * k + " test images; found "
                    + images.size());
        }
        Image first = images.get(0);
        long total = (long) count * 2 * k * k;
        long done = 0;
        List<Mosaic> mosaics = new ArrayList<>();
        String windows = "";
        for (int mIndex = 0; mIndex < count; mIndex++) {
            List<Image> tiles = images.subList(mIndex * k * k, (mIndex + 1) * k * k);
            Image[] restoredTiles = new Image[tiles.size()];
            long t0 = System.nanoTime();
            for (int i = 0; i < tiles.size(); i++) {
                check(cancelled);
                listener.progress(done, total, "mosaic " + (mIndex + 1) + " tile " + (i + 1) + " alone");
                restoredTiles[i] = restorer.restore(request(tiles.get(i), operator, noiseSigma,
                        sampler.withSeed(sampler.seed() + mIndex * k * k + i)), SamplerListener.NONE, cancelled)
                        .restored().clamped();
                done++;
            }
            long t1 = System.nanoTime();
            check(cancelled);
            listener.progress(done, total, "mosaic " + (mIndex + 1) + " whole");
            Image truth = assemble(tiles, k);
            Restorer.Outcome whole = restorer.restore(request(truth, operator, noiseSigma,
                    sampler.withSeed(sampler.seed() + mIndex)), SamplerListener.NONE, cancelled);
            done += (long) k * k;
            long t2 = System.nanoTime();
            windows = whole.layout().gridText() + " tokens, " + whole.layout().windows().count() + " windows";
            Image wholeImage = whole.restored().clamped();
            double[][] psnr = new double[tiles.size()][2];
            double[][] ssim = new double[tiles.size()][2];
            for (int i = 0; i < tiles.size(); i++) {
                Image cut = tile(wholeImage, i, k, first.height(), first.width());
                psnr[i][0] = Psnr.compute(tiles.get(i), restoredTiles[i]);
                psnr[i][1] = Psnr.compute(tiles.get(i), cut);
                ssim[i][0] = Ssim.compute(tiles.get(i), restoredTiles[i]);
                ssim[i][1] = Ssim.compute(tiles.get(i), cut);
            }
            mosaics.add(new Mosaic(truth, whole.measurement(), assemble(List.of(restoredTiles), k), wholeImage, psnr,
                    ssim, new double[] {(t1 - t0) / 1e9, (t2 - t1) / 1e9}));
            listener.progress(done, total, "mosaic " + (mIndex + 1) + " done");
        }
        return new Result(operator, noiseSigma, sampler, k, windows, mosaics);
    }

    private static Restorer.Request request(Image truth, OperatorSpec operator, double sigma, SamplerSettings s) {
        return new Restorer.Request(truth, Restorer.Mode.SIMULATE, operator, sigma, s);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("mosaic evaluation cancelled");
        }
    }

    /** K×K images of one size, row by row, as one image. */
    public static Image assemble(List<Image> tiles, int k) {
        Image a = tiles.get(0);
        int h = a.height();
        int w = a.width();
        int c = a.channels();
        Image out = new Image(c, k * h, k * w, new float[c * k * h * k * w]);
        for (int i = 0; i < tiles.size(); i++) {
            Image t = tiles.get(i);
            int r0 = (i / k) * h;
            int c0 = (i % k) * w;
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(t.data(), (ch * h + y) * w, out.data(), (ch * k * h + r0 + y) * k * w + c0, w);
                }
            }
        }
        return out;
    }

    /** Tile {@code i} (row by row) of a K×K mosaic of {@code h} × {@code w} tiles. */
    public static Image tile(Image mosaic, int i, int k, int h, int w) {
        int c = mosaic.channels();
        int r0 = (i / k) * h;
        int c0 = (i % k) * w;
        float[] out = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(mosaic.data(), (ch * mosaic.height() + r0 + y) * mosaic.width() + c0, out,
                        (ch * h + y) * w, w);
            }
        }
        return new Image(c, h, w, out);
    }
}
