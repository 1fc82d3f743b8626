package org.g2d2.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.sampler.SamplerListener;

/**
 * Many restorations in one process, then many runs cancelled at a random iteration, with the
 * process's resident memory and the pack's live arrays sampled along the way: a leak shows as a
 * slope. Each run executes on one worker thread (as in the workbench) and is waited for with a
 * time limit, so a run that never returns is reported instead of hanging the soak.
 */
public final class Soak {

    /**
     * @param restores complete runs
     * @param cancels runs cancelled at an iteration drawn uniformly from all of a run's iterations
     * @param every a sample after every this many runs of a phase
     * @param seed of the cancel points
     * @param timeoutSeconds the longest one run may take before the soak calls it stuck
     */
    public record Settings(int restores, int cancels, int every, long seed, long timeoutSeconds) {
    }

    /**
     * The process after {@code runs} runs of a phase: resident size, the JVM heap in use after a
     * collection, the C allocator's bytes in use ({@link NativeHeap}), and the pack's live arrays.
     */
    public record Sample(int runs, double rssMiB, double heapMiB, double nativeMiB, long liveArrays) {
    }

    /**
     * One phase's series and slopes per 100 runs, fitted over every sample after the first (the
     * first run warms allocator pools and the engine's caches once): least squares, and for the
     * resident size also the median of pairwise slopes (Theil–Sen), which a few transient peaks
     * (a collection or compilation under way when the sample is taken) do not move.
     */
    public record Series(String phase, int runs, int cancelled, int completed, List<Sample> samples,
                         double rssSlopePer100, double rssMedianSlopePer100, double heapSlopePer100,
                         double nativeSlopePer100, double arraySlopePer100, double seconds) {
    }

    /** Thrown when one run does not return within the time limit. */
    public static final class StuckRunException extends RuntimeException {
        StuckRunException(String message) {
            super(message);
        }
    }

    private final ModelPack pack;
    private final Restorer restorer;

    public Soak(ModelPack pack) {
        this.pack = pack;
        this.restorer = new Restorer(pack);
    }

    /**
     * Runs both phases; {@code requests} gives the request of run i (e.g. cycling over samples),
     * {@code progress} hears each sample as it is taken.
     */
    public List<Series> run(Settings settings, java.util.function.IntFunction<Restorer.Request> requests,
                            SamplerListener listener, Consumer<String> progress) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "soak-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Series> out = new ArrayList<>();
            out.add(phase("restores", settings.restores(), settings, requests, listener, worker, progress, null));
            SplittableRandom rng = new SplittableRandom(settings.seed());
            out.add(phase("cancels", settings.cancels(), settings, requests, listener, worker, progress, rng));
            return out;
        } finally {
            worker.shutdownNow();
        }
    }

    private Series phase(String name, int runs, Settings settings, java.util.function.IntFunction<Restorer.Request> requests,
                         SamplerListener listener, ExecutorService worker, Consumer<String> progress,
                         SplittableRandom cancelPoints) {
        List<Sample> samples = new ArrayList<>();
        int cancelled = 0;
        int completed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Restorer.Request request = requests.apply(i);
            BooleanSupplier cancel = () -> false;
            if (cancelPoints != null) {
                int total = request.settings().steps() * request.settings().iterations();
                cancel = cancelAtPoll(1 + cancelPoints.nextInt(total));
            }
            BooleanSupplier stop = cancel;
            Future<?> run = worker.submit(() -> restorer.restore(request, listener, stop));
            try {
                run.get(settings.timeoutSeconds(), TimeUnit.SECONDS);
                completed++;
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new StuckRunException(name + " run " + (i + 1) + " did not return within "
                        + settings.timeoutSeconds() + " s");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof CancellationException)) {
                    throw new IllegalStateException(name + " run " + (i + 1) + " failed: " + e.getCause(), e.getCause());
                }
                cancelled++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("soak interrupted", e);
            }
            if (i == 0 || (i + 1) % settings.every() == 0 || i == runs - 1) {
                Sample s = sample(i + 1);
                samples.add(s);
                progress.accept(String.format(java.util.Locale.ROOT, "%s %d/%d: RSS %.1f MiB, heap %.1f MiB, "
                        + "malloc in use %.1f MiB, live arrays %d", name, i + 1, runs, s.rssMiB(), s.heapMiB(),
                        s.nativeMiB(), s.liveArrays()));
            }
        }
        return series(name, runs, cancelled, completed, samples, (System.nanoTime() - start) / 1e9);
    }

    /** A phase's series with its slopes per 100 runs, fitted over the samples after the first. */
    public static Series series(String phase, int runs, int cancelled, int completed, List<Sample> samples,
                                double seconds) {
        List<Sample> fitted = samples.size() > 2 ? samples.subList(1, samples.size()) : samples;
        return new Series(phase, runs, cancelled, completed, List.copyOf(samples),
                100 * slope(fitted, Sample::rssMiB), 100 * medianSlope(fitted, Sample::rssMiB),
                100 * slope(fitted, Sample::heapMiB), 100 * slope(fitted, Sample::nativeMiB),
                100 * slope(fitted, s -> s.liveArrays()), seconds);
    }

    /** True from the {@code poll}-th question on: the sampler asks once per iteration. */
    static BooleanSupplier cancelAtPoll(int poll) {
        AtomicInteger asked = new AtomicInteger();
        return () -> asked.incrementAndGet() >= poll;
    }

    private Sample sample(int runs) {
        return sample(runs, liveArrays());
    }

    /** The process now, after {@code runs} runs, with {@code liveArrays} as the caller counted them. */
    public static Sample sample(int runs, long liveArrays) {
        // a collection first, so the heap figure is what is reachable rather than what awaits collection
        System.gc();
        Runtime rt = Runtime.getRuntime();
        double heap = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
        return new Sample(runs, SamplerBenchmark.residentMemoryMiB()[0], heap, NativeHeap.inUseMiB(), liveArrays);
    }

    /** Arrays attached anywhere under the pack's manager (its weights included: a constant). */
    public long liveArrays() {
        return pack.manager().getManagedArrays().size();
    }

    /** Median of the slopes between every two samples (Theil–Sen); 0 for fewer than two samples. */
    static double medianSlope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            for (int j = i + 1; j < samples.size(); j++) {
                double dx = samples.get(j).runs() - samples.get(i).runs();
                if (dx != 0) {
                    slopes.add((value.applyAsDouble(samples.get(j)) - value.applyAsDouble(samples.get(i))) / dx);
                }
            }
        }
        if (slopes.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(slopes);
        int n = slopes.size();
        return n % 2 == 1 ? slopes.get(n / 2) : (slopes.get(n / 2 - 1) + slopes.get(n / 2)) / 2;
    }

    /** Least-squares slope of {@code value} against the run count; 0 for fewer than two samples. */
    static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (Sample s : samples) {
            mx += s.runs();
            my += value.applyAsDouble(s);
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (Sample s : samples) {
            double dx = s.runs() - mx;
            sxy += dx * (value.applyAsDouble(s) - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
