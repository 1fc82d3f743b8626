package org.g2d2.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.TorchRuntime;
import org.g2d2.core.bench.Soak;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.Json;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackLocator;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.Frame;
import org.g2d2.core.sampler.SamplerListener;
import org.g2d2.core.sampler.SamplerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code soak}: many restores and many cancelled runs in one process, with memory and live arrays sampled. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Run many restorations in one process, then many runs cancelled at a random iteration, "
                + "and print resident memory, heap and live engine arrays as series with their slopes "
                + "(per 100 runs). A leak shows as a positive slope; a run that does not return within "
                + "--timeout fails the soak."})
public final class SoakCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "Model pack folder (default: the bundled pack).")
    Path model;

    @Mixin
    OperatorOptions operator;

    @Mixin
    SamplerOptions sampler;

    @Option(names = "--restores", defaultValue = "200", description = "Complete runs. Default: ${DEFAULT-VALUE}.")
    int restores;

    @Option(names = "--cancels", defaultValue = "1000", description = "Runs cancelled at a random iteration. "
            + "Default: ${DEFAULT-VALUE}.")
    int cancels;

    @Option(names = "--every", description = "Sample after every this many runs (default: about 20 samples per phase).")
    Integer every;

    @Option(names = "--cancel-seed", defaultValue = "1", description = "Seed of the cancel points. "
            + "Default: ${DEFAULT-VALUE}.")
    long cancelSeed;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS", description = "Longest one run may "
            + "take. Default: ${DEFAULT-VALUE}.")
    long timeout;

    @Option(names = "--previews", defaultValue = "true", fallbackValue = "true", negatable = true,
            description = "Decode a preview every step, as the workbench does (--no-previews: none). "
                    + "Default: ${DEFAULT-VALUE}.")
    boolean previews;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the series as JSON here.")
    Path json;

    @Override
    public Integer call() throws java.io.IOException {
        if (restores < 1 || restores > 1_000_000 || cancels < 0 || cancels > 1_000_000) {
            throw new InvalidInputException("--restores must be from 1 to 1000000 and --cancels from 0 to 1000000; "
                    + "found " + restores + " and " + cancels);
        }
        if (every != null && every < 1) {
            throw new InvalidInputException("--every must be at least 1; found " + every);
        }
        if (timeout < 1) {
            throw new InvalidInputException("--timeout must be at least 1 second; found " + timeout);
        }
        PrintWriter out = spec.commandLine().getOut();
        OperatorSpec op = operator.spec();
        Path packDir = model != null ? model : PackLocator.defaultPack();
        try (ModelPack pack = ModelPackLoader.load(packDir, TorchRuntime.device(device))) {
            PackManifest.ImageSpec img = pack.manifest().image();
            List<Image> inputs = new ArrayList<>();
            for (Path p : PackLocator.samples(pack.dir(), pack.manifest())) {
                inputs.add(ImageFiles.load(p, img.channels(), img.height(), img.width()));
            }
            if (inputs.isEmpty()) {
                throw new InvalidInputException("pack " + pack.id() + " has no sample images to soak with");
            }
            SamplerSettings settings = sampler.resolve(pack.manifest(), op);
            int sampleEvery = every != null ? every : Math.max(1, Math.max(restores, cancels) / 20);
            out.printf(Locale.ROOT, "soak %s on %s, %s, %s, %d restores, %d cancels, %d input images, previews %s%n",
                    pack.id(), TorchRuntime.describe(pack.manager().getDevice()), op.describe(), settings.summary(),
                    restores, cancels, inputs.size(), previews ? "on" : "off");
            out.flush();
            SamplerListener listener = new SamplerListener() {
                @Override
                public void onFrame(Frame frame) {
                }

                @Override
                public boolean wantsPreviews() {
                    return previews;
                }
            };
            Soak soak = new Soak(pack);
            List<Soak.Series> series;
            try {
                series = soak.run(new Soak.Settings(restores, cancels, sampleEvery, cancelSeed, timeout),
                        i -> new Restorer.Request(inputs.get(i % inputs.size()), Restorer.Mode.SIMULATE, op,
                                operator.noise(), settings),
                        listener, line -> System.err.println(line));
            } catch (Soak.StuckRunException e) {
                out.println("soak: FAILED: " + e.getMessage());
                return 1;
            }
            for (Soak.Series s : series) {
                print(out, s);
            }
            if (json != null) {
                JsonObject doc = new JsonObject();
                doc.addProperty("created", Instant.now().toString());
                doc.addProperty("pack", pack.id());
                doc.addProperty("device", TorchRuntime.describe(pack.manager().getDevice()));
                doc.add("operator", op.toJson());
                doc.addProperty("noise", operator.noise());
                doc.add("settings", settings.toJson());
                doc.addProperty("previews", previews);
                JsonArray phases = new JsonArray();
                series.forEach(s -> phases.add(Json.GSON.toJsonTree(s)));
                doc.add("phases", phases);
                AtomicFiles.writeString(json, Json.GSON.toJson(doc) + "\n");
            }
            Soak.Series r = series.get(0);
            Soak.Series c = series.get(1);
            out.printf(Locale.ROOT, "soak: %d restores, %d cancelled, no stuck run; slopes per 100 runs: RSS %+.2f / "
                            + "%+.2f MiB (median of pairs %+.2f / %+.2f), malloc in use %+.2f / %+.2f MiB, live "
                            + "arrays %+.2f / %+.2f (restores / cancels)%n", r.completed(), c.cancelled(),
                    r.rssSlopePer100(), c.rssSlopePer100(), r.rssMedianSlopePer100(), c.rssMedianSlopePer100(),
                    r.nativeSlopePer100(), c.nativeSlopePer100(), r.arraySlopePer100(), c.arraySlopePer100());
            return 0;
        }
    }

    private static void print(PrintWriter out, Soak.Series s) {
        out.printf(Locale.ROOT, "%s: %d runs (%d completed, %d cancelled) in %.0f s%n", s.phase(), s.runs(),
                s.completed(), s.cancelled(), s.seconds());
        out.printf(Locale.ROOT, "  %8s %10s %10s %12s %12s%n", "runs", "RSS MiB", "heap MiB", "malloc MiB",
                "live arrays");
        for (Soak.Sample p : s.samples()) {
            out.printf(Locale.ROOT, "  %8d %10.1f %10.1f %12.1f %12d%n", p.runs(), p.rssMiB(), p.heapMiB(),
                    p.nativeMiB(), p.liveArrays());
        }
        out.printf(Locale.ROOT, "  slope per 100 runs (after the first sample): RSS %+.3f MiB (median of pairs "
                        + "%+.3f), heap %+.3f MiB, malloc in use %+.3f MiB, live arrays %+.3f%n", s.rssSlopePer100(),
                s.rssMedianSlopePer100(), s.heapSlopePer100(), s.nativeSlopePer100(), s.arraySlopePer100());
    }
}
