package org.g2d2.core.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.baseline.Baselines;
import org.g2d2.core.baseline.ClassicalRestorer;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.metrics.CharacterErrorRate;
import org.g2d2.core.metrics.FeatureDistance;
import org.g2d2.core.metrics.Psnr;
import org.g2d2.core.metrics.Ssim;
import org.g2d2.core.metrics.TextRecognizer;
import org.g2d2.core.model.ImageClassifier;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.model.TokenPrior;
import org.g2d2.core.model.WindowedPrior;
import org.g2d2.core.operator.ImageMap;
import org.g2d2.core.operator.InpaintingMask;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.PriorSampler;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.schedule.MaskSchedule;
import org.g2d2.core.schedule.NoiseProcess;

/**
 * Runs an evaluation: for every test image and seed, simulate y = A x + σ_y n once, restore it
 * with every method, and measure each restoration against the truth and against y.
 *
 * <p>Every method sees the same y for a given image and seed (the Restorer draws its noise from
 * the seed). Restorations are clamped to [−1, 1] before they are measured, as a saved image would
 * be. The residual ratio uses the same operator for all methods (on plain images, {@link OperatorSpec#model}).
 * For inpainting the mask is drawn anew per image (the same for every method and seed), and the
 * PSNR over the missing pixels is reported beside the whole image's.
 * Test images may be larger than the pack's context (pages of text): G2D2 then restores them at
 * their own size through the windowed prior, as {@link Restorer} does for any image. When the
 * test set carries the text printed on each image and a reader is given, every restoration is
 * also read by OCR and scored by its character error rate.
 */
public final class EvalRunner {

    /** Rows of the figure. */
    public static final int FIGURE_ROWS = 8;

    private final ModelPack pack;
    private final Restorer restorer;
    private final MaskSchedule schedule;
    private final TextRecognizer reader;

    public EvalRunner(ModelPack pack) {
        this(pack, null);
    }

    /** @param reader the OCR engine for test sets with texts, or null to read nothing */
    public EvalRunner(ModelPack pack, TextRecognizer reader) {
        this.pack = pack;
        this.reader = reader;
        this.restorer = new Restorer(pack);
        this.schedule = MaskSchedule.of(pack.manifest().schedule().type(), pack.manifest().schedule().trainSteps());
    }

