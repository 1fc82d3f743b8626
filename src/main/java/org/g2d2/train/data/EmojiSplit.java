package org.g2d2.train.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Which emoji are held out: the SHA-256 of the file name's group key (UTF-8) starting with a byte
 * below {@value #HELD_OUT_BELOW} (26/256 ≈ 10 %). The group key is the file name with every
 * skin-tone modifier ({@code -1f3fb} … {@code -1f3ff}) removed, so the five tones of one emoji
 * fall on the same side and no held-out emoji has a recoloured twin in training.
 */
public final class EmojiSplit {

    /** An emoji is held out when the first byte of its key's SHA-256 is below this. */
    public static final int HELD_OUT_BELOW = 26;

    private static final Pattern SKIN_TONE = Pattern.compile("-1f3f[b-f]");

    private EmojiSplit() {
    }

    /** The part an emoji belongs to. */
    public enum Part {
        TRAINING, HELD_OUT;

        /** Whether the file {@code fileName} belongs to this part. */
        public boolean contains(String fileName) {
            return heldOut(fileName) == (this == HELD_OUT);
        }
    }

    /** The name the split hashes: {@code fileName} in lower case without skin-tone modifiers. */
    public static String groupKey(String fileName) {
        return SKIN_TONE.matcher(fileName.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    }

    /** Whether the emoji in file {@code fileName} (a bare name such as {@code 1f600.png}) is held out. */
    public static boolean heldOut(String fileName) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(groupKey(fileName).getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xff) < HELD_OUT_BELOW;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
