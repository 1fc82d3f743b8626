package org.g2d2.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmojiSplitTest {

    /** Names shaped like the data set's: code points in hex joined by '-', some with skin tones. */
    private static List<String> syntheticNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String base = String.format(Locale.ROOT, "1f%03x-200d-%04x", i % 4096, 0x2600 + i / 4096);
            names.add(base + ".png");
            if (i % 7 == 0) {
                names.add(base + "-1f3fd.png");
            }
        }
        return names;
    }

    @Test
    void aboutTenPercentOfSyntheticNamesAreHeldOut() {
        List<String> names = syntheticNames(10_000);
        long held = names.stream().filter(EmojiSplit::heldOut).count();
        assertThat((double) held / names.size()).isBetween(0.09, 0.112);
    }

    @Test
    void theRuleIsTheFirstByteOfTheKeysSha256() throws Exception {
        for (String name : syntheticNames(300)) {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(EmojiSplit.groupKey(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(EmojiSplit.heldOut(name)).isEqualTo((h[0] & 0xff) < 26);
        }
    }

    @Test
    void skinToneVariantsFallOnTheSideOfTheirBaseEmoji() {
        assertThat(EmojiSplit.groupKey("1f44d-1f3fb.png")).isEqualTo("1f44d.png");
        assertThat(EmojiSplit.groupKey("1f9d1-1f3fb-200d-1f91d-200d-1f9d1-1f3ff.png"))
                .isEqualTo("1f9d1-200d-1f91d-200d-1f9d1.png");
        int held = 0;
        for (String name : syntheticNames(3_000)) {
            for (String tone : new String[] {"1f3fb", "1f3fc", "1f3fd", "1f3fe", "1f3ff"}) {
                String toned = name.replace(".png", "-" + tone + ".png");
                assertThat(EmojiSplit.heldOut(toned)).as(toned).isEqualTo(EmojiSplit.heldOut(name));
            }
            held += EmojiSplit.heldOut(name) ? 1 : 0;
        }
        assertThat(held).isPositive();
    }

    @Test
    void everyNameIsInExactlyOnePart() {
        for (String name : syntheticNames(2_000)) {
            assertThat(EmojiSplit.Part.TRAINING.contains(name)).isNotEqualTo(EmojiSplit.Part.HELD_OUT.contains(name));
        }
    }

    @Test
    void theRealDataSetSplitsIntoDisjointPartsWithAboutTenPercentHeldOut() {
        Path folder = EmojiImages.defaultFolder();
        assumeTrue(Files.isDirectory(folder), "assumes the emoji images in " + folder
                + " (scripts/fetch-emoji.sh fetches them); the rule is tested on synthetic names above");
        List<String> training = EmojiImages.fileNames(folder, EmojiSplit.Part.TRAINING);
        List<String> heldOut = EmojiImages.fileNames(folder, EmojiSplit.Part.HELD_OUT);
        Set<String> both = new HashSet<>(training);
        both.retainAll(heldOut);
        assertThat(both).isEmpty();
        assertThat(training.size() + heldOut.size()).isEqualTo(EmojiImages.EXPECTED_FILES);
        assertThat((double) heldOut.size() / EmojiImages.EXPECTED_FILES).isBetween(0.08, 0.12);
        Set<String> heldKeys = new HashSet<>();
        heldOut.forEach(n -> heldKeys.add(EmojiSplit.groupKey(n)));
        assertThat(training).noneMatch(n -> heldKeys.contains(EmojiSplit.groupKey(n)));
    }
}
