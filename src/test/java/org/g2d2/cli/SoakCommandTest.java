package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.Json;
import org.g2d2.core.io.ToyPacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SoakCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsFiniteSeriesForBothPhasesAndCancelsEveryCancelRun() throws Exception {
        Path pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), "soak", "--model", pack.toString(),
                "--steps", "3", "--iterations", "2", "--restores", "3", "--cancels", "5", "--every", "2",
                "--json", dir.resolve("soak.json").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("restores: 3 runs (3 completed, 0 cancelled)")
                .contains("cancels: 5 runs (0 completed, 5 cancelled)")
                .containsPattern("slope per 100 runs \\(after the first sample\\): RSS [+-]\\d+\\.\\d+ MiB \\(median of pairs "
                        + "[+-]\\d");
        JsonObject doc = Json.GSON.fromJson(Files.readString(dir.resolve("soak.json")), JsonObject.class);
        JsonArray phases = doc.getAsJsonArray("phases");
        assertThat(phases).hasSize(2);
        for (JsonElement e : phases) {
            JsonObject phase = e.getAsJsonObject();
            JsonArray samples = phase.getAsJsonArray("samples");
            // after run 1, after every second run and after the last: 1, 2, 3 and 1, 2, 4, 5
            int runs = phase.get("runs").getAsInt();
            assertThat(samples.size()).isEqualTo(runs == 3 ? 3 : 4);
            for (JsonElement s : samples) {
                JsonObject sample = s.getAsJsonObject();
                assertThat(sample.get("rssMiB").getAsDouble()).isFinite().isPositive();
                assertThat(sample.get("heapMiB").getAsDouble()).isFinite().isPositive();
                // glibc here: the allocator's count is there and smaller than the resident size
                assertThat(sample.get("nativeMiB").getAsDouble()).isFinite().isPositive()
                        .isLessThan(sample.get("rssMiB").getAsDouble());
                // the pack's weights at least; the runs' own arrays are closed by then
                assertThat(sample.get("liveArrays").getAsLong()).isPositive();
            }
            assertThat(phase.get("rssSlopePer100").getAsDouble()).isFinite();
            assertThat(phase.get("rssMedianSlopePer100").getAsDouble()).isFinite();
            assertThat(phase.get("arraySlopePer100").getAsDouble()).isFinite();
            long first = samples.get(0).getAsJsonObject().get("liveArrays").getAsLong();
            long last = samples.get(samples.size() - 1).getAsJsonObject().get("liveArrays").getAsLong();
            assertThat(last).as("arrays left behind by the runs").isEqualTo(first);
        }
    }

    @Test
    void refusesOutOfRangeCountsWithOneErrorLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), "soak", "--restores", "0");
        assertThat(code).isEqualTo(CliSupport.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("error: --restores must be from 1").doesNotContain("\n");
    }

    @Test
    void previewsDefaultOnAndNoPreviewsTurnsThemOff() {
        assertThat(parse().previews).isTrue();
        assertThat(parse("--previews").previews).isTrue();
        assertThat(parse("--no-previews").previews).isFalse();
    }

    private static SoakCommand parse(String... args) {
        SoakCommand c = new SoakCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }
}
