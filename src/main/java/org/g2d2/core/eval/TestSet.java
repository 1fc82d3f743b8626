package org.g2d2.core.eval;

import java.util.List;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/**
 * Images to evaluate on, with their class labels where known.
 *
 * @param name where the images came from, for reports (e.g. "fashion-mnist t10k 0..99")
 * @param labels one class index per image, or null (then accuracy is measured against the
 *     classifier's own prediction on the clean image)
 * @param texts the printed text of each image (pages of text, judged by OCR), or null
 */
public record TestSet(String name, List<Image> images, int[] labels, List<String> texts) {

    /** A test set without texts. */
    public TestSet(String name, List<Image> images, int[] labels) {
        this(name, images, labels, null);
    }

    public TestSet {
        images = List.copyOf(images);
        texts = texts == null ? null : List.copyOf(texts);
        if (texts != null && texts.size() != images.size()) {
            throw new IllegalArgumentException(texts.size() + " texts for " + images.size() + " images");
        }
        if (images.isEmpty()) {
            throw new InvalidInputException("test set '" + name + "' holds no images");
        }
        if (labels != null && labels.length != images.size()) {
            throw new IllegalArgumentException(labels.length + " labels for " + images.size() + " images");
        }
        Image first = images.get(0);
        for (Image im : images) {
            if (im.channels() != first.channels() || im.height() != first.height() || im.width() != first.width()) {
                throw new InvalidInputException("test set '" + name + "' mixes image sizes: " + first.channels() + "x"
                        + first.height() + "x" + first.width() + " and " + im.channels() + "x" + im.height() + "x"
                        + im.width());
            }
        }
    }

    public int size() {
        return images.size();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public boolean hasTexts() {
        return texts != null;
    }

    /** The first {@code n} images (all when there are fewer). */
    public TestSet first(int n) {
        int k = Math.min(n, images.size());
        return new TestSet(name, images.subList(0, k), labels == null ? null : java.util.Arrays.copyOf(labels, k),
                texts == null ? null : texts.subList(0, k));
    }
}
