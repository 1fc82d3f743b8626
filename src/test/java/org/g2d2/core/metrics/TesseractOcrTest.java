package org.g2d2.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.g2d2.core.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tesseract adapter against a stand-in command (a shell script that keeps the page it was
 * given and answers as Tesseract would), so the adapter's own work is checked without Tesseract:
 * the page it writes, the arguments, the text it returns, failures, time limit and clean-up.
 */
class TesseractOcrTest {

    @TempDir
    Path dir;

    /** A fake tesseract: copies its input page and arguments next to itself, then runs {@code body}. */
    private String fake(String body) throws IOException {
        Path script = dir.resolve("fake-tesseract");
        Files.writeString(script, "#!/bin/sh\ncp \"$1\" '" + dir.resolve("seen.png") + "'\n"
                + "echo \"$@\" > '" + dir.resolve("args.txt") + "'\n" + body + "\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script.toString();
    }

    /** A 3×2 grey image: black, white and mid-grey pixels on [−1, 1]. */
    private static Image page() {
        return new Image(1, 2, 3, new float[] {-1, 1, 0, 1, -1, 1});
    }

    @Test
    void readsWhatTheCommandWritesFromAnEnlargedGreyPageAndCleansUp() throws Exception {
        String cmd = fake("printf '  HELLO\\n  world \\n\\n' > \"$2.txt\"");
        String text = new TesseractOcr(cmd, 7, 3, Duration.ofSeconds(30)).read(page());
        assertThat(text).isEqualTo("HELLO\n  world");

        BufferedImage seen = ImageIO.read(dir.resolve("seen.png").toFile());
        assertThat(seen.getWidth()).isEqualTo(9);
        assertThat(seen.getHeight()).isEqualTo(6);
        assertThat(seen.getRaster().getSample(0, 0, 0)).isLessThan(40);       // black stays dark
        assertThat(seen.getRaster().getSample(4, 1, 0)).isGreaterThan(215);   // white stays light
        String[] args = Files.readString(dir.resolve("args.txt")).strip().split(" ");
        assertThat(List.of(args).subList(2, args.length)).containsExactly("-l", "eng", "--psm", "7", "--dpi", "300");
        // the temporary folder with the page and the text is gone
        assertThat(Path.of(args[0]).getParent()).doesNotExist();
    }

    @Test
    void withoutEnlargementThePageIsTheImageExactly() throws Exception {
        String cmd = fake("echo X > \"$2.txt\"");
        assertThat(new TesseractOcr(cmd, 6, 1, Duration.ofSeconds(30)).read(page())).isEqualTo("X");
        BufferedImage seen = ImageIO.read(dir.resolve("seen.png").toFile());
        assertThat(seen.getWidth()).isEqualTo(3);
        assertThat(seen.getHeight()).isEqualTo(2);
        int[] grey = seen.getRaster().getPixels(0, 0, 3, 2, (int[]) null);
        assertThat(grey).containsExactly(0, 255, 128, 255, 0, 255);
    }

    @Test
    void aFailingCommandIsReportedWithItsExitCodeAndOutputAndLeavesNoFolder() throws Exception {
        String cmd = fake("echo 'Error opening data file eng.traineddata' >&2\nexit 3");
        assertThatThrownBy(() -> new TesseractOcr(cmd, 6, 2, Duration.ofSeconds(30)).read(page()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tesseract failed (exit 3): Error opening data file eng.traineddata");
        String[] args = Files.readString(dir.resolve("args.txt")).strip().split(" ");
        assertThat(Path.of(args[0]).getParent()).doesNotExist();
    }

    @Test
    void aCommandThatHangsIsStoppedAtTheTimeout() throws Exception {
        String cmd = fake("sleep 20");
        long start = System.nanoTime();
        assertThatThrownBy(() -> new TesseractOcr(cmd, 6, 2, Duration.ofMillis(300)).read(page()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tesseract took longer than PT0.3S on a 3x2 image");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(15);
    }

    @Test
    void aMissingCommandSaysWhatToInstall() {
        String cmd = dir.resolve("no-such-tesseract").toString();
        assertThatThrownBy(() -> new TesseractOcr(cmd, 6, 2, Duration.ofSeconds(5)).read(page()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("tesseract-ocr-eng");
    }

    @Test
    void colourImagesAndOutOfRangeSettingsAreRefused() {
        TesseractOcr ocr = new TesseractOcr("tesseract", 6, 2, Duration.ofSeconds(5));
        assertThatThrownBy(() -> ocr.read(new Image(3, 1, 1, new float[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 3 channels");
        assertThatThrownBy(() -> new TesseractOcr("t", 14, 2, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TesseractOcr("t", 6, 9, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TesseractOcr("t", 6, 2, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnglishReaderReadsThroughTheInstalledCommandWhenThereIsOne() throws Exception {
        boolean onPath = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "tesseract")));
        assertThat(TesseractOcr.available()).isEqualTo(onPath);
        TesseractOcr english = TesseractOcr.english();
        assertThat(english.command()).isEqualTo("tesseract");
        if (onPath) {
            // a blank page reads as no text
            assertThat(english.read(new Image(1, 16, 16, filled(256, 1f)))).isEmpty();
        }
    }

    @Test
    void theCharacterErrorRateOfAReaderIsThatOfWhatItRead() throws Exception {
        String cmd = fake("echo 'HELL0' > \"$2.txt\"");
        assertThat(CharacterErrorRate.of(new TesseractOcr(cmd, 6, 1, Duration.ofSeconds(30)), page(), "HELLO"))
                .isEqualTo(0.2);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
