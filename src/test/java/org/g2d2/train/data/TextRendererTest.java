package org.g2d2.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.List;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    static TextRenderer renderer;

    @BeforeAll
    static void fonts() {
        assumeTrue(FontCatalogue.trainingFaces().stream().allMatch(f -> Files.isRegularFile(f.file()))
                        && Files.isRegularFile(WordCorpus.DEBIAN_WORDS),
                "the text generator's Debian packages are not installed (fonts-dejavu-core fonts-liberation2 "
                        + "fonts-freefont-ttf fonts-crosextra-carlito fonts-crosextra-caladea wamerican; .ci/run installs them)");
        renderer = TextRenderer.training(TextRenderer.Settings.of(32));
    }

    @Test
    void sameSeedAndIndexGiveTheSameImageDifferentSeedsDoNot() {
        TextRenderer other = TextRenderer.training(TextRenderer.Settings.of(32));
        int differ = 0;
        for (int i = 0; i < 100; i++) {
            TextRenderer.Sample a = renderer.sample(5, i);
            TextRenderer.Sample b = other.sample(5, i);
            assertThat(b.pixels()).containsExactly(a.pixels());
            assertThat(b.lines()).isEqualTo(a.lines());
            if (!java.util.Arrays.equals(a.pixels(), renderer.sample(6, i).pixels())) {
                differ++;
            }
        }
        assertThat(differ).isEqualTo(100);
    }

    @Test
    void coversTheDeclaredSizesFacesAndWeights() {
        double min = Double.MAX_VALUE;
        double max = 0;
        int inked = 0;
        java.util.Set<FontFace.Style> styles = java.util.EnumSet.noneOf(FontFace.Style.class);
        java.util.Set<Boolean> weights = new java.util.HashSet<>();
        int n = 300;
        for (int i = 0; i < n; i++) {
            TextRenderer.Sample s = renderer.sample(1, i);
            min = Math.min(min, s.xHeight());
            max = Math.max(max, s.xHeight());
            assertThat(s.xHeight()).isBetween(6.0, 16.0);
            assertThat(s.degrees()).isBetween(-2.0, 2.0);
            assertThat(s.paper() - s.ink()).isGreaterThanOrEqualTo(0.45f);
            assertThat(s.face().heldOut()).isFalse();
            styles.add(s.face().style());
            weights.add(s.face().bold());
            float lo = 1;
            float hi = 0;
            for (float p : s.pixels()) {
                assertThat(p).isBetween(0f, 1f);
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
            inked += hi - lo > 0.3f ? 1 : 0;
        }
        assertThat(min).isLessThan(6.5);
        assertThat(max).isGreaterThan(15.5);
        assertThat(styles).containsExactlyInAnyOrder(FontFace.Style.values());
        assertThat(weights).containsExactlyInAnyOrder(true, false);
        // crops now and then fall in a margin or between lines; most show ink
        assertThat(inked).isGreaterThan(n * 8 / 10);
    }

    @Test
    void drawnXHeightIsTheDeclaredOne() {
        for (FontFace face : List.of(renderer.faces().get(0), renderer.faces().get(renderer.faces().size() - 1))) {
            for (double h : new double[] {6, 16}) {
                BufferedImage page = renderer.page(face, h, List.of("xxxx"), 120, 60);
                int rows = 0;
                for (int y = 0; y < page.getHeight(); y++) {
                    for (int x = 0; x < page.getWidth(); x++) {
                        if (page.getRaster().getSample(x, y, 0) < 128) {
                            rows++;
                            break;
                        }
                    }
                }
                assertThat((double) rows).as(face.label() + " at x-height " + h).isBetween(h - 1.5, h + 1.5);
            }
        }
    }

    @Test
    void trainingRefusesHeldOutFamilies() {
        assertThat(FontCatalogue.trainingFaces()).noneMatch(FontFace::heldOut);
        assertThat(FontCatalogue.heldOutFaces()).allMatch(FontFace::heldOut);
        assertThatThrownBy(() -> new TextRenderer(TextRenderer.Settings.of(32), FontCatalogue.heldOutFaces(),
                new WordCorpus(List.of("word")), true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("held out");
    }
}
