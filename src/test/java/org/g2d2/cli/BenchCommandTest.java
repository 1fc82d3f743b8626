package org.g2d2.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.io.Json;
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
        assertThat(r.get("floor").getAsDouble()).isPositive();
        assertThat(r.get("total").getAsDouble()).isGreaterThan(r.get("guidance").getAsDouble());
        assertThat(r.get("ratio").getAsDouble()).isPositive();
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
