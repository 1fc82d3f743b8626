package org.g2d2.core.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.g2d2.core.Image;
import org.g2d2.core.metrics.MeanInterval;

/**
 * Everything an evaluation measured: one {@link Sample} per image × seed × method, the images of
 * the figure, and what was used.
 *
 * @param packId "name version" of the pack
 * @param testSet the test set's name
 * @param images how many test images
 * @param baselineParameters each classical method's parameters in one line
 * @param tuning how the baselines' parameters were chosen, in one line
 * @param accuracyReference "labels" (true classes), "classifier on truth" (agreement with the
 *     classifier's class for the clean image) or "none" (the pack has no classifier)
 * @param truthAccuracy the classifier's accuracy on the clean images (NaN without labels or classifier)
 * @param measurementPsnr each image's PSNR of y itself against the truth (mean over seeds), when y has
 *     the truth's size (blur); empty otherwise
 * @param truthCer each image's OCR character error rate on the clean image (the reader's own floor), when
 *     the test set carries texts and a reader was given; empty otherwise
 * @param figure up to 8 rows of truth, measurement and each method's restoration (first seed)
 * @param seconds wall time of the whole run
 */
public record EvalResult(EvalSettings settings, String packId, String testSet, int images,
                         Map<String, String> baselineParameters, String tuning, String accuracyReference,
                         double truthAccuracy, double[] measurementPsnr, double[] truthCer, List<Sample> samples,
                         List<FigureRow> figure, double seconds) {

    /**
     * One restoration's measurements.
     *
     * @param label the image's class, or −1
     * @param correct 1 when the classifier's class on the restoration is the reference class, else 0; NaN without a classifier
     * @param perceptual 1 − cos of the classifier's penultimate features (restoration vs truth); NaN without a classifier
     * @param residualRatio ‖y − A x̂‖ / (σ_y √m)
     * @param ocrCer OCR character error rate of the restoration against the image's text; NaN without OCR
     * @param seconds wall time of this restore
     * @param holePsnr inpainting: PSNR over the missing pixels only (NaN for other tasks)
     */
    public record Sample(int image, int label, long seed, String method, double psnr, double ssim, double correct,
                         double perceptual, double residualRatio, double ocrCer, double seconds, double holePsnr) {
    }

    /** One figure row: the truth, the measurement y and the methods' restorations in method order. */
    public record FigureRow(int image, Image truth, Image measurement, List<Image> restorations) {
    }

    /** The metrics of the summary table, with how to print them. */
    public enum Metric {
        PSNR("PSNR (dB) ↑", 2, 1),
        HOLE_PSNR("PSNR in hole (dB) ↑", 2, 1),
        SSIM("SSIM ↑", 3, 1),
        ACCURACY("accuracy (%) ↑", 1, 100),
        PERCEPTUAL("feature dist. ↓", 3, 1),
        RESIDUAL("residual ratio (→1)", 2, 1),
        OCR_CER("OCR CER (%) ↓", 1, 100),
        SECONDS("s / restore", 2, 1);

        public final String header;
        public final int decimals;
        public final double factor;

        Metric(String header, int decimals, double factor) {
            this.header = header;
            this.decimals = decimals;
            this.factor = factor;
        }

        double of(Sample s) {
            return switch (this) {
                case PSNR -> s.psnr();
                case HOLE_PSNR -> s.holePsnr();
                case SSIM -> s.ssim();
                case ACCURACY -> s.correct();
                case PERCEPTUAL -> s.perceptual();
                case RESIDUAL -> s.residualRatio();
                case OCR_CER -> s.ocrCer();
                case SECONDS -> s.seconds();
            };
        }
    }

    /** Whether the restorations were read by OCR (the test set carried texts). */
    public boolean hasOcr() {
        return truthCer.length > 0;
    }

    /**
     * The metrics this evaluation reports: all, less the OCR column where nothing was read and the
     * PSNR in the hole for operators other than inpainting.
     */
    public List<Metric> metrics() {
        boolean inpainting = settings.operator().kind() == org.g2d2.core.operator.OperatorSpec.Kind.INPAINT;
        return java.util.Arrays.stream(Metric.values())
                .filter(m -> m != Metric.OCR_CER || hasOcr())
                .filter(m -> m != Metric.HOLE_PSNR || inpainting)
                .toList();
    }

    /**
     * Mean and 95% interval per method and metric. Seeds of the same image are not independent
     * draws from the image distribution, so each image's seeds are averaged first and the
     * interval is over the per-image means (n = number of images).
     */
    public Map<String, Map<Metric, MeanInterval>> summary() {
        Map<String, Map<Metric, MeanInterval>> out = new LinkedHashMap<>();
        for (String method : settings.methods()) {
            Map<Metric, MeanInterval> row = new LinkedHashMap<>();
            for (Metric metric : metrics()) {
                row.put(metric, MeanInterval.of95(perImageMeans(method, metric)));
            }
            out.put(method, row);
        }
        return out;
    }

    /** Each image's mean of {@code metric} over its seeds (NaN where no seed gave a value). */
    public double[] perImageMeans(String method, Metric metric) {
        double[] sum = new double[images];
        int[] n = new int[images];
        for (Sample s : samples) {
            double v = metric.of(s);
            if (s.method().equals(method) && !Double.isNaN(v)) {
                // infinite PSNR (an exact restoration) would make the mean infinite: cap at 100 dB
                sum[s.image()] += Math.min(v, 100);
                n[s.image()]++;
            }
        }
        double[] means = new double[images];
        for (int i = 0; i < images; i++) {
            means[i] = n[i] == 0 ? Double.NaN : sum[i] / n[i] * metric.factor;
        }
        return means;
    }

}
