package org.g2d2.core.baseline;

import org.g2d2.core.operator.ImageMap;
import org.g2d2.core.operator.LinearMap;
import org.g2d2.core.operator.SeparableMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;

/**
 * Chooses the free parameter of each classical baseline by a small grid search on training
 * images (never the test images): every candidate restores the same simulated measurements
 * y = A x + σ n, and the one with the highest mean PSNR wins.
 */
public final class BaselineTuning {

    /** Wiener noise-to-signal ratios tried: 10^-4 … 10^0 in quarter decades. */
    public static final List<Double> NSR_GRID = logGrid(-4, 0, 4);
    /** Richardson–Lucy iteration counts tried. */
    public static final List<Integer> RL_GRID = List.of(2, 5, 10, 20, 40, 80, 160, 320);
    /** Back-projection smoothness weights β tried. */
    public static final List<Double> IBP_GRID = List.of(0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2);

    /** One candidate's score. */
    public record Score<T>(T value, double meanPsnr) {
    }

    /** The winner and every candidate's score, in grid order. */
    public record Result<T>(T best, List<Score<T>> scores) {
        public String describe() {
            StringBuilder s = new StringBuilder();
            for (Score<T> sc : scores) {
                s.append(s.length() == 0 ? "" : ", ").append(sc.value()).append(':')
                        .append(String.format(Locale.ROOT, "%.2f", sc.meanPsnr()));
            }
            return "best " + best + " (" + s + ")";
        }
    }

    private final OperatorSpec spec;
    private final LinearMap operator;
    private final List<Image> truths;
    private final List<Image> measurements;

    /**
     * @param training truth images from the training split, at the operator's input size
     * @param seed the measurement noise of training image i is drawn from seed + i
     */
    public BaselineTuning(OperatorSpec spec, double noiseSigma, List<Image> training, long seed) {
        if (training.isEmpty()) {
            throw new InvalidInputException("baseline tuning needs at least one training image; found none");
        }
        Image first = training.get(0);
        this.spec = spec;
        this.operator = spec.linearPart(first.height(), first.width());
        ImageMap model = spec.model(first.height(), first.width());
        this.truths = List.copyOf(training);
        this.measurements = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            measurements.add(MeasurementNoise.add(model.apply(training.get(i)), noiseSigma, seed + i));
        }
    }

    public Result<Double> tuneWiener() {
        return search(NSR_GRID, nsr -> Baselines.linearised(spec, new WienerDeconvolution(operator, nsr)));
    }

    public Result<Integer> tuneRichardsonLucy() {
        return search(RL_GRID, n -> Baselines.linearised(spec, new RichardsonLucy(operator, n)));
    }

    public Result<Double> tuneBackProjection(int scale) {
        return search(IBP_GRID, beta -> new IterativeBackProjection((SeparableMatrix) operator, scale,
                IterativeBackProjection.DEFAULTS.withSmoothness(beta)));
    }

    /** Mean PSNR of each candidate's restorer over the training pairs; the best wins (ties: the first). */
    public <T> Result<T> search(List<T> grid, Function<T, ClassicalRestorer> make) {
        List<Score<T>> scores = new ArrayList<>();
        Score<T> best = null;
        for (T value : grid) {
            ClassicalRestorer r = make.apply(value);
            double sum = 0;
            for (int i = 0; i < truths.size(); i++) {
                sum += Math.min(Psnr.compute(truths.get(i), r.restore(measurements.get(i))), 100);
            }
            Score<T> s = new Score<>(value, sum / truths.size());
            scores.add(s);
            if (best == null || s.meanPsnr() > best.meanPsnr()) {
                best = s;
            }
        }
        return new Result<>(best.value(), List.copyOf(scores));
    }

    static List<Double> logGrid(int fromExponent, int toExponent, int perDecade) {
        List<Double> g = new ArrayList<>();
        for (int k = fromExponent * perDecade; k <= toExponent * perDecade; k++) {
            g.add(Double.parseDouble(String.format(Locale.ROOT, "%.3g", Math.pow(10, (double) k / perDecade))));
        }
        return List.copyOf(g);
    }
}
