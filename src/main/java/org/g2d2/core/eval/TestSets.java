package org.g2d2.core.eval;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.ImageFiles;

/**
 * Loads test and tuning sets: the MNIST-style IDX files (gzip) of Fashion-MNIST, or a folder of
 * image files. (The eval reads IDX itself so that it does not depend on the training package.)
 */
public final class TestSets {

    /** Where the Fashion-MNIST IDX files are on this machine. */
    public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private static final int IMAGES_MAGIC = 2051;
    private static final int LABELS_MAGIC = 2049;

    private TestSets() {
    }

    /**
     * Images {@code from} … {@code from + count − 1} of an IDX split ("t10k" or "train"), each
     * centred on a {@code size} × {@code size} canvas (28 → 32 pads 2 pixels of background) and
     * scaled from 0…255 to [−1, 1], with their labels.
     */
    public static TestSet idx(Path dir, String split, int from, int count, int size) {
        Path imagesFile = dir.resolve(split + "-images-idx3-ubyte.gz");
        Path labelsFile = dir.resolve(split + "-labels-idx1-ubyte.gz");
        if (!Files.isRegularFile(imagesFile) || !Files.isRegularFile(labelsFile)) {
            throw new InvalidInputException("dataset folder '" + dir + "' lacks " + imagesFile.getFileName() + " or "
                    + labelsFile.getFileName() + "; give the Fashion-MNIST IDX folder or --images-dir");
        }
        List<Image> images = new ArrayList<>();
        int[] labels;
        try (DataInputStream in = open(imagesFile)) {
            int magic = in.readInt();
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (magic != IMAGES_MAGIC || rows > size || cols > size) {
                throw new InvalidInputException("'" + imagesFile + "' is not an IDX image file of at most " + size
                        + "x" + size + " images (magic " + magic + ", " + rows + "x" + cols + ")");
            }
            checkRange(from, count, n, imagesFile);
            in.skipNBytes((long) from * rows * cols);
            byte[] raw = new byte[rows * cols];
            int top = (size - rows) / 2;
            int left = (size - cols) / 2;
            for (int k = 0; k < count; k++) {
                in.readFully(raw);
                float[] d = new float[size * size];
                java.util.Arrays.fill(d, -1f);
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        d[(y + top) * size + x + left] = (raw[y * cols + x] & 0xff) / 127.5f - 1f;
                    }
                }
                images.add(new Image(1, size, size, d));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read '" + imagesFile + "': " + e.getMessage());
        }
        try (DataInputStream in = open(labelsFile)) {
            int magic = in.readInt();
            int n = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new InvalidInputException("'" + labelsFile + "' is not an IDX label file (magic " + magic + ")");
            }
            checkRange(from, count, n, labelsFile);
            in.skipNBytes(from);
            labels = new int[count];
            for (int k = 0; k < count; k++) {
                labels[k] = in.readUnsignedByte();
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read '" + labelsFile + "': " + e.getMessage());
        }
        String name = String.format(Locale.ROOT, "%s %s images %d..%d", dir.getFileName(), split, from,
                from + count - 1);
        return new TestSet(name, images, labels);
    }

    /** The image files of a folder (sorted by name), fitted to the pack's size; no labels. */
    public static TestSet folder(Path dir, int count, int channels, int height, int width) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("image folder '" + dir + "' does not exist or is not a folder");
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|bmp|gif)$")).sorted().limit(count).toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list image folder '" + dir + "': " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("image folder '" + dir + "' holds no PNG, JPEG, BMP or GIF files");
        }
        List<Image> images = new ArrayList<>();
        for (Path f : files) {
            images.add(ImageFiles.load(f, channels, height, width));
        }
        return new TestSet(dir.toString(), images, null);
    }

    private static DataInputStream open(Path gz) throws IOException {
        InputStream raw = Files.newInputStream(gz);
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16)));
    }

    private static void checkRange(int from, int count, int n, Path file) {
        if (from < 0 || count < 1 || (long) from + count > n) {
            throw new InvalidInputException("'" + file + "' holds " + n + " items; asked for " + count + " from index "
                    + from);
        }
    }
}
