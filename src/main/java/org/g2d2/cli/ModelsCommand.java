package org.g2d2.cli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Json;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackManifest;
import org.g2d2.train.QualityEval;
import org.g2d2.train.data.FashionMnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models check|quality}: verify a model pack, or measure its quality bars on the test split. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect and measure model packs.",
        subcommands = {ModelsCommand.Check.class, ModelsCommand.Quality.class})
public final class ModelsCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Verify the weight hashes, load the pack and print its metrics.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", description = "the pack folder")
        Path dir;

        @Override
        public Integer call() {
            try (ModelPack pack = ModelPackLoader.load(dir, Device.cpu())) {
                PackManifest m = pack.manifest();
                System.out.println(m.name() + " " + m.version() + " (" + m.architectureType() + "): "
                        + m.weights().size() + " weight files, hashes OK, networks built");
                System.out.println("image " + m.image().height() + "x" + m.image().width() + "x" + m.image().channels()
                        + ", tokens " + m.tokens().height() + "x" + m.tokens().width() + " K=" + m.tokens().codebookSize()
                        + ", schedule " + m.schedule().type() + " T=" + m.schedule().trainSteps());
                System.out.println("presets " + m.presets().keySet());
                System.out.println("metrics " + Json.GSON.toJson(m.metrics()));
            }
            return 0;
        }
    }

    @Command(name = "quality", mixinStandardHelpOptions = true,
            description = "Measure reconstruction PSNR, classifier accuracy and unconditional samples on the test split.")
    static final class Quality implements Callable<Integer> {
        @Parameters(index = "0", description = "the pack folder")
        Path dir;
        @Option(names = "--data", required = true, description = "folder with the Fashion-MNIST .gz files")
        Path data;
        @Option(names = "--samples", defaultValue = "1000")
        int samples;
        @Option(names = "--steps", defaultValue = "100")
        int steps;
        @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE})")
        String device;
        @Option(names = "--process", defaultValue = "star,markov", split = ",",
                description = "noise processes of the unconditional samples, each measured: star, markov "
                        + "(default ${DEFAULT-VALUE}; the grid shows the first)")
        java.util.List<String> process;
        @Option(names = "--seed", defaultValue = "0")
        long seed;
        @Option(names = "--limit", defaultValue = "0", description = "use only the first N test images (quick checks)")
        int limit;
        @Option(names = "--grid", description = "write the first 64 samples as an 8x8 PNG grid here")
        Path grid;
        @Option(names = "--write-metrics", description = "store the figures in the pack's model.json")
        boolean writeMetrics;

        @Override
        public Integer call() throws IOException {
            FashionMnist test = FashionMnist.load(data, "t10k");
            if (limit > 0) {
                test = test.head(limit);
            }
            JsonObject metrics;
            try (ModelPack pack = ModelPackLoader.load(dir, org.g2d2.core.TorchRuntime.device(device))) {
                metrics = QualityEval.measure(pack, test, samples, steps, process, seed, grid, System.out);
            }
            if (writeMetrics) {
                // Only model.json changes; the weight files and their hashes stay as they are.
                Path file = dir.resolve(ModelPackLoader.MANIFEST);
                PackManifest m = ModelPackLoader.readManifest(dir);
                PackManifest updated = new PackManifest(m.format(), m.name(), m.version(), m.description(), m.image(),
                        m.tokens(), m.schedule(), m.architecture(), m.weights(), m.training(), metrics, m.presets(),
                        m.samples());
                AtomicFiles.writeString(file, Json.GSON.toJson(updated) + "\n");
                System.out.println("metrics written to " + file);
            }
            return 0;
        }
    }
}
