package org.g2d2.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Json;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.sampler.SamplerState;
import org.g2d2.core.sampler.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunBundleFormatTest {

    @TempDir
    Path dir;

    private static final SamplerSettings SETTINGS = SamplerSettings.PAPER_BLUR.withStepsAndIterations(4, 2);

    private static RunRecord record() {
        return new RunRecord(RunRecord.FORMAT, "test", "2026-11-29T00:00:00Z", "toy 1", "models/toy", "in.png",
                "simulate", new JsonObject(), 0.05, SETTINGS.toJson(), "cpu", new JsonObject(), new JsonObject(),
                new JsonObject());
    }

    private static Image image(float v) {
        return new Image(1, 2, 2, new float[] {v, -v, v / 2, 0});
    }

    private static SamplerState state(int k) {
        return new SamplerState(k, 4, 7, new int[] {k, 2}, new float[] {-0.5f * k, -1f, -2f, Float.MIN_VALUE},
                new SplitMix64.State(11L * k, 0x9e3779b97f4a7c15L), new SplitMix64.State(-3, 5));
    }

    @Test
    void branchesWithTheirStatesReadBackExactly() throws Exception {
        Path file = dir.resolve("b" + RunBundleFormat.EXTENSION);
        var original = new RunBundleFormat.Branch(-1, 0, SETTINGS, image(0.25f), new JsonObject(),
                List.of(new int[] {1, 2}, new int[] {3, 4}, new int[] {5, 6}, new int[] {7, 8}),
                List.of(state(1), state(2), state(3)));
        var branch = new RunBundleFormat.Branch(0, 2, SETTINGS.withKl(1.5), image(-0.75f), new JsonObject(),
                List.of(new int[] {9, 9}, new int[] {8, 8}), List.of(state(3)));
        RunBundleFormat.write(file, record(), image(1), Map.of("measurement.png", image(0)), List.of(original, branch));

        RunBundleFormat.Contents c = RunBundleFormat.read(file);
        assertThat(c.branches()).hasSize(2);
        assertThat(c.restored().data()).containsExactly(image(0.25f).data());
        RunBundleFormat.Branch b = c.branches().get(1);
        assertThat(b.settings()).isEqualTo(SETTINGS.withKl(1.5));
        assertThat(b.stepTokens().get(1)).containsExactly(8, 8);
        // k up to where the branch was taken is its parent's state, later ones its own
        assertThat(c.stateAt(1, 2).alpha()).containsExactly(state(2).alpha());
        SamplerState own = c.stateAt(1, 3);
        assertThat(own.tokens()).containsExactly(3, 2);
        assertThat(own.draws()).isEqualTo(state(3).draws());
        assertThat(own.gumbel()).isEqualTo(state(3).gumbel());
        assertThatThrownBy(() -> c.stateAt(1, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("from 1 to 3");
        assertThatThrownBy(() -> c.stateAt(2, 1)).hasMessageContaining("branches 0 to 1");
    }

    @Test
    void aBundleFromBeforeBranchingReadsAsOneBranchWithoutStates() throws Exception {
        Path file = dir.resolve("old" + RunBundleFormat.EXTENSION);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("run.json"));
            zip.write(Json.GSON.toJson(record()).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("input.f32"));
            RawImages.write(zip, image(1));
            zip.putNextEntry(new ZipEntry("restored.f32"));
            RawImages.write(zip, image(0.5f));
            zip.closeEntry();
        }
        RunBundleFormat.Contents c = RunBundleFormat.read(file);
        assertThat(c.branches()).hasSize(1);
        assertThat(c.restored().data()).containsExactly(image(0.5f).data());
        assertThat(c.branches().get(0).settings()).isEqualTo(SETTINGS);
        assertThatThrownBy(() -> c.stateAt(0, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no saved sampler state for step 2");
    }

    @Test
    void aDamagedBranchListIsAPlainError() throws Exception {
        String[] lists = {
            "not json",
            "{\"branches\": []}",
            "{\"branches\": [{\"parent\": 0, \"fromStep\": 0}]}",
            "{\"branches\": [{\"parent\": -1, \"fromStep\": 0, \"settings\": {}, \"restoredExact\": \"../x\","
                    + " \"stepTokens\": \"s\"}]}",
            "{\"branches\": [{\"parent\": -1, \"fromStep\": 0, \"settings\": {\"steps\": \"many\"}}]}",
            "{\"branches\": [7]}",
        };
        for (int i = 0; i < lists.length; i++) {
            Path file = dir.resolve("damaged" + i + RunBundleFormat.EXTENSION);
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("run.json"));
                zip.write(Json.GSON.toJson(record()).getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("input.f32"));
                RawImages.write(zip, image(1));
                zip.putNextEntry(new ZipEntry("branches.json"));
                zip.write(lists[i].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            assertThatThrownBy(() -> RunBundleFormat.read(file)).as(lists[i])
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(file.getFileName().toString());
        }
    }
}
