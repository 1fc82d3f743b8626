package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.g2d2.app.FxThread;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.bench.Soak;
import org.junit.jupiter.api.Test;

/**
 * The workbench's view model under soak and cancel stress, headless, as the application drives it:
 * the real tensor thread ({@link Workers#serial}) with results handed to the FX thread. First many
 * complete runs, then many runs each cancelled from the FX thread at a random moment (some at
 * once, before the sampler starts; some after the run already ended), with a second Run refused
 * while one is busy. After the first run and every {@code soak.every} runs: resident size, heap,
 * C allocator bytes in use and the pack's live arrays, printed as series with their slopes. A run
 * that does not reach an end state within {@code soak.timeout} seconds fails the soak with every
 * thread's stack (a deadlock shows there).
 *
 * <p>Not part of {@code mvn test} (its name is no test's): run by the {@code vm-soak} profile,
 * <pre>mvn -P vm-soak test -Dsoak.restores=200 -Dsoak.cancels=1000 -Dsoak.json=/tmp/vm-soak.json</pre>
 * Other properties: soak.pack (default models/fashion-mnist), soak.steps, soak.iterations (5, 4),
 * soak.every (about 20 samples a phase), soak.seed (1), soak.timeout (300).
 */
class WorkbenchSoak {

    private final int restores = Integer.getInteger("soak.restores", 20);
    private final int cancels = Integer.getInteger("soak.cancels", 100);
    private final String packDir = System.getProperty("soak.pack", "models/fashion-mnist");
    private final int steps = Integer.getInteger("soak.steps", 5);
    private final int iterations = Integer.getInteger("soak.iterations", 4);
    private final int every = Integer.getInteger("soak.every", Math.max(1, Math.max(restores, cancels) / 20));
    private final long seed = Long.getLong("soak.seed", 1);
    private final long timeout = Long.getLong("soak.timeout", 300);
    private final String json = System.getProperty("soak.json");

    private final BlockingQueue<RunState> ends = new LinkedBlockingQueue<>();
    /** Each complete run's time from Run to its end as the view model saw it. */
    private final List<Double> restoreSeconds = new ArrayList<>();
    private WorkbenchModel vm;

    @Test
    void soak() throws Exception {
        TorchRuntime.configure(1);
        vm = FxThread.call(() -> new WorkbenchModel(Workers.serial(Platform::runLater)));
        FxThread.run(() -> vm.loadPack(Path.of(packDir)));
        awaitPack();
        FxThread.run(() -> {
            vm.form().text(SamplerField.STEPS).set(Integer.toString(steps));
            vm.form().text(SamplerField.ITERATIONS).set(Integer.toString(iterations));
            vm.runModel().stateProperty().addListener((o, was, now) -> {
                if (!now.busy() && now != RunState.IDLE) {
                    ends.add(now);
                }
            });
        });
        List<GalleryItem> gallery = FxThread.call(() -> List.copyOf(vm.session().gallery()));
        System.out.printf(Locale.ROOT, "workbench soak: %s, %s, %s; %d restores, %d cancels, %d sample images%n",
                packDir, FxThread.call(() -> vm.degradation().spec().describe()),
                FxThread.call(() -> vm.form().settings().summary()), restores, cancels, gallery.size());

        List<Soak.Series> series = new ArrayList<>();
        series.add(restores(gallery));
        series.add(cancels(gallery, median(restoreSeconds)));
        for (Soak.Series s : series) {
            print(s);
        }
        if (json != null) {
            write(series);
        }
        Soak.Series r = series.get(0);
        Soak.Series c = series.get(1);
        System.out.printf(Locale.ROOT, "workbench soak: %d restores, %d cancelled (%d ended before the cancel "
                        + "arrived), no stuck run; slopes per 100 runs: RSS %+.2f / %+.2f MiB (median of pairs %+.2f / "
                        + "%+.2f), malloc in use %+.2f / %+.2f MiB, live arrays %+.2f / %+.2f (restores / cancels)%n",
                r.completed(), c.cancelled(), c.completed(), r.rssSlopePer100(), c.rssSlopePer100(),
                r.rssMedianSlopePer100(), c.rssMedianSlopePer100(), r.nativeSlopePer100(), c.nativeSlopePer100(),
                r.arraySlopePer100(), c.arraySlopePer100());
        FxThread.run(() -> vm.session().packProperty().get().close());

        assertThat(r.completed()).as("complete runs").isEqualTo(restores);
        assertThat(c.cancelled() + c.completed()).as("cancel runs that ended").isEqualTo(cancels);
        // every run's arrays are closed with it: the count after the last run is the count after the first
        long first = r.samples().get(0).liveArrays();
        assertThat(c.samples()).allSatisfy(s -> assertThat(s.liveArrays()).isEqualTo(first));
    }

