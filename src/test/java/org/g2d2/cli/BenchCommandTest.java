package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsPartsFloorAndRatioAsJsonWithASummaryLineLast() throws Exception {
        Path pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--model", pack.toString(),
                "--steps", "3", "--iterations", "2", "--repeats", "1", "--threads", "1",
                "--json", dir.resolve("bench.json").toString());
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("bench: toy 1 3x2: 1 thread");
        JsonObject doc = Json.GSON.fromJson(Files.readString(dir.resolve("bench.json")), JsonObject.class);
        JsonObject r = doc.getAsJsonArray("results").get(0).getAsJsonObject();
        assertThat(r.get("threads").getAsInt()).isEqualTo(1);
        double total = r.get("total").getAsDouble();
        double parts = 0;
        for (String part : new String[] {"prior", "guidance", "optimiser", "sampling", "frames"}) {
            double ms = r.get(part).getAsDouble();
            assertThat(ms).as(part).isPositive().isLessThan(total);
            parts += ms;
        }
        assertThat(parts).isLessThanOrEqualTo(total);
        // the floor is the prior's and the decoder's bare work, the ratio the sampler's time (frames aside) over it
        double floor = r.get("floor").getAsDouble();
        assertThat(floor).isGreaterThanOrEqualTo(r.get("floorPrior").getAsDouble())
                .isGreaterThanOrEqualTo(r.get("floorDecoder").getAsDouble());
        assertThat(r.get("floorPrior").getAsDouble()).isPositive();
        assertThat(r.get("floorDecoder").getAsDouble()).isPositive();
        double ratio = (total - r.get("frames").getAsDouble()) / floor;
        assertThat(r.get("ratio").getAsDouble()).isCloseTo(ratio, org.assertj.core.api.Assertions.within(1e-9 * ratio));
        assertThat(lines[lines.length - 1]).contains(String.format(java.util.Locale.ROOT, "(%.2fx floor)", ratio));
        assertThat(doc.getAsJsonObject("settings").get("steps").getAsInt()).isEqualTo(3);
        assertThat(doc.getAsJsonObject("settings").get("iterations").getAsInt()).isEqualTo(2);
    }

    @Test
    void referenceSummaryGivesRatiosAtMatchingStepsAndThreadsOnly() throws Exception {
        Path pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        // two rounds at 1 thread (median of 40 and 60 ms restore, 20 and 30 ms floor) and another preset
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, """
                {"presets": {
                  "other": {"warm1": [{"python": {"settings": {"steps": 9, "iterations": 9}, "torch": "1.13.1",
                      "medianMs": {"total": 1}, "floorMs": {"total": 1}}}]},
                  "tiny": {"warm1": [
                      {"python": {"settings": {"steps": 3, "iterations": 2}, "torch": "1.13.1",
                       "medianMs": {"total": 40.0}, "floorMs": {"total": 20.0}}},
                      {"python": {"settings": {"steps": 3, "iterations": 2}, "torch": "1.13.1",
                       "medianMs": {"total": 60.0}, "floorMs": {"total": 30.0}}}]}}}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--model", pack.toString(),
                "--steps", "3", "--iterations", "2", "--repeats", "1", "--threads", "1,2", "--no-warm-up",
                "--reference", summary.toString(), "--json", dir.resolve("bench.json").toString());
        assertThat(code).as(err.toString()).isZero();
        JsonObject doc = Json.GSON.fromJson(Files.readString(dir.resolve("bench.json")), JsonObject.class);
        JsonObject one = doc.getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject ref = one.getAsJsonObject("reference");
        assertThat(ref.get("preset").getAsString()).isEqualTo("tiny");
        assertThat(ref.get("restoreMs").getAsDouble()).isEqualTo(50.0);
        assertThat(ref.get("floorMs").getAsDouble()).isEqualTo(25.0);
        double restoreRatio = (one.get("total").getAsDouble() - one.get("frames").getAsDouble()) / 50.0;
        assertThat(ref.get("restoreRatio").getAsDouble()).isCloseTo(restoreRatio,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(ref.get("floorRatio").getAsDouble()).isCloseTo(one.get("floor").getAsDouble() / 25.0,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(out.toString()).contains(String.format(java.util.Locale.ROOT,
                "reference (PyTorch 1.13.1, preset tiny): restore 50 ms, floor 25 ms | Java/reference: "
                        + "restore (frames aside) %.2fx", restoreRatio));
        // the summary has no 2-thread round: said, not guessed
        assertThat(doc.getAsJsonArray("results").get(1).getAsJsonObject().getAsJsonObject("reference").size()).isZero();
        assertThat(out.toString()).contains("threads=2  reference: none in " + summary + " for 3x2 at 2 threads");
    }

    @Test
    void aReferenceThatIsNotAPeerSummaryIsAUserError() throws Exception {
        Path pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        Path summary = Files.writeString(dir.resolve("summary.json"), "{\"runs\": []}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = G2D2Cli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--model", pack.toString(),
                "--steps", "3", "--iterations", "2", "--repeats", "1", "--threads", "1", "--reference",
                summary.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: --reference " + summary
                + " is not a peer benchmark summary.json: it has no \"presets\" object");
    }

    @Test
    void noPreviewsTurnsPreviewsOffAndTheJsonSaysSo() throws Exception {
        Path pack = dir.resolve("toy");
        ToyPacks.write(pack, ToyPacks.Spec.standard());
        StringWriter err = new StringWriter();
        int code = G2D2Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "bench", "--model",
                pack.toString(), "--steps", "2", "--iterations", "1", "--repeats", "1", "--threads", "1",
                "--no-previews", "--json", dir.resolve("bench.json").toString());
        assertThat(code).as(err.toString()).isZero();
        JsonObject doc = Json.GSON.fromJson(Files.readString(dir.resolve("bench.json")), JsonObject.class);
        assertThat(doc.get("previews").getAsBoolean()).isFalse();
    }

    @Test
    void previewsFlagParsesEachWay() {
        assertThat(parse().previews).as("default").isTrue();
        assertThat(parse("--previews").previews).isTrue();
        assertThat(parse("--no-previews").previews).isFalse();
    }

    private static BenchCommand parse(String... args) {
        BenchCommand c = new BenchCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }
}
