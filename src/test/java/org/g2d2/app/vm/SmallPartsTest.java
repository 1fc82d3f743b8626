package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.g2d2.app.files.SettingsFile;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.sampler.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small pieces around a run: frame hand-over, device fallback, error reports, settings file. */
class SmallPartsTest {

    @TempDir
    Path dir;

    private static Frame frame(int index) {
        return new Frame(index, 10, 100 - index, 99 - index, null, null, new int[] {4}, new int[] {4}, 4, 0, 0, 0,
                new float[] {1f}, new float[] {0f}, 1, 1, index * 1_000_000L);
    }

    @Test
    void framesAreHandedOverInBatchesWithAtMostOneHandOverPending() {
        List<Runnable> uiQueue = new ArrayList<>();
        List<List<Frame>> delivered = new ArrayList<>();
        FrameRelay relay = new FrameRelay(uiQueue::add, delivered::add);
        relay.onFrame(frame(0));
        relay.onFrame(frame(1));
        relay.onFrame(frame(2));
        assertThat(uiQueue).hasSize(1);
        uiQueue.remove(0).run();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).extracting(Frame::index).containsExactly(0, 1, 2);
        relay.onFrame(frame(3));
        assertThat(uiQueue).hasSize(1);
        uiQueue.remove(0).run();
        assertThat(delivered.get(1)).extracting(Frame::index).containsExactly(3);
    }

    @Test
    void outOfMemoryOnTheGpuFallsBackToTheCpuWithANotice() throws Exception {
        List<String> notices = new ArrayList<>();
        AtomicInteger cpuRuns = new AtomicInteger();
        String r = DeviceFallback.run(true, () -> {
            throw new RuntimeException("CUDA out of memory. Tried to allocate 2.00 GiB");
        }, () -> "cpu-" + cpuRuns.incrementAndGet(), notices::add);
        assertThat(r).isEqualTo("cpu-1");
        assertThat(notices).singleElement().asString().contains("continues on the CPU");

        // on the CPU already, or another error: no second try
        assertThatThrownBy(() -> DeviceFallback.run(false, () -> {
            throw new OutOfMemoryError("Java heap space");
        }, () -> "never", notices::add)).isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> DeviceFallback.run(true, () -> {
            throw new IllegalStateException("shape mismatch");
        }, () -> "never", notices::add)).hasMessage("shape mismatch");
        assertThat(cpuRuns.get()).isEqualTo(1);
    }

    @Test
    void userErrorsArePlainMessagesAndBugsCarryTheirStackTrace() {
        ErrorReport user = ErrorReport.of("Open", new RuntimeException("wrapped",
                new InvalidInputException("image 'x.png' is not readable")));
        assertThat(user.message()).isEqualTo("image 'x.png' is not readable");
        assertThat(user.hasDetails()).isFalse();
        ErrorReport bug = ErrorReport.of("Run", new IllegalStateException("index 9 out of bounds\nsecond line"));
        assertThat(bug.message()).isEqualTo("index 9 out of bounds");
        assertThat(bug.details()).contains("IllegalStateException").contains("SmallPartsTest");
    }

    @Test
    void settingsSurviveARoundTripAndADamagedFileMeansDefaults() throws Exception {
        SettingsFile file = new SettingsFile(dir.resolve("g2d2/workbench.json"));
        assertThat(file.load().size()).isZero();
        var o = new com.google.gson.JsonObject();
        o.addProperty("theme", "dark");
        file.save(o);
        assertThat(file.load().get("theme").getAsString()).isEqualTo("dark");
        Files.writeString(file.file(), "{ not json");
        assertThat(file.load().size()).isZero();
    }

    @Test
    void progressSaysStepElapsedAndEta() {
        Frame f = new Frame(4, 10, 60, 50, null, null, new int[] {1}, new int[] {1}, 4, 0, 0, 0, new float[0],
                new float[0], 1, 1, 2_000_000_000L);
        assertThat(RunModel.describeProgress(f)).isEqualTo("Step 5/10 \u00b7 2.0 s elapsed \u00b7 ETA 2.0 s");
        assertThat(org.g2d2.core.Durations.ofMillis(75_000)).isEqualTo("1:15 min");
        assertThat(org.g2d2.core.Durations.of(42.4)).isEqualTo("42 s");
        assertThat(org.g2d2.core.Durations.of(2 * 3600 + 3 * 60 + 7)).isEqualTo("2:03:07 h");
        assertThat(org.g2d2.core.Durations.of(Double.NaN)).isEqualTo("--");
    }

    @Test
    void aFramesLineCountsTheTokensStillMaskedAfterTheStep() {
        // mask id 4; after the step two of five positions are masked (before: three)
        Frame f = new Frame(1, 10, 90, 80, null, null, new int[] {4, 4, 4, 1, 2}, new int[] {4, 3, 4, 1, 0}, 4, 1, 0, 1,
                new float[0], new float[0], 3e-4, 15, 1);
        assertThat(LiveModel.describe(f)).isEqualTo(
                "t 90 \u2192 80   masked 2   committed 1   re-masked 0   changed 1   \u03bb 0.00030   lr 15.0");
    }
}