    private Soak.Series restores(List<GalleryItem> gallery) throws Exception {
        List<Soak.Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < restores; i++) {
            GalleryItem item = gallery.get(i % gallery.size());
            FxThread.run(() -> vm.preview().useSample(item));
            long begun = System.nanoTime();
            FxThread.run(() -> assertThat(vm.run()).as("Run with nothing running").isTrue());
            RunState end = awaitEnd("restore " + (i + 1));
            restoreSeconds.add((System.nanoTime() - begun) / 1e9);
            assertThat(end).as("restore " + (i + 1) + ": " + failure()).isEqualTo(RunState.SUCCEEDED);
            sampleIfDue("restores", i, restores, samples);
        }
        return Soak.series("restores", restores, 0, restores, samples, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Runs cancelled after a delay drawn uniformly from [0, 1.2 × the median restore time] (so a
     * few end first), one in ten cancelled in the same FX event that started it.
     */
    private Soak.Series cancels(List<GalleryItem> gallery, double medianSeconds) throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Soak.Sample> samples = new ArrayList<>();
        Map<Integer, Integer> framesAtCancel = new TreeMap<>();
        int cancelled = 0;
        int completed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < cancels; i++) {
            GalleryItem item = gallery.get(i % gallery.size());
            boolean atOnce = rng.nextInt(10) == 0;
            long delayNanos = (long) (rng.nextDouble() * 1.2 * medianSeconds * 1e9);
            FxThread.run(() -> vm.preview().useSample(item));
            FxThread.run(() -> {
                assertThat(vm.run()).as("Run with nothing running").isTrue();
                if (atOnce) {
                    vm.cancel();
                }
            });
            if (!atOnce) {
                TimeUnit.NANOSECONDS.sleep(delayNanos);
                FxThread.run(() -> {
                    vm.cancel();
                    if (vm.runModel().state().busy()) {
                        assertThat(vm.run()).as("a second Run while one is busy").isFalse();
                        vm.messages().errorProperty().set(null);
                    }
                });
            }
            RunState end = awaitEnd("cancelled run " + (i + 1));
            assertThat(end).as("cancelled run " + (i + 1) + ": " + failure()).isIn(RunState.CANCELLED, RunState.SUCCEEDED);
            if (end == RunState.CANCELLED) {
                cancelled++;
                framesAtCancel.merge(FxThread.call(() -> vm.runModel().frames().size()), 1, Integer::sum);
            } else {
                completed++;
            }
            sampleIfDue("cancels", i, cancels, samples);
        }
        System.out.printf(Locale.ROOT, "cancels: delays up to %.3f s (1.2 x the median restore); steps shown when "
                + "the cancel took effect -> runs: %s%n", 1.2 * medianSeconds, framesAtCancel);
        return Soak.series("cancels", cancels, cancelled, completed, samples, (System.nanoTime() - start) / 1e9);
    }

    private String failure() throws Exception {
        ErrorReport e = FxThread.call(() -> vm.runModel().errorProperty().get());
        return e == null ? "no error" : e.toString();
    }

    private void sampleIfDue(String phase, int i, int runs, List<Soak.Sample> samples) {
        if (i == 0 || (i + 1) % every == 0 || i == runs - 1) {
            // between runs: the tensor thread is idle, so the count is what outlives a run
            long arrays = vm.session().packProperty().get().pack().manager().getManagedArrays().size();
            Soak.Sample s = Soak.sample(i + 1, arrays);
            samples.add(s);
            System.err.printf(Locale.ROOT, "%s %d/%d: RSS %.1f MiB, heap %.1f MiB, malloc in use %.1f MiB, "
                    + "live arrays %d%n", phase, i + 1, runs, s.rssMiB(), s.heapMiB(), s.nativeMiB(), s.liveArrays());
        }
    }

    private RunState awaitEnd(String what) throws InterruptedException {
        RunState end = ends.poll(timeout, TimeUnit.SECONDS);
        if (end == null) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                dump.append('\n').append(t.getName()).append(" (").append(t.getState()).append(")");
                for (StackTraceElement e : stack) {
                    dump.append("\n    at ").append(e);
                }
            });
            throw new AssertionError(what + " did not end within " + timeout + " s; threads:" + dump);
        }
        return end;
    }

    private void awaitPack() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        while (FxThread.call(() -> vm.session().packProperty().get() == null || vm.session().loadingProperty().get())) {
            ErrorReport e = FxThread.call(() -> vm.messages().errorProperty().get());
            if (e != null || System.nanoTime() > deadline) {
                throw new AssertionError("the pack " + packDir + " did not load within " + timeout + " s: " + e);
            }
            Thread.sleep(50);
        }
        assertThat(FxThread.call(() -> vm.session().gallery().size())).as("sample images").isPositive();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void print(Soak.Series s) {
        System.out.printf(Locale.ROOT, "%s: %d runs (%d completed, %d cancelled) in %.0f s%n", s.phase(), s.runs(),
                s.completed(), s.cancelled(), s.seconds());
        System.out.printf(Locale.ROOT, "  %8s %10s %10s %12s %12s%n", "runs", "RSS MiB", "heap MiB", "malloc MiB",
                "live arrays");
        for (Soak.Sample p : s.samples()) {
            System.out.printf(Locale.ROOT, "  %8d %10.1f %10.1f %12.1f %12d%n", p.runs(), p.rssMiB(), p.heapMiB(),
                    p.nativeMiB(), p.liveArrays());
        }
        System.out.printf(Locale.ROOT, "  slope per 100 runs (after the first sample): RSS %+.3f MiB (median of pairs "
                        + "%+.3f), heap %+.3f MiB, malloc in use %+.3f MiB, live arrays %+.3f%n", s.rssSlopePer100(),
                s.rssMedianSlopePer100(), s.heapSlopePer100(), s.nativeSlopePer100(), s.arraySlopePer100());
    }

    private void write(List<Soak.Series> series) throws IOException {
        JsonObject doc = new JsonObject();
        doc.addProperty("created", Instant.now().toString());
        doc.addProperty("what", "workbench view model soak (WorkbenchSoak)");
        doc.addProperty("pack", packDir);
        doc.addProperty("steps", steps);
        doc.addProperty("iterations", iterations);
        doc.addProperty("seed", seed);
        JsonArray phases = new JsonArray();
        series.forEach(s -> phases.add(Json.GSON.toJsonTree(s)));
        doc.add("phases", phases);
        AtomicFiles.writeString(Path.of(json), Json.GSON.toJson(doc) + "\n");
    }
}