    /**
     * @param baselines the classical methods' parameters (tuned on training images, or defaults)
     * @param tuning how they were chosen, for the report
     * @param cancelled polled between restores and inside the samplers
     */
    public EvalResult run(EvalSettings settings, TestSet test, Baselines baselines, String tuning,
                          EvalListener listener, BooleanSupplier cancelled) {
        PackManifest.ImageSpec spec = pack.manifest().image();
        Image first = test.images().get(0);
        int height = first.height();
        int width = first.width();
        int scale = Restorer.restoredSize(settings.operator(), 1, 1)[0];
        if (first.channels() != spec.channels() || height < Restorer.MIN_SIDE || width < Restorer.MIN_SIDE
                || height % scale != 0 || width % scale != 0) {
            throw new InvalidInputException("test images are " + first.channels() + "x" + height + "x" + width
                    + "; pack " + pack.id() + " needs " + spec.channels() + " channel(s) and sides of at least "
                    + Restorer.MIN_SIDE + " pixels that are multiples of the scale " + scale);
        }
        boolean ocr = reader != null && test.hasTexts();
        long start = System.nanoTime();
        Map<String, ClassicalRestorer> classical = classical(settings, settings.operator(), baselines, height, width);
        Map<String, String> parameters = new LinkedHashMap<>();
        classical.forEach((name, r) -> parameters.put(name, r.parameters()));
        Optional<ImageClassifier> classifier = pack.models().classifier();

        long perPair = 0;
        for (String m : settings.methods()) {
            perPair += settings.cost(m);
        }
        Progress progress = new Progress(listener, perPair * test.size() * settings.seeds());
        List<EvalResult.Sample> samples = new ArrayList<>();
        List<EvalResult.FigureRow> figure = new ArrayList<>();
        int truthCorrect = 0;
        boolean sameSize = Arrays.equals(Restorer.measurementSize(settings.operator(), height, width),
                new int[] {height, width});
        double[] measurementPsnr = new double[sameSize ? test.size() : 0];
        double[] truthCer = new double[ocr ? test.size() : 0];
        for (int i = 0; i < test.size(); i++) {
            Image truth = test.images().get(i);
            int label = test.hasLabels() ? test.labels()[i] : -1;
            String text = ocr ? test.texts().get(i) : null;
            if (ocr) {
                truthCer[i] = CharacterErrorRate.of(reader, truth, text);
            }
            // a simulated inpainting mask is drawn anew for every image; other operators stay as they are
            OperatorSpec op = settings.operator().forImage(i);
            if (op != settings.operator()) {
                classical = classical(settings, op, baselines, height, width);
            }
            ImageMap a = op.model(height, width);
            InpaintingMask mask = op.maskAt(height, width);
            for (int k = 0; k < settings.seeds(); k++) {
                long seed = settings.sampler().seed() + k;
                Image y = restorer.simulateMeasurement(truth, op, settings.noiseSigma(), seed);
                if (sameSize) {
                    measurementPsnr[i] += Psnr.compute(truth, y) / settings.seeds();
                }
                List<Image> outputs = new ArrayList<>();
                List<Double> seconds = new ArrayList<>();
                for (String method : settings.methods()) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("evaluation cancelled");
                    }
                    progress.start("image " + (i + 1) + "/" + test.size() + " seed " + seed + " " + method);
                    long t0 = System.nanoTime();
                    outputs.add(restoreWith(method, i, truth, y, seed, op, settings, classical, progress, cancelled)
                            .clamped());
                    seconds.add((System.nanoTime() - t0) / 1e9);
                    progress.finish(settings.cost(method));
                }
                Classified c = classify(classifier, truth, outputs);
                if (k == 0 && label >= 0 && c.truthClass == label) {
                    truthCorrect++;
                }
                int reference = label >= 0 ? label : c.truthClass;
                for (int j = 0; j < outputs.size(); j++) {
                    Image x = outputs.get(j);
                    samples.add(new EvalResult.Sample(i, label, seed, settings.methods().get(j),
                            Psnr.compute(truth, x), Ssim.compute(truth, x),
                            c.classes == null ? Double.NaN : (c.classes[j] == reference ? 1 : 0),
                            c.distances == null ? Double.NaN : c.distances[j],
                            Restorer.residualRatio(y, op.keepMeasured(a.apply(x)), settings.noiseSigma(),
                                    Restorer.measuredValues(op, y)),
                            ocr ? CharacterErrorRate.of(reader, x, text) : Double.NaN, seconds.get(j),
                            mask == null ? Double.NaN : Psnr.over(truth, x, mask.inverted().known())));
                }
                if (k == 0 && figure.size() < FIGURE_ROWS) {
                    figure.add(new EvalResult.FigureRow(i, truth, y, List.copyOf(outputs)));
                }
            }
        }
        String reference = classifier.isEmpty() ? "none" : test.hasLabels() ? "labels" : "classifier on truth";
        double truthAccuracy = classifier.isPresent() && test.hasLabels() ? (double) truthCorrect / test.size()
                : Double.NaN;
        return new EvalResult(settings, pack.id(), test.name(), test.size(), parameters, tuning, reference,
                truthAccuracy, measurementPsnr, truthCer, samples, figure, (System.nanoTime() - start) / 1e9);
    }

    /** The classical methods of the settings for operator {@code op}, by name. */
    private static Map<String, ClassicalRestorer> classical(EvalSettings settings, OperatorSpec op, Baselines baselines,
                                                            int height, int width) {
        Map<String, ClassicalRestorer> classical = new LinkedHashMap<>();
        for (ClassicalRestorer r : baselines.forTask(op, height, width)) {
            if (settings.methods().contains(r.name())) {
                classical.put(r.name(), r);
            }
        }
        return classical;
    }

    private Image restoreWith(String method, int image, Image truth, Image y, long seed, OperatorSpec op,
                              EvalSettings settings,
                              Map<String, ClassicalRestorer> classical, Progress progress,
                              BooleanSupplier cancelled) {
        return switch (method) {
            case EvalSettings.G2D2_STAR, EvalSettings.G2D2_MARKOV -> {
                String process = method.equals(EvalSettings.G2D2_STAR) ? "star" : "markov";
                int iterations = settings.sampler().iterations();
                SamplerListener frames = new SamplerListener() {
                    @Override
                    public void onFrame(Frame f) {
                        progress.advance(iterations);
                    }

                    @Override
                    public boolean wantsPreviews() {
                        return false;
                    }
                };
                Restorer.Outcome o = restorer.restore(new Restorer.Request(truth, Restorer.Mode.SIMULATE,
                        op, settings.noiseSigma(), settings.sampler().withSeed(seed)
                        .withProcess(process)), frames, cancelled);
                yield o.restored();
            }
            case EvalSettings.PRIOR_ONLY -> priorSample(settings, seed, image, truth.height(), truth.width());
            default -> classical.get(method).restore(y);
        };
    }

    /** Units of work done, reported as they happen; each restore ends exactly at its cost. */
    private static final class Progress {
        private final EvalListener listener;
        private final long total;
        private long done;
        private long startOfRestore;
        private String note = "";

        Progress(EvalListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void start(String what) {
            note = what;
            startOfRestore = done;
            listener.progress(done, total, note);
        }

        /** Within a restore (the G2D2 runs report each step's iterations). */
        void advance(long units) {
            done += units;
            listener.progress(done, total, note);
        }

        void finish(long cost) {
            done = startOfRestore + cost;
            listener.progress(done, total, note);
        }
    }

    /**
     * The prior alone, without y: N steps of unconditional star-shaped sampling, decoded. Its
     * draws are seeded per image too, since nothing else would make them differ between images.
     * Images larger than the pack's context are sampled through the windowed prior, as G2D2 restores them.
     */
    private Image priorSample(EvalSettings settings, long seed, int image, int height, int width) {
        TokenLayout layout = restorer.layout(height, width);
        TokenPrior prior = new WindowedPrior(pack.models().prior(), layout.windows(), pack.grid().codebookSize());
        try (NDManager m = pack.manager().newSubManager()) {
            int[] tokens = PriorSampler.sample(m, prior, layout.grid(), schedule,
                    NoiseProcess.of("star", schedule), settings.sampler().steps(), settings.sampler().topMass(),
                    new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (image + 1L))));
            return Image.of(restorer.sampler(layout).decodeTokens(m, tokens));
        }
    }

    /** The classifier's classes and feature distances to the truth, for all outputs in one batch. */
    private record Classified(int truthClass, int[] classes, double[] distances) {
    }

    private Classified classify(Optional<ImageClassifier> classifier, Image truth, List<Image> outputs) {
        if (classifier.isEmpty()) {
            return new Classified(-1, null, null);
        }
        try (NDManager m = pack.manager().newSubManager()) {
            NDList list = new NDList();
            list.add(truth.toNDArray(m));
            for (Image x : outputs) {
                list.add(x.toNDArray(m));
            }
            NDArray batch = NDArrays.concat(list, 0);
            int[] classes = toInts(classifier.get().logits(batch).argMax(1));
            float[] features = classifier.get().features(batch).toType(DataType.FLOAT32, false)
                    .toFloatArray();
            int f = features.length / (outputs.size() + 1);
            float[] truthFeatures = Arrays.copyOfRange(features, 0, f);
            int[] outClasses = new int[outputs.size()];
            double[] distances = new double[outputs.size()];
            for (int j = 0; j < outputs.size(); j++) {
                outClasses[j] = classes[j + 1];
                distances[j] = FeatureDistance.cosine(truthFeatures,
                        Arrays.copyOfRange(features, (j + 1) * f, (j + 2) * f));
            }
            return new Classified(classes[0], outClasses, distances);
        }
    }

    private static int[] toInts(NDArray a) {
        long[] l = a.toType(DataType.INT64, false).toLongArray();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = (int) l[i];
        }
        return out;
    }
}
