package org.g2d2.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.eval.TestSet;
import org.g2d2.train.data.EmojiImages;
import org.g2d2.train.data.EmojiSplit;

/** The emoji pack's evaluation sets: emoji of one part of the split, on white, unshifted and unmirrored. */
public final class EmojiData {

    private EmojiData() {
    }

    /**
     * {@code count} emoji of {@code part} as RGB images in [−1, 1]: the first ones in file-name
     * order, or with {@code fromEnd} the last ones (tuning sets, so that they do not start where
     * a test set of the same part would).
     */
    public static TestSet set(Path folder, EmojiSplit.Part part, int count, boolean fromEnd) {
        return set(folder, part, 0, count, fromEnd);
    }

    /**
     * As {@link #set(Path, EmojiSplit.Part, int, boolean)}, after skipping the first {@code skip}
     * (to split a long evaluation into parts; the skip counts from the end with {@code fromEnd}).
     */
    public static TestSet set(Path folder, EmojiSplit.Part part, int skip, int count, boolean fromEnd) {
        EmojiImages emoji = EmojiImages.load(folder, part, 1, 0, EmojiImages.Augmentation.NONE);
        if (skip < 0 || skip >= emoji.emojiCount()) {
            throw new InvalidInputException("cannot skip " + skip + " of the " + emoji.emojiCount() + " "
                    + (part == EmojiSplit.Part.HELD_OUT ? "held-out" : "training") + " emoji; allowed: 0 to "
                    + (emoji.emojiCount() - 1));
        }
        int n = Math.min(count, emoji.emojiCount() - skip);
        int first = fromEnd ? emoji.emojiCount() - skip - n : skip;
        List<Image> images = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            images.add(image(emoji, i));
        }
        String name = String.format(Locale.ROOT, "%s emoji %d..%d of %d on white, %s",
                part == EmojiSplit.Part.HELD_OUT ? "held-out" : "training", first, first + n - 1,
                emoji.emojiCount(), folder);
        return new TestSet(name, images, null);
    }

    /** Emoji {@code index} as a 3×64×64 image in [−1, 1]. */
    static Image image(EmojiImages emoji, int index) {
        float[] unit = emoji.pixels(index);
        float[] v = new float[unit.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = unit[k] * 2f - 1f;
        }
        return new Image(3, EmojiImages.SIDE, EmojiImages.SIDE, v);
    }
}
