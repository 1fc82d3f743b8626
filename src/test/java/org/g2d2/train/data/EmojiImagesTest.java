package org.g2d2.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmojiImagesTest {

    private static final int S = EmojiImages.SIDE;

    /** An opaque red 8×8 square at (x0, y0) on a transparent 64×64 canvas, with a half-transparent blue pixel. */
    private static int[] square(int x0, int y0) {
        int[] p = new int[S * S];
        for (int y = y0; y < y0 + 8; y++) {
            for (int x = x0; x < x0 + 8; x++) {
                p[y * S + x] = 0xffff0000;
            }
        }
        p[0] = 0x800000ff;
        return p;
    }

    private static EmojiImages set(int variants, long seed, EmojiImages.Augmentation a) {
        List<int[]> px = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            px.add(square(10 + 5 * i, 20));
            names.add("e" + i + ".png");
        }
        return new EmojiImages(names, px, variants, seed, a);
    }

    @Test
    void withoutAugmentationEmojiAreCompositedOnWhite() {
        float[] p = set(1, 1, EmojiImages.Augmentation.NONE).pixels(0);
        int plane = S * S;
        // opaque red inside the square, white outside, and the half-transparent blue over white
        assertThat(new float[] {p[20 * S + 12], p[plane + 20 * S + 12], p[2 * plane + 20 * S + 12]})
                .containsExactly(1f, 0f, 0f);
        assertThat(new float[] {p[40 * S + 40], p[plane + 40 * S + 40], p[2 * plane + 40 * S + 40]})
                .containsExactly(1f, 1f, 1f);
        float a = 128 / 255f;
        assertThat(p[0]).isCloseTo(1 - a, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(p[2 * plane]).isEqualTo(1f);
    }

    @Test
    void augmentationIsTheSameForTheSameSeedAndVariesOtherwise() {
        EmojiImages a = set(50, 7, EmojiImages.Augmentation.TRAINING);
        EmojiImages b = set(50, 7, EmojiImages.Augmentation.TRAINING);
        EmojiImages c = set(50, 8, EmojiImages.Augmentation.TRAINING);
        int differentSeed = 0;
        java.util.Set<float[]> variants = new java.util.TreeSet<>(Arrays::compare);
        for (int v = 0; v < 50; v++) {
            variants.add(a.pixels(5 * v));
        }
        int distinct = variants.size();
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.pixels(i)).isEqualTo(a.pixels(i));
            differentSeed += Arrays.equals(a.pixels(i), c.pixels(i)) ? 0 : 1;
        }
        assertThat(differentSeed).isGreaterThan(a.size() * 9 / 10);
        // the 50 variants of one emoji are (almost all) different images
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void augmentedImagesAreShiftedFlippedCopiesOnLightBackgrounds() {
        EmojiImages aug = set(400, 3, EmojiImages.Augmentation.TRAINING);
        int plane = S * S;
        int tinted = 0;
        int flippedOrShifted = 0;
        float[] plain = set(1, 3, EmojiImages.Augmentation.NONE).pixels(0);
        for (int v = 0; v < 400; v++) {
            float[] p = aug.pixels(5 * v);
            float[] bg = {p[63 * S + 63], p[plane + 63 * S + 63], p[2 * plane + 63 * S + 63]};
            for (float c : bg) {
                assertThat(c).isBetween(0.75f, 1f);
            }
            tinted += bg[0] < 1f || bg[1] < 1f || bg[2] < 1f ? 1 : 0;
            // the red square keeps its 64 pixels: it is moved, never cut or scaled
            int red = 0;
            for (int i = 0; i < plane; i++) {
                red += p[i] == 1f && p[plane + i] == 0f && p[2 * plane + i] == 0f ? 1 : 0;
            }
            assertThat(red).isEqualTo(64);
            flippedOrShifted += Arrays.equals(p, plain) ? 0 : 1;
        }
        assertThat(tinted).isBetween(150, 250);
        assertThat(flippedOrShifted).isGreaterThan(380);
    }

    @Test
    void imagesAreColourBatchesInMinusOneToOne() {
        EmojiImages s = set(2, 1, EmojiImages.Augmentation.TRAINING);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = s.images(m, new int[] {0, 7, 9});
            assertThat(x.getShape().getShape()).containsExactly(3, 3, S, S);
            float[] v = x.toFloatArray();
            float[] p7 = s.pixels(7);
            for (int i = 0; i < p7.length; i++) {
                assertThat(v[3 * S * S + i]).isEqualTo(p7[i] * 2f - 1f);
            }
        }
        assertThat(s.size()).isEqualTo(10);
        assertThat(s.name(7)).isEqualTo("e2.png");
    }

    @Test
    void loadingReadsOnlyThePartAskedForAndRefusesOtherSizes(@TempDir Path dir) throws Exception {
        List<String> held = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; held.size() < 2 || kept.size() < 3; i++) {
            String name = String.format("1f%03x.png", i);
            if (EmojiSplit.heldOut(name) ? held.size() < 2 : kept.size() < 3) {
                (EmojiSplit.heldOut(name) ? held : kept).add(name);
                BufferedImage img = new BufferedImage(S, S, BufferedImage.TYPE_INT_ARGB);
                img.setRGB(0, 0, S, S, square(i % 50, 10), 0, S);
                ImageIO.write(img, "png", dir.resolve(name).toFile());
            }
        }
        EmojiImages training = EmojiImages.load(dir, EmojiSplit.Part.TRAINING, 1, 0, EmojiImages.Augmentation.NONE);
        EmojiImages heldOut = EmojiImages.load(dir, EmojiSplit.Part.HELD_OUT, 1, 0, EmojiImages.Augmentation.NONE);
        assertThat(training.emojiCount()).isEqualTo(3);
        assertThat(heldOut.emojiCount()).isEqualTo(2);
        assertThat(List.of(heldOut.name(0), heldOut.name(1))).containsExactlyInAnyOrderElementsOf(held);

        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB), "png", dir.resolve(kept.get(0)).toFile());
        assertThatThrownBy(() -> EmojiImages.load(dir, EmojiSplit.Part.TRAINING, 1, 0, EmojiImages.Augmentation.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("32x32").hasMessageContaining("64x64");
        assertThatThrownBy(() -> EmojiImages.load(dir.resolve("absent"), EmojiSplit.Part.TRAINING, 1, 0,
                EmojiImages.Augmentation.NONE)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fetch-emoji.sh");
    }
}
