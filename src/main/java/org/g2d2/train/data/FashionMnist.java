package org.g2d2.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.g2d2.core.InvalidInputException;

/**
 * One split of Fashion-MNIST (Zalando SE, MIT licence): 28×28 grey images padded with background
 * to 32×32, kept as bytes and turned into [−1, 1] floats a batch at a time.
 */
public final class FashionMnist implements ImageSet {

    public static final int SIZE = 32;
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final String LICENCE = "MIT (Fashion-MNIST, Zalando SE)";

    private final byte[] pixels;
    private final byte[] labels;
    private final int count;

    private FashionMnist(byte[] pixels, byte[] labels) {
        this.pixels = pixels;
        this.labels = labels;
        this.count = labels.length;
    }

    /** The split "train" (60,000) or "t10k" (10,000 test images) from the folder of the four .gz files. */
    public static FashionMnist load(Path dir, String split) {
        if (!"train".equals(split) && !"t10k".equals(split)) {
            throw new IllegalArgumentException("split must be train or t10k; found " + split);
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("data folder '" + dir + "' does not exist; it must hold "
                    + "train-images-idx3-ubyte.gz and the other three Fashion-MNIST files "
                    + "(apt-get install dataset-fashion-mnist puts them in /usr/share/datasets/fashion-mnist)");
        }
        IdxFile images = IdxFile.read(dir.resolve(split + "-images-idx3-ubyte.gz"), 3);
        IdxFile labels = IdxFile.read(dir.resolve(split + "-labels-idx1-ubyte.gz"), 1);
        int n = images.dims()[0];
        if (images.dims()[1] != 28 || images.dims()[2] != 28) {
            throw new InvalidInputException("'" + dir + "' " + split + " images are " + images.dims()[1] + "x"
                    + images.dims()[2] + "; allowed: 28x28");
        }
        if (labels.dims()[0] != n) {
            throw new InvalidInputException("'" + dir + "' has " + n + " " + split + " images but "
                    + labels.dims()[0] + " labels; they must match");
        }
        for (byte b : labels.data()) {
            if (b < 0 || b > 9) {
                throw new InvalidInputException("'" + dir + "' " + split + " labels hold " + b + "; allowed: 0..9");
            }
        }
        return new FashionMnist(pad(images.data(), n), labels.data());
    }

    /** A dataset from given 32×32 bytes (for tests). */
    public static FashionMnist of(byte[] pixels32, byte[] labels) {
        if (pixels32.length != labels.length * SIZE * SIZE) {
            throw new IllegalArgumentException("need " + SIZE * SIZE + " pixels per label");
        }
        return new FashionMnist(pixels32, labels);
    }

    private static byte[] pad(byte[] src, int n) {
        byte[] out = new byte[n * SIZE * SIZE];
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < 28; y++) {
                System.arraycopy(src, i * 784 + y * 28, out, i * SIZE * SIZE + (y + 2) * SIZE + 2, 28);
            }
        }
        return out;
    }

    /** The first n examples. */
    public FashionMnist head(int n) {
        int k = Math.min(n, count);
        return new FashionMnist(java.util.Arrays.copyOf(pixels, k * SIZE * SIZE), java.util.Arrays.copyOf(labels, k));
    }

    public int size() {
        return count;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Raw padded pixels of image i, 0..255. */
    public int pixel(int i, int y, int x) {
        return pixels[i * SIZE * SIZE + y * SIZE + x] & 0xff;
    }

    /** Images {@code indices} as a (B, 1, 32, 32) float tensor in [−1, 1]. */
    public NDArray images(NDManager m, int[] indices) {
        float[] v = new float[indices.length * SIZE * SIZE];
        for (int b = 0; b < indices.length; b++) {
            int off = indices[b] * SIZE * SIZE;
            for (int j = 0; j < SIZE * SIZE; j++) {
                v[b * SIZE * SIZE + j] = (pixels[off + j] & 0xff) / 127.5f - 1f;
            }
        }
        return m.create(v, new Shape(indices.length, 1, SIZE, SIZE));
    }

    public NDArray labels(NDManager m, int[] indices) {
        long[] v = new long[indices.length];
        for (int b = 0; b < indices.length; b++) {
            v[b] = labels[indices[b]];
        }
        return m.create(v);
    }
}
