package org.g2d2.core.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.g2d2.core.Image;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.ImageGrid;
import org.g2d2.core.metrics.MeanInterval;

/**
 * Writes an {@link EvalResult}: a Markdown summary (mean ± 95% interval per method and metric),
 * a CSV with one row per image × seed × method, and a PNG figure (rows: images; columns: truth,
 * measurement, each method). All files are written atomically.
 */
public final class EvalReport {

    public static final String SUMMARY = "summary.md";
    public static final String CSV = "per-image.csv";
    public static final String FIGURE = "figure.png";

    private EvalReport() {
    }

    /** Writes the three files into {@code dir}; {@code command} (may be null) is quoted in the summary. */
    public static List<Path> write(EvalResult r, Path dir, String command) throws IOException {
        List<Path> files = List.of(dir.resolve(SUMMARY), dir.resolve(CSV), dir.resolve(FIGURE));
        AtomicFiles.writeString(files.get(0), markdown(r, command));
        AtomicFiles.writeString(files.get(1), csv(r));
        ImageFiles.writePng(files.get(2), figure(r));
        return files;
    }

    public static String markdown(EvalResult r, String command) {
        EvalSettings s = r.settings();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "### %s, σ_y = %s — %s%n%n", s.operator().describe(),
                trim(s.noiseSigma()), r.packId()));
        b.append(String.format(Locale.ROOT, "%d test images (%s) × %d seed%s; G2D2: %s.%n%n", r.images(),
                r.testSet(), s.seeds(), s.seeds() == 1 ? "" : "s", s.sampler().summary()));
        List<EvalResult.Metric> metrics = r.metrics();
        b.append("| method | ");
        for (EvalResult.Metric m : metrics) {
            b.append(m.header).append(" | ");
        }
        b.append("\n|---|");
        b.append("---:|".repeat(metrics.size())).append('\n');
        for (Map.Entry<String, Map<EvalResult.Metric, MeanInterval>> row : r.summary().entrySet()) {
            b.append("| ").append(row.getKey()).append(" | ");
            for (EvalResult.Metric m : metrics) {
                b.append(row.getValue().get(m).format(m.decimals)).append(" | ");
            }
            b.append('\n');
        }
        b.append('\n');
        // the note repeats the "unrestored" row's PSNR, so it only appears when that row does not
        if (r.measurementPsnr().length > 0 && !r.settings().methods().contains("unrestored")) {
            b.append("The measurement y itself scores ").append(MeanInterval.of95(r.measurementPsnr()).format(2))
                    .append(" dB PSNR. ");
        }
        b.append("Mean ± half-width of the 95% Student-t interval over images (each image's seeds averaged first). ");
        if ("none".equals(r.accuracyReference())) {
            b.append("Accuracy and feature distance: – (the pack has no classifier). ");
        } else {
            b.append("Accuracy: the pack classifier's class on the restoration vs ");
            b.append("labels".equals(r.accuracyReference()) ? "the true label"
                    : "its class on the clean image (the test set has no labels)");
            if (!Double.isNaN(r.truthAccuracy())) {
                b.append(String.format(Locale.ROOT, " (on the clean images: %.1f%%)", 100 * r.truthAccuracy()));
            }
            b.append(". Feature distance: 1 − cosine similarity of the classifier's penultimate features "
                    + "(restoration vs truth). ");
        }
        if (r.hasOcr()) {
            b.append("OCR CER: character error rate of Tesseract's reading of the restoration against the page's "
                    + "text (edit distance over the text's length, whitespace runs as one space); on the clean "
                    + "pages it reads ").append(MeanInterval.of95(scaled(r.truthCer(), 100)).format(1))
                    .append(" %. ");
        }
        if (!r.figure().isEmpty() && r.figure().get(0).truth().channels() == 3) {
            b.append("Colour: PSNR over all R, G and B values, SSIM the mean of the three channels' SSIM; the "
                    + "classical baselines restore each channel on its own. ");
        }
        b.append("Residual ratio: ‖y − A x̂‖ / (σ_y √m), about 1 when x̂ explains y down to its noise; "
                + "well below 1 means it fits the noise too.\n\n");
        b.append("Baselines: ");
        List<String> params = new ArrayList<>();
        r.baselineParameters().forEach((k, v) -> params.add(k + " (" + v + ")"));
        b.append(params.isEmpty() ? "none" : String.join(", ", params)).append("; ").append(r.tuning()).append(".\n");
        b.append(String.format(Locale.ROOT, "Wall time %.0f s.%n", r.seconds()));
        if (command != null) {
            b.append("\n```\n").append(command).append("\n```\n");
        }
        return b.toString();
    }

    public static String csv(EvalResult r) {
        StringBuilder b = new StringBuilder("image,label,seed,method,psnr,ssim,correct,feature_distance,"
                + "residual_ratio,seconds,ocr_cer,hole_psnr\n");
        for (EvalResult.Sample s : r.samples()) {
            b.append(String.format(Locale.ROOT, "%d,%s,%d,%s,%s,%s,%s,%s,%s,%.4f,%s,%s%n", s.image(),
                    s.label() < 0 ? "" : Integer.toString(s.label()), s.seed(), s.method(), num(s.psnr(), 4),
                    num(s.ssim(), 5), Double.isNaN(s.correct()) ? "" : Integer.toString((int) s.correct()),
                    num(s.perceptual(), 5), num(s.residualRatio(), 5), s.seconds(), num(s.ocrCer(), 5),
                    num(s.holePsnr(), 4)));
        }
        return b.toString();
    }

    /** Rows of truth, measurement (nearest-neighbour enlarged when smaller) and each method, with a header. */
    public static BufferedImage figure(EvalResult r) {
        List<String> columns = new ArrayList<>(List.of("truth", "measurement"));
        columns.addAll(r.settings().methods());
        Image any = r.figure().get(0).truth();
        int zoom = Math.max(1, (int) Math.ceil(96.0 / any.width()));
        List<ImageGrid.Cell> cells = new ArrayList<>();
        for (EvalResult.FigureRow row : r.figure()) {
            cells.add(new ImageGrid.Cell(row.truth(), null, null));
            cells.add(new ImageGrid.Cell(row.measurement(), null, null));
            for (Image restored : row.restorations()) {
                cells.add(new ImageGrid.Cell(restored, null, null));
            }
        }
        return ImageGrid.render(columns, cells, columns.size(), any.width() * zoom, any.height() * zoom);
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    private static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String trim(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
