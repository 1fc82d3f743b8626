package org.g2d2.core.metrics;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.g2d2.core.Image;

/**
 * Character error rate: the edit distance (insertions, deletions, substitutions) from the
 * recognised text to the reference, divided by the reference's length. Runs of whitespace,
 * line breaks included, count as one space, and leading or trailing whitespace not at all, so a
 * reader's line layout does not count as errors. 0 is perfect; reading nothing gives 1.
 */
public final class CharacterErrorRate {

    private CharacterErrorRate() {
    }

    /** CER of {@code recognised} against {@code reference}. */
    public static double of(String recognised, String reference) {
        String ref = normalise(reference);
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("the reference text is empty; a CER needs at least one character");
        }
        String hyp = normalise(recognised);
        return LevenshteinDistance.getDefaultInstance().apply(hyp, ref) / (double) ref.length();
    }

    /** CER of what {@code reader} reads in {@code image} against {@code reference}. */
    public static double of(TextRecognizer reader, Image image, String reference) {
        return of(reader.read(image), reference);
    }

    static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
