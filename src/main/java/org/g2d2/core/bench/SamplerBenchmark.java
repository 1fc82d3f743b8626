package org.g2d2.core.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.g2d2.core.Image;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.model.TokenGrid;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.model.TokenPrior;
import org.g2d2.core.model.WindowedPrior;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerResult;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * Measures the sampler against its floor: the same engine work in a bare loop — N prior passes
 * and N·M decoder forward+backward passes on the same shapes — so that what the sampler adds
 * (relaxation, optimiser, bookkeeping) shows as the ratio between the two.
 */
public final class SamplerBenchmark {

    /**
     * The median timings of one configuration, in milliseconds; {@code cpu} is the process's CPU time
     * during a restore, which a busy machine inflates less than the wall time.
     */
    public record Timing(double total, double prior, double guidance, double optimiser, double sampling,
                         double frames, double floor, double floorPrior, double floorDecoder, double cpu) {
        /** Sampler time without frame decoding over the floor. */
        public double ratio() {
            return (total - frames) / floor;
        }
    }

    private final ModelPack pack;
    private final Restorer restorer;

    public SamplerBenchmark(ModelPack pack) {
        this.pack = pack;
        this.restorer = new Restorer(pack);
    }

    /**
     * Runs {@code repeats} restorations (after one warm-up) and as many floor loops, and returns
     * the medians. {@code progress} hears the number of runs done.
     */
    public Timing measure(Image truth, OperatorSpec op, double noise, SamplerSettings settings, boolean previews,
                          boolean warmUp, int repeats, IntConsumer progress) {
        SamplerListener listener = new SamplerListener() {
            @Override
            public void onFrame(Frame frame) {
            }

            @Override
            public boolean wantsPreviews() {
                return previews;
            }
        };
        Restorer.Request request = new Restorer.Request(truth, Restorer.Mode.SIMULATE, op, noise, settings);
        TokenLayout layout = restorer.layout(truth.height(), truth.width());
        if (warmUp) {
            restorer.restore(request, listener, () -> false);
            floor(settings.steps(), settings.iterations(), layout);
        }
        double[][] runs = new double[repeats][];
        for (int r = 0; r < repeats; r++) {
            long cpu0 = processCpuNanos();
            SamplerResult.Timings t = restorer.restore(request, listener, () -> false).sampler().timings();
            long cpu = processCpuNanos() - cpu0;
            double[] f = floor(settings.steps(), settings.iterations(), layout);
            runs[r] = new double[] {t.total() / 1e6, t.prior() / 1e6, t.guidance() / 1e6, t.optimiser() / 1e6,
                t.sampling() / 1e6, t.frames() / 1e6, f[0], f[1], f[2], cpu / 1e6};
            progress.accept(r + 1);
        }
        return new Timing(median(runs, 0), median(runs, 1), median(runs, 2), median(runs, 3), median(runs, 4),
                median(runs, 5), median(runs, 6), median(runs, 7), median(runs, 8), median(runs, 9));
    }

    /**
     * N prior passes (over the layout's windows) and N·M decoder forward+backward passes (over its
     * whole grid): {total, prior, decoder} in ms.
     */
    double[] floor(int steps, int iterations, TokenLayout layout) {
        TokenGrid grid = layout.grid();
        TokenPrior windowed = new WindowedPrior(pack.models().prior(), layout.windows(), grid.codebookSize());
        SplittableRandom rng = new SplittableRandom(1);
        int[] state = new int[grid.length()];
        float[] embedding = new float[grid.embeddingDim() * grid.length()];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = (float) rng.nextDouble();
        }
        Shape shape = new Shape(1, grid.embeddingDim(), grid.height(), grid.width());
        long prior = 0;
        long decoder = 0;
        try (NDManager m = pack.manager().newSubManager()) {
            for (int j = 0; j < steps; j++) {
                Arrays.fill(state, grid.maskId());
                for (int n = 0; n < state.length * j / steps; n++) {
                    state[n] = rng.nextInt(grid.codebookSize());
                }
                long a = System.nanoTime();
                try (NDManager step = m.newSubManager()) {
                    windowed.logProbs(step, state, 100 - 100 * j / steps).toFloatArray();
                }
                long b = System.nanoTime();
                prior += b - a;
                for (int i = 0; i < iterations; i++) {
                    try (NDManager it = m.newSubManager()) {
                        NDArray x = it.create(embedding, shape);
                        x.setRequiresGradient(true);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            gc.backward(pack.models().decoder().decode(x).square().sum());
                        }
                        x.getGradient().toFloatArray();
                    }
                }
                decoder += System.nanoTime() - b;
            }
        }
        return new double[] {(prior + decoder) / 1e6, prior / 1e6, decoder / 1e6};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[][] runs, int column) {
        double[] v = new double[runs.length];
        for (int i = 0; i < runs.length; i++) {
            v[i] = runs[i][column];
        }
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Resident and peak resident memory of this process in MiB, from /proc (NaN where unavailable). */
    public static double[] residentMemoryMiB() {
        double rss = Double.NaN;
        double peak = Double.NaN;
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: memory figures stay NaN
        }
        return new double[] {rss, peak};
    }

    private static double kib(String line) {
        return Double.parseDouble(line.replaceAll("[^0-9]", ""));
    }
}
