package org.g2d2.core;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.g2d2.core.colour.ChannelPlan;
import org.g2d2.core.colour.ChromaRestorer;
import org.g2d2.core.colour.YCbCr;
import org.g2d2.core.model.CroppedDecoder;
import org.g2d2.core.model.PriorWindows;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.model.WindowedPrior;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.metrics.Ssim;
import org.g2d2.core.operator.MeasurementNoise;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.operator.ForwardOperator;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.G2D2Sampler;
import org.g2d2.core.sampler.InverseProblem;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.sampler.SamplerState;
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
     * @param input the truth (simulate) or y (measured, at the operator's output size); any size of
     *     at least {@link #MIN_SIDE} pixels a side, grey or RGB
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
     * @param layout the token grid and prior windows the image was restored on
     * @param channels which channels the prior restored
     * @param notes what was done to the input on the way (e.g. a crop to the scale), for the record
     */
    public record Outcome(Image truth, Image measurement, Image restored, Image restoredMeasurement,
                          double residualRatio, double psnr, double ssim, SamplerResult sampler,
                          TokenLayout layout, ChannelPlan channels, List<String> notes) {
        public boolean hasTruth() {
            return truth != null;
        }
    }

    /** The smallest image side restored, in pixels (one token of the usual stride). */
    public static final int MIN_SIDE = 4;

    /**
     * The default limit on restored pixels (256×256): about a minute on 2 CPU cores with the
     * interactive preset. The command line and the workbench both start from it.
     */
    public static final long DEFAULT_MAX_PIXELS = 65_536;

    private final ModelPack pack;
    private final MaskSchedule schedule;
    private final PriorWindows.Settings windowing;
    private final int stride;

    public Restorer(ModelPack pack) {
        this.pack = pack;
        this.schedule = MaskSchedule.of(pack.manifest().schedule().type(), pack.manifest().schedule().trainSteps());
        var architecture = pack.manifest().architecture();
        this.windowing = PriorWindows.Settings.fromJson(architecture != null && architecture.has("priorWindows")
                ? architecture.getAsJsonObject("priorWindows") : null);
        this.stride = pack.manifest().image().height() / pack.grid().height();
    }

    public ModelPack pack() {
        return pack;
    }

    /** The sampler on the pack's own grid (the prior as trained, no windows). */
    public G2D2Sampler sampler() {
        return new G2D2Sampler(pack.models().prior(), pack.models().decoder(), pack.grid(), schedule);
    }

    /** Where an image of {@code height} × {@code width} pixels sits on tokens for this pack. */
    public TokenLayout layout(int height, int width) {
        return TokenLayout.of(height, width, pack.grid(), stride, windowing);
    }

    /** The sampler for one image size: the windowed prior over its grid, the decoder cut to its size. */
    public G2D2Sampler sampler(TokenLayout layout) {
        return new G2D2Sampler(new WindowedPrior(pack.models().prior(), layout.windows(), pack.grid().codebookSize()),
                new CroppedDecoder(pack.models().decoder(), layout.height(), layout.width()), layout.grid(), schedule);
    }

    /** The measurement y that simulate mode makes from a truth (the noise is drawn from the settings' seed). */
    public Image simulateMeasurement(Image truth, OperatorSpec spec, double sigma, long seed) {
        try (NDManager m = pack.manager().newSubManager();
             ForwardOperator op = spec.create(m, truth.height(), truth.width())) {
            Image clean = Image.of(op.apply(truth.toNDArray(m)));
            return spec.keepMeasured(MeasurementNoise.add(clean, sigma, noiseSeed(seed)));
        }
    }

    /** The measurement's size for this pack's own image size and the operator: {height, width}. */
    public int[] measurementSize(OperatorSpec spec) {
        var img = pack.manifest().image();
        return measurementSize(spec, img.height(), img.width());
    }

    /** The measurement's size for an image of {@code height} × {@code width}: {height, width}. */
    public static int[] measurementSize(OperatorSpec spec, int height, int width) {
        return spec.measurementSize(height, width);
    }

    /** The restored image's size for a measurement of {@code height} × {@code width}: {height, width}. */
    public static int[] restoredSize(OperatorSpec spec, int height, int width) {
        return spec.restoredSize(height, width);
    }

    /** Refuses a restored size over {@code maxPixels}, naming both. */
    public static void requireWithin(int height, int width, long maxPixels) {
        if ((long) height * width > maxPixels) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "the image is %dx%d = %,d pixels; at most %,d are restored (raise --max-pixels, or --fit WxH "
                            + "to restore it smaller)", width, height, (long) height * width, maxPixels));
        }
    }

    public Outcome restore(Request request, SamplerListener listener, BooleanSupplier cancelled) {
        return restore(request, null, request.settings(), listener, cancelled);
    }

    /**
     * A branch of a run made with {@code original}: the same measurement (simulated with the
     * original's seed), the sampler resumed from {@code from} with {@code settings}.
     */
    public Outcome branch(Request original, SamplerState from, SamplerSettings settings, SamplerListener listener,
                          BooleanSupplier cancelled) {
        return restore(original, java.util.Objects.requireNonNull(from, "from"), settings, listener, cancelled);
    }

    private Outcome restore(Request request, SamplerState from, SamplerSettings samplerSettings,
                            SamplerListener listener, BooleanSupplier cancelled) {
        List<String> notes = new ArrayList<>();
        OperatorSpec spec = request.operator();
        double sigma = request.noiseSigma();
        Image truth = null;
        Image y;
        if (request.mode() == Mode.SIMULATE) {
            truth = fitToScale(request.input(), spec, notes);
            requireMinimum(truth.height(), truth.width(), "input image");
            y = simulateMeasurement(truth, spec, sigma, request.settings().seed());
        } else {
            int[] x = restoredSize(spec, request.input().height(), request.input().width());
            requireMinimum(x[0], x[1], "restored image");
            y = spec.keepMeasured(request.input());
        }
        int[] size = restoredSize(spec, y.height(), y.width());
        int height = size[0];
        int width = size[1];
        TokenLayout layout = layout(height, width);
        ChannelPlan plan = ChannelPlan.of(y.channels(), pack.manifest().image().channels());
        try (NDManager m = pack.manager().newSubManager(); ForwardOperator op = spec.create(m, height, width)) {
            // the planes the prior sees, and (colour on a grey pack) the chroma restored classically
            Image yPrior = y;
            Image[] chroma = null;
            Image[] chromaMeasured = null;
            if (plan == ChannelPlan.LUMA) {
                Image[] planes = YCbCr.split(y);
                yPrior = planes[0];
                ChromaRestorer classical = new ChromaRestorer(spec, sigma, height, width);
                chroma = new Image[] {classical.restore(planes[1]), classical.restore(planes[2])};
                chromaMeasured = new Image[] {apply(m, op, chroma[0]), apply(m, op, chroma[1])};
                notes.add("chroma restored by " + classical.method());
            } else if (plan == ChannelPlan.GREY_ON_COLOUR) {
                yPrior = YCbCr.toRgb(y);
            }
            InverseProblem problem = problem(op, spec.keepMeasured(yPrior), sigma, spec);
            SamplerSettings settings = balancedKl(samplerSettings, height, width, notes);
            SamplerResult result = sampler(layout).resume(m, problem, settings, from,
                    colourFrames(listener, plan, chroma, chromaMeasured), cancelled);
            Image restored = combine(plan, result.image(), chroma);
            Image ax = apply(m, op, restored);
            double residual = residualRatio(y, ax, sigma, measuredValues(spec, y));
            double psnr = truth == null ? Double.NaN : Psnr.compute(truth, restored);
            double ssim = truth == null ? Double.NaN : Ssim.compute(truth, restored);
            return new Outcome(truth, y, restored, ax, residual, psnr, ssim, result, layout, plan, List.copyOf(notes));
        }
    }

    /**
     * λ for an image of another size than the pack's: the likelihood is the plain norm over all m
     * measured values, so for the same error per pixel its gradient per pixel scales as 1/√m while
     * the KL term's per token does not; λ·√(m_pack / m) keeps the balance the presets were tuned for.
     * At the pack's own size λ is untouched.
     */
    private SamplerSettings balancedKl(SamplerSettings settings, int height, int width, List<String> notes) {
        var img = pack.manifest().image();
        long packPixels = (long) img.height() * img.width();
        long pixels = (long) height * width;
        if (windowing.balance() != PriorWindows.Balance.KL || pixels == packPixels) {
            return settings;
        }
        double scale = Math.sqrt((double) packPixels / pixels);
        notes.add(String.format(Locale.ROOT, "KL weight scaled by sqrt(%d/%d) = %.3g for the image's size", packPixels,
                pixels, scale));
        return settings.withKl(settings.kl() * scale);
    }

    /** The problem with the misfit the pack's balance asks for (blocks of its own measurement's size). */
    private InverseProblem problem(ForwardOperator op, Image y, double sigma, OperatorSpec spec) {
        if (windowing.balance() != PriorWindows.Balance.BLOCKS) {
            return new InverseProblem(op, y, sigma);
        }
        int[] block = measurementSize(spec);
        return new InverseProblem(op, y, sigma, block[0], block[1]);
    }

    /** The prior's output back in the image's channels. */
    private static Image combine(ChannelPlan plan, Image prior, Image[] chroma) {
        return switch (plan) {
            case DIRECT -> prior;
            case LUMA -> YCbCr.merge(prior, chroma[0], chroma[1]);
            case GREY_ON_COLOUR -> YCbCr.luma(prior);
        };
    }

    /** Frames as the user sees them: a luma preview recoloured with the classical chroma. */
    private static SamplerListener colourFrames(SamplerListener listener, ChannelPlan plan, Image[] chroma,
                                                Image[] chromaMeasured) {
        if (plan != ChannelPlan.LUMA) {
            return listener;
        }
        return new SamplerListener() {
            @Override
            public void onFrame(Frame frame) {
                if (frame.preview() == null) {
                    listener.onFrame(frame);
                    return;
                }
                listener.onFrame(frame.withImages(YCbCr.merge(frame.preview(), chroma[0], chroma[1]),
                        YCbCr.merge(frame.predictedMeasurement(), chromaMeasured[0], chromaMeasured[1])));
            }

            @Override
            public boolean wantsPreviews() {
                return listener.wantsPreviews();
            }

            @Override
            public boolean wantsStates() {
                return listener.wantsStates();
            }
        };
    }

    private static Image apply(NDManager m, ForwardOperator op, Image x) {
        try (NDManager scratch = m.newSubManager()) {
            return Image.of(op.apply(x.toNDArray(scratch)));
        }
    }

    /** Downsampling needs sides that are multiples of the scale: a truth that is not is cropped, with a note. */
    private static Image fitToScale(Image truth, OperatorSpec spec, List<String> notes) {
        int[] y = measurementSize(spec, truth.height(), truth.width());
        int[] x = restoredSize(spec, y[0], y[1]);
        if (x[0] == truth.height() && x[1] == truth.width()) {
            return truth;
        }
        if (x[0] < MIN_SIDE || x[1] < MIN_SIDE) {
            requireMinimum(truth.height(), truth.width(), "input image");
            requireMinimum(x[0], x[1], "input image cropped to the scale");
        }
        notes.add("cropped " + truth.width() + "x" + truth.height() + " to " + x[1] + "x" + x[0]
                + " so that its sides are multiples of the scale " + spec.scale());
        return crop(truth, x[0], x[1]);
    }

    /** The top-left {@code height} × {@code width} of an image. */
    public static Image crop(Image image, int height, int width) {
        float[] out = new float[image.channels() * height * width];
        for (int c = 0; c < image.channels(); c++) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(image.data(), (c * image.height() + r) * image.width(), out, (c * height + r) * width,
                        width);
            }
        }
        return new Image(image.channels(), height, width, out);
    }

    private static void requireMinimum(int height, int width, String what) {
        if (height < MIN_SIDE || width < MIN_SIDE) {
            throw new InvalidInputException(what + " is " + width + "x" + height + " pixels; at least " + MIN_SIDE
                    + "x" + MIN_SIDE + " are needed");
        }
    }

    /** The number m of values of y that are measured (inpainting leaves out the missing pixels). */
    public static int measuredValues(OperatorSpec spec, Image y) {
        var mask = spec.maskAt(y.height(), y.width());
        return mask == null ? y.data().length : mask.knownCount() * y.channels();
    }

    /** ‖y − A(x̂)‖ / (σ √m) over the {@code measured} values that y holds (the others are zero in both). */
    public static double residualRatio(Image y, Image ax, double sigma, int measured) {
        double sum = 0;
        for (int i = 0; i < y.data().length; i++) {
            double d = y.data()[i] - ax.data()[i];
            sum += d * d;
        }
        return Math.sqrt(sum) / ((sigma > 0 ? sigma : 1) * Math.sqrt(measured));
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

    /** The measurement noise uses its own stream, so it does not shift the sampler's draws. */
    static long noiseSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }
}
