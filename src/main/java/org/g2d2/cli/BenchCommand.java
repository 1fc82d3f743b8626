package org.g2d2.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.bench.SamplerBenchmark;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.Json;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackLocator;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.model.TokenLayout;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: the sampler's wall time split by part, against its floor, per thread count. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time restorations with a preset, split by part, against the bare engine work (the floor).")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Model pack folder (default: the bundled pack).")
    Path model;

    @Option(names = "--input", paramLabel = "FILE", description = "Image to restore (default: the pack's first sample).")
    Path input;

    @Mixin
    OperatorOptions operator;

    @Mixin
    SamplerOptions sampler;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs per thread count (medians). "
            + "Default: ${DEFAULT-VALUE}.")
    int repeats;

    @Option(names = "--threads", defaultValue = "1,2", split = ",", description = "Intra-op thread counts to compare. "
            + "Default: ${DEFAULT-VALUE}.")
    List<Integer> threads;

    // picocli flips a negatable option whose default is true unless the fallback says what the bare
    // form means: without it, --previews gave false and --no-previews true
    @Option(names = "--previews", defaultValue = "true", fallbackValue = "true", negatable = true,
            description = "Decode a preview every step, as the workbench does (--no-previews: none). "
                    + "Default: ${DEFAULT-VALUE}.")
    boolean previews;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--warm-up", defaultValue = "true", negatable = true, description = "One untimed restore and "
            + "floor first (skip it for large sizes, where one run costs minutes). Default: ${DEFAULT-VALUE}.")
    boolean warmUp;

    @Option(names = "--size", paramLabel = "WxH", description = "Restore the image cropped and resized to WxH "
            + "(default: the pack's own size), to see how the cost grows with the pixels.")
    String size;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON here.")
    Path json;

    @Option(names = "--reference", paramLabel = "FILE", description = "summary.json of the PyTorch reference's "
            + "benchmark (the peer's run_peer.sh writes it): also print Java's restore and floor as ratios to the "
            + "reference's at the same steps x iterations and threads (pack-size images only).")
    Path reference;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1 || repeats > 100) {
            throw new InvalidInputException("--repeats must be from 1 to 100; found " + repeats);
        }
        for (int t : threads) {
            if (t < 1 || t > 256) {
                throw new InvalidInputException("--threads must list counts from 1 to 256; found " + t);
            }
        }
        ReferenceSummary peer = reference == null ? null : ReferenceSummary.read(reference);
        TorchRuntime.configure(threads.get(0));
        PrintWriter out = spec.commandLine().getOut();
        OperatorSpec op = operator.spec();
        Path packDir = model != null ? model : PackLocator.defaultPack();
        try (ModelPack pack = ModelPackLoader.load(packDir, TorchRuntime.device(device))) {
            PackManifest.ImageSpec img = pack.manifest().image();
            int[] hw = size == null ? new int[] {img.height(), img.width()} : RestoreCommand.parseSize(size, "--size");
            Image truth = ImageFiles.load(input != null ? input : firstSample(pack), img.channels(), hw[0], hw[1]);
            TokenLayout layout = new Restorer(pack).layout(hw[0], hw[1]);
            SamplerSettings settings = sampler.resolve(pack.manifest(), op);
            out.printf(Locale.ROOT, "bench %s on %s, %dx%d (%s tokens, %d prior windows), %s, %s%n", pack.id(),
                    TorchRuntime.describe(pack.manager().getDevice()), hw[1], hw[0], layout.gridText(),
                    layout.windows().count(), op.describe(), settings.summary());
            SamplerBenchmark bench = new SamplerBenchmark(pack);
            JsonArray results = new JsonArray();
            String summary = "";
            for (int t : threads) {
                TorchRuntime.setThreads(t);
                ConsoleProgress progress = new ConsoleProgress(System.err, "threads=" + t);
                SamplerBenchmark.Timing timing = bench.measure(truth, op, operator.noise(), settings, previews,
                        warmUp, repeats, done -> progress.update(done, repeats, ""));
                progress.finish();
                double[] mem = SamplerBenchmark.residentMemoryMiB();
                out.printf(Locale.ROOT, "threads=%d  restore %.0f ms = prior %.0f + guidance %.0f + optimiser %.0f + "
                                + "sampling %.0f + frames %.0f + other %.0f | floor %.0f ms (prior %.0f, decoder "
                                + "fwd+bwd %.0f) | ratio %.2f | CPU %.0f ms | RSS %.0f MiB, peak %.0f MiB%n",
                        t, timing.total(), timing.prior(), timing.guidance(), timing.optimiser(), timing.sampling(),
                        timing.frames(), timing.total() - timing.prior() - timing.guidance() - timing.optimiser()
                                - timing.sampling() - timing.frames(),
                        timing.floor(), timing.floorPrior(), timing.floorDecoder(), timing.ratio(), timing.cpu(), mem[0],
                        mem[1]);
                JsonObject r = Json.GSON.toJsonTree(timing).getAsJsonObject();
                if (peer != null) {
                    r.add("reference", compare(out, peer, settings, t, hw[0] == img.height() && hw[1] == img.width(),
                            timing));
                }
                r.addProperty("threads", t);
                r.addProperty("ratio", timing.ratio());
                r.addProperty("rssMiB", mem[0]);
                r.addProperty("peakRssMiB", mem[1]);
                r.addProperty("heapUsedMiB", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                        / 1048576.0);
                results.add(r);
                summary += String.format(Locale.ROOT, "%s%d thread%s %.2f s (%.2fx floor)", summary.isEmpty() ? "" : "; ",
                        t, t == 1 ? "" : "s", timing.total() / 1000, timing.ratio());
            }
            if (json != null) {
                JsonObject doc = new JsonObject();
                doc.addProperty("created", Instant.now().toString());
                doc.addProperty("pack", pack.id());
                doc.addProperty("device", TorchRuntime.describe(pack.manager().getDevice()));
                doc.addProperty("cpus", Runtime.getRuntime().availableProcessors());
                doc.add("operator", op.toJson());
                doc.addProperty("noise", operator.noise());
                doc.add("settings", settings.toJson());
                doc.addProperty("previews", previews);
                doc.addProperty("width", hw[1]);
                doc.addProperty("height", hw[0]);
                doc.addProperty("tokenGrid", layout.gridText());
                doc.addProperty("priorWindows", layout.windows().count());
                doc.addProperty("repeats", repeats);
                doc.add("results", results);
                AtomicFiles.writeString(json, Json.GSON.toJson(doc) + "\n");
            }
            out.println("bench: " + pack.id() + " " + settings.steps() + "x" + settings.iterations() + ": " + summary);
            return 0;
        }
    }

    /** Prints the ratios to the reference (or why there are none) and returns them for the JSON. */
    private static JsonObject compare(PrintWriter out, ReferenceSummary peer, SamplerSettings settings, int threads,
            boolean packSize, SamplerBenchmark.Timing timing) {
        JsonObject j = new JsonObject();
        java.util.Optional<ReferenceSummary.Timing> ref = packSize
                ? peer.find(settings.steps(), settings.iterations(), threads) : java.util.Optional.empty();
        if (ref.isEmpty()) {
            out.printf(Locale.ROOT, "threads=%d  reference: none in %s for %dx%d at %d thread%s%s%n", threads,
                    peer.file(), settings.steps(), settings.iterations(), threads, threads == 1 ? "" : "s",
                    packSize ? "" : " (it has the pack's image size only)");
            return j;
        }
        ReferenceSummary.Timing r = ref.get();
        // the reference decodes no previews: compare the sampler's time without them
        double restoreRatio = (timing.total() - timing.frames()) / r.restoreMs();
        double floorRatio = timing.floor() / r.floorMs();
        out.printf(Locale.ROOT, "threads=%d  reference (%s, preset %s): restore %.0f ms, floor %.0f ms | Java/reference: "
                + "restore (frames aside) %.2fx, floor %.2fx%n", threads, r.engine(), r.preset(), r.restoreMs(),
                r.floorMs(), restoreRatio, floorRatio);
        j.addProperty("engine", r.engine());
        j.addProperty("preset", r.preset());
        j.addProperty("restoreMs", r.restoreMs());
        j.addProperty("floorMs", r.floorMs());
        j.addProperty("restoreRatio", restoreRatio);
        j.addProperty("floorRatio", floorRatio);
        return j;
    }

    private static Path firstSample(ModelPack pack) {
        List<Path> samples = PackLocator.samples(pack.dir(), pack.manifest());
        if (samples.isEmpty()) {
            throw new InvalidInputException("pack " + pack.id() + " has no sample images; give one with --input");
        }
        return samples.get(0);
    }
}
