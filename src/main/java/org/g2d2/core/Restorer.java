package org.g2d2.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.BooleanSupplier;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.metrics.Ssim;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.SeparableOperator;
import org.g2d2.core.sampler.G2D2Sampler;
import org.g2d2.core.sampler.InverseProblem;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.schedule.MaskSchedule;

/**
 * One restoration from start to end, as the command line and the workbench both run it: degrade
 * the input (simulate) or take it as the measurement (measured), run the sampler, and measure the
 * result against the measurement and, where known, the truth.
 */
public final class Restorer {

    /** Where the measurement comes from. */
    public enum Mode {
        /** The input is the truth: degrade it, restore, compare. */
        SIMULATE,
        /** The input already is y, at the operator's output size. */
        MEASURED;

        public static Mode parse(String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "simulate" -> SIMULATE;
                case "measured" -> MEASURED;
                default -> throw new InvalidInputException("mode '" + s + "' is unknown; allowed: simulate, measured");
            };
        }
    }

    /**
     * What to restore.
     *
     * @param input the truth (simulate, at the pack's size) or y (measured, at the operator's output size)
     * @param noiseSigma σ_y: added in simulate mode, assumed in measured mode
     */
    public record Request(Image input, Mode mode, OperatorSpec operator, double noiseSigma, SamplerSettings settings) {
        public Request {
            MeasurementNoise.validate(noiseSigma);
        }
    }

    /**
     * What came out.
     *
     * @param truth the ground truth (simulate mode) or null
     * @param residualRatio ‖y − A(x̂)‖ / (σ_y √m); about 1 when the result explains y down to its noise
     * @param psnr dB against the truth, or NaN without one
     * @param ssim against the truth, or NaN without one
     */
    public record Outcome(Image truth, Image measurement, Image restored, Image restoredMeasurement,
                          double residualRatio, double psnr, double ssim, SamplerResult sampler) {
        public boolean hasTruth() {
            return truth != null;
        }
    }

    private final ModelPack pack;
    private final G2D2Sampler sampler;

    public Restorer(ModelPack pack) {
        this.pack = pack;
        MaskSchedule schedule = MaskSchedule.of(pack.manifest().schedule().type(),
                pack.manifest().schedule().trainSteps());
        this.sampler = new G2D2Sampler(pack.models().prior(), pack.models().decoder(), pack.grid(), schedule);
    }

    public ModelPack pack() {
        return pack;
    }

    public G2D2Sampler sampler() {
        return sampler;
    }

    /** The measurement y that simulate mode makes from a truth (the noise is drawn from the settings' seed). */
    public Image simulateMeasurement(Image truth, OperatorSpec spec, double sigma, long seed) {
        try (NDManager m = pack.manager().newSubManager(); SeparableOperator op = build(m, spec)) {
            Image clean = Image.of(op.apply(truth.toNDArray(m)));
            return MeasurementNoise.add(clean, sigma, noiseSeed(seed));
        }
    }

    /** The measurement's size for this pack and operator: {height, width}. */
    public int[] measurementSize(OperatorSpec spec) {
        var img = pack.manifest().image();
        try (NDManager m = pack.manager().newSubManager(); SeparableOperator op = build(m, spec)) {
            return op.outputSize(img.height(), img.width());
        }
    }

    public Outcome restore(Request request, SamplerListener listener, BooleanSupplier cancelled) {
        var img = pack.manifest().image();
        Image truth = request.mode() == Mode.SIMULATE ? request.input() : null;
        try (NDManager m = pack.manager().newSubManager(); SeparableOperator op = build(m, request.operator())) {
            int[] ySize = op.outputSize(img.height(), img.width());
            Image y;
            if (truth != null) {
                requireSize(truth, img.channels(), img.height(), img.width(), "input image");
                y = simulateMeasurement(truth, request.operator(), request.noiseSigma(), request.settings().seed());
            } else {
                y = request.input();
                requireSize(y, img.channels(), ySize[0], ySize[1], "measurement");
            }
            InverseProblem problem = new InverseProblem(op, y, request.noiseSigma());
            SamplerResult result = sampler.run(m, problem, request.settings(), listener, cancelled);
            Image ax;
            try (NDManager scratch = m.newSubManager()) {
                NDArray x = result.image().toNDArray(scratch);
                ax = Image.of(op.apply(x));
            }
            double residual = residualRatio(y, ax, request.noiseSigma());
            double psnr = truth == null ? Double.NaN : Psnr.compute(truth, result.image());
            double ssim = truth == null ? Double.NaN : Ssim.compute(truth, result.image());
            return new Outcome(truth, y, result.image(), ax, residual, psnr, ssim, result);
        }
    }

    /** ‖y − A(x̂)‖ / (σ √m); with σ = 0 the plain RMS residual. */
    public static double residualRatio(Image y, Image ax, double sigma) {
        double sum = 0;
        for (int i = 0; i < y.data().length; i++) {
            double d = y.data()[i] - ax.data()[i];
            sum += d * d;
        }
        int m = y.data().length;
        return Math.sqrt(sum) / ((sigma > 0 ? sigma : 1) * Math.sqrt(m));
    }

    private SeparableOperator build(NDManager m, OperatorSpec spec) {
        var img = pack.manifest().image();
        return spec.create(m, img.height(), img.width());
    }

    private static void requireSize(Image image, int channels, int height, int width, String what) {
        if (image.channels() != channels || image.height() != height || image.width() != width) {
            throw new InvalidInputException(what + " is " + image.channels() + "x" + image.height() + "x"
                    + image.width() + "; this pack and operator need " + channels + "x" + height + "x" + width);
        }
    }

    /** The measurement noise uses its own stream, so it does not shift the sampler's draws. */
    static long noiseSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }
}
