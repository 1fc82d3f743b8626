package org.g2d2.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.eval.TestSet;
import org.g2d2.train.data.FontCatalogue;
import org.g2d2.train.data.FontFace;
import org.g2d2.train.data.WordCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluation and tuning page sets: fixed size, deterministic, text that is on the page, fonts kept apart. */
class TextPagesTest {

    @BeforeAll
    static void needsFonts() {
        assumeTrue(Files.isRegularFile(WordCorpus.DEBIAN_WORDS)
                        && FontCatalogue.heldOutFaces().stream().map(FontFace::file).anyMatch(Files::isRegularFile)
                        && FontCatalogue.trainingFaces().stream().map(FontFace::file).anyMatch(Files::isRegularFile),
                "the text generator's Debian fonts and word list are not installed (.ci/run installs them)");
    }

    @Test
    void heldOutPagesAreFixedInSizeAndTheSameOnEveryRun() {
        TestSet a = TextData.pages(true, 6, 256, 96);
        TestSet b = TextData.pages(true, 6, 256, 96);
        assertThat(a.name()).startsWith("held-out text pages 256x96").contains("fonts-urw-base35")
                .doesNotContain("dejavu");
        assertThat(a.texts()).isEqualTo(b.texts());
        for (int i = 0; i < a.size(); i++) {
            Image page = a.images().get(i);
            assertThat(page.height()).isEqualTo(96);
            assertThat(page.width()).isEqualTo(256);
            assertThat(page.data()).isEqualTo(b.images().get(i).data());
            // ink on the page, and about as much text as the page has room for
            assertThat(min(page)).isLessThan(-0.5f);
            assertThat(a.texts().get(i).length()).isBetween(8, 200);
        }
        // the x-heights cycle 8, 10, 12 px: the small pages hold more lines than the large ones
        assertThat(a.texts().get(0).lines().count()).isGreaterThan(a.texts().get(2).lines().count());
        assertThat(a.texts()).doesNotHaveDuplicates();
    }

    @Test
    void skippedPagesAreTheTailOfTheSameSequence() {
        TestSet whole = TextData.pages(true, 5, 128, 64);
        TestSet tail = TextData.pages(true, 3, 2, 128, 64);
        assertThat(tail.texts()).containsExactlyElementsOf(whole.texts().subList(3, 5));
        assertThat(tail.images().get(1).data()).isEqualTo(whole.images().get(4).data());
        assertThat(tail.name()).endsWith("seeds 2000006..2000007");
        assertThatThrownBy(() -> TextData.pages(true, -1, 2, 128, 64))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("found -1");
    }

    @Test
    void tuningPagesUseTheTrainingFontsAndOtherWords() {
        TestSet tuning = TextData.pages(false, 3, 128, 64);
        assertThat(tuning.name()).startsWith("training text pages 128x64").doesNotContain("urw", "lmodern");
        assertThat(tuning.texts()).doesNotContainAnyElementsOf(TextData.pages(true, 3, 128, 64).texts());
    }

    private static float min(Image im) {
        float m = Float.MAX_VALUE;
        for (float v : im.data()) {
            m = Math.min(m, v);
        }
        return m;
    }
}
