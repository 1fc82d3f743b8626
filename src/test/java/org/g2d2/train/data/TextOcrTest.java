package org.g2d2.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.g2d2.core.Image;
import org.g2d2.core.metrics.CharacterErrorRate;
import org.g2d2.core.metrics.TesseractOcr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tesseract's CER on text rendered in a held-out face (never seen by training): the OCR metric's known cases. */
class TextOcrTest {

    static final List<String> LINES = List.of("The quick brown fox jumps over", "the lazy dog near 42 river banks.");

    @BeforeAll
    static void needsTesseract() {
        assumeTrue(TesseractOcr.available(), "tesseract is not installed (Debian packages tesseract-ocr and "
                + "tesseract-ocr-eng; .ci/run installs them): the OCR metric test is skipped");
    }

    @Test
    void cleanHeldOutRenderReadsAlmostPerfectly() {
        FontFace face = FontCatalogue.heldOutFaces().get(0);
        assumeTrue(java.nio.file.Files.isRegularFile(face.file()), "fonts-urw-base35 is not installed");
        TextRenderer r = new TextRenderer(TextRenderer.Settings.of(64), List.of(face), new WordCorpus(List.of("a")), false);
        Image page = toImage(r.page(face, 12, LINES, 400, 80));
        double cer = CharacterErrorRate.of(TesseractOcr.english(), page, String.join("\n", LINES));
        assertThat(cer).isLessThanOrEqualTo(0.05);
    }

    @Test
    void blankPageReadsNothing() {
        float[] white = new float[80 * 400];
        java.util.Arrays.fill(white, 1f);
        double cer = CharacterErrorRate.of(TesseractOcr.english(), new Image(1, 80, 400, white), String.join("\n", LINES));
        assertThat(cer).isEqualTo(1.0);
    }

    static Image toImage(BufferedImage img) {
        float[] v = new float[img.getWidth() * img.getHeight()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                v[y * img.getWidth() + x] = img.getRaster().getSample(x, y, 0) / 127.5f - 1f;
            }
        }
        return new Image(1, img.getHeight(), img.getWidth(), v);
    }
}
