package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.sampler.SamplerSettings;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pack shipped under {@code models/}: its hashes and manifest check out, its networks build,
 * its presets are valid settings, and the interactive preset restores two of its samples better
 * than the blurred measurement y (docs/RESULTS.md: about +4 dB on Fashion-MNIST blur, so 1 dB per
 * image is a margin that only a broken pack or sampler misses).
 */
class ShippedPacksTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyShippedPackLoadsAndRestoresItsSamples() throws Exception {
        List<Path> packs;
        try (Stream<Path> s = Files.list(Path.of("models"))) {
            packs = s.filter(p -> Files.isRegularFile(p.resolve(ModelPackLoader.MANIFEST))).sorted().toList();
        }
        assertThat(packs).extracting(p -> p.getFileName().toString()).contains("fashion-mnist", "toy");
        return packs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path packDir) throws Exception {
        PackManifest m = ModelPackLoader.verify(packDir);
        try (ModelPack pack = ModelPackLoader.load(packDir, Device.cpu())) {
            assertThat(pack.manifest()).isEqualTo(m);
        }
        assertThat(m.presets()).containsKey("interactive");
        m.presets().forEach((name, preset) -> assertThat(SamplerSettings.PAPER_BLUR.overriddenBy(preset).steps())
                .as(name).isLessThanOrEqualTo(m.schedule().trainSteps()));
        assertThat(m.samples()).isNotNull();
        List<Path> samples;
        try (Stream<Path> s = Files.list(packDir.resolve(m.samples()))) {
            samples = s.filter(p -> p.toString().endsWith(".png")).sorted().limit(2).toList();
        }
        assertThat(samples).hasSize(2);
        double gains = 0;
        for (Path sample : samples) {
            Path out = dir.resolve(packDir.getFileName() + "-" + sample.getFileName());
            StringWriter err = new StringWriter();
            int code = G2D2Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "restore", "--model",
                    packDir.toString(), "--input", sample.toString(), "--operator", "blur", "--preset", "interactive",
                    "--seed", "0", "--out", out.toString());
            assertThat(code).as(err.toString()).isZero();
            Path y = out.resolveSibling(out.getFileName().toString().replace(".png", ".measurement.png"));
            double restored = RestoreCommandTest.psnr(sample, out, 1);
            double measured = RestoreCommandTest.psnr(sample, y, 1);
            assertThat(restored).as("%s: restored %.2f dB, y %.2f dB", sample.getFileName(), restored, measured)
                    .isGreaterThan(measured + 1);
            gains += restored - measured;
        }
        assertThat(gains / 2).as("mean gain over y").isGreaterThan(2);
    }
}
