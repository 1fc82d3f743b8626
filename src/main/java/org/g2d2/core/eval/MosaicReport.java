package org.g2d2.core.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ImageGrid;
import org.g2d2.core.metrics.MeanInterval;

/** The mosaic comparison as Markdown, a per-tile CSV and a figure of the first mosaic. */
public final class MosaicReport {

    public static final String SUMMARY = "mosaic.md";
    public static final String CSV = "mosaic.csv";
    public static final String FIGURE = "mosaic-figure.png";

    private MosaicReport() {
    }

    public static void write(MosaicEval.Result r, Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(SUMMARY), markdown(r, command));
        AtomicFiles.writeString(dir.resolve(CSV), csv(r));
        ImageFiles.writePng(dir.resolve(FIGURE), figure(r.mosaics().get(0)));
    }

    /** Mean PSNR / SSIM over all tiles with 95% intervals, one by one and whole, and per mosaic. */
    public static String markdown(MosaicEval.Result r, String command) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# Mosaics %dx%d: %s, noise %s%n%n", r.k(), r.k(), r.operator().describe(),
                r.noiseSigma()));
        b.append(String.format(Locale.ROOT, "%d mosaic(s) of %d test images each (%s); sampler: %s.%n%n",
                r.mosaics().size(), r.k() * r.k(), r.priorWindows(), r.sampler().summary()));
        b.append("| restored | PSNR dB | SSIM |\n|---|---|---|\n");
        for (int side = 0; side < 2; side++) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", side == 0 ? "one by one" : "whole mosaic",
                    MeanInterval.of95(column(r, side, true)).format(2),
                    MeanInterval.of95(column(r, side, false)).format(4)));
        }
        b.append("\n| mosaic | PSNR one by one | PSNR whole | difference | seconds one by one | seconds whole |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int m = 0; m < r.mosaics().size(); m++) {
            MosaicEval.Mosaic mo = r.mosaics().get(m);
            double a = mean(mo.tilePsnr(), 0);
            double w = mean(mo.tilePsnr(), 1);
            b.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %+.2f | %.1f | %.1f |%n", m + 1, a, w, w - a,
                    mo.seconds()[0], mo.seconds()[1]));
        }
        b.append(String.format(Locale.ROOT, "%nMean difference (whole − one by one): %+.2f dB.%n%n",
                mean(column(r, 1, true)) - mean(column(r, 0, true))));
        b.append("Command: `").append(command).append("`\n");
        return b.toString();
    }

    public static String csv(MosaicEval.Result r) {
        StringBuilder b = new StringBuilder("mosaic,tile,psnr_alone,psnr_whole,ssim_alone,ssim_whole\n");
        for (int m = 0; m < r.mosaics().size(); m++) {
            MosaicEval.Mosaic mo = r.mosaics().get(m);
            for (int i = 0; i < mo.tilePsnr().length; i++) {
                b.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.5f,%.5f%n", m, i, mo.tilePsnr()[i][0],
                        mo.tilePsnr()[i][1], mo.tileSsim()[i][0], mo.tileSsim()[i][1]));
            }
        }
        return b.toString();
    }

    /** Truth, y (enlarged when smaller), one by one, whole — side by side. */
    public static BufferedImage figure(MosaicEval.Mosaic m) {
        List<String> names = List.of("truth", "measurement y", "one by one", "whole mosaic");
        List<Image> images = List.of(m.truth(), m.measurement(), m.perImage(), m.whole());
        int zoom = Math.max(1, 256 / m.truth().width());
        List<ImageGrid.Cell> cells = images.stream().map(i -> new ImageGrid.Cell(i, null, null)).toList();
        return ImageGrid.render(names, cells, images.size(), m.truth().width() * zoom, m.truth().height() * zoom);
    }

    private static double[] column(MosaicEval.Result r, int side, boolean psnr) {
        return r.mosaics().stream()
                .flatMap(m -> java.util.Arrays.stream(psnr ? m.tilePsnr() : m.tileSsim()))
                .mapToDouble(row -> row[side]).toArray();
    }

    private static double mean(double[][] rows, int side) {
        return java.util.Arrays.stream(rows).mapToDouble(row -> row[side]).average().orElse(Double.NaN);
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }
}
