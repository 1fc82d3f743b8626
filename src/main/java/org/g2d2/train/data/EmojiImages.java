package org.g2d2.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.g2d2.core.InvalidInputException;

/**
 * The emoji pack's images: 64×64 RGBA emoji composited onto a background, as (B, 3, 64, 64) in
 * [−1, 1]. Image i is emoji i mod n in variant i / n; with an {@link Augmentation} each variant has
 * its own background colour, shift and flip, drawn from (seed, i) alone, so a run and its
 * resumption see the same images.
 */
public final class EmojiImages implements ImageSet {

    /** Side of the emoji images, in pixels. */
    public static final int SIDE = 64;
    /** How many emoji the pinned data set holds (scripts/fetch-emoji.sh). */
    public static final int EXPECTED_FILES = 3786;

    /**
     * How images vary.
     *
     * @param maxShift largest shift in pixels, each axis (uncovered pixels show the background)
     * @param tinted fraction of images on a light colour instead of white
     * @param minTint lowest channel value of a light background colour, in [0, 1]
     * @param flips whether half of the images are mirrored left to right
     */
    public record Augmentation(int maxShift, double tinted, double minTint, boolean flips) {

        /** White background, no shift, no flip. */
        public static final Augmentation NONE = new Augmentation(0, 0, 1, false);
        /** The training augmentation: shifts up to 4 px, half on light colours (channels ≥ 0.75), flips. */
        public static final Augmentation TRAINING = new Augmentation(4, 0.5, 0.75, true);

        public Augmentation {
            if (maxShift < 0 || maxShift >= SIDE || tinted < 0 || tinted > 1 || minTint < 0 || minTint > 1) {
                throw new IllegalArgumentException("bad augmentation " + this);
            }
        }
    }

    private final List<String> names;
    private final List<int[]> argb;
    private final int variants;
    private final long seed;
    private final Augmentation augmentation;

    /**
     * @param names file names, one per emoji
     * @param argb each emoji's 64×64 non-premultiplied ARGB pixels, row-major
     * @param variants images per emoji
     */
    public EmojiImages(List<String> names, List<int[]> argb, int variants, long seed, Augmentation augmentation) {
        if (names.size() != argb.size() || variants < 1) {
            throw new IllegalArgumentException(names.size() + " names, " + argb.size() + " images, " + variants
                    + " variants");
        }
        this.names = List.copyOf(names);
        this.argb = List.copyOf(argb);
        this.variants = variants;
        this.seed = seed;
        this.augmentation = augmentation;
    }

    /** The folder scripts/fetch-emoji.sh unpacks to ({@code $G2D2_EMOJI_DATA/img/google/64} if that is set). */
    public static Path defaultFolder() {
        String env = System.getenv("G2D2_EMOJI_DATA");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "g2d2-data", "emoji");
        return base.resolve("img").resolve("google").resolve("64");
    }

    /** The sorted PNG file names in {@code folder} that belong to {@code part}. */
    public static List<String> fileNames(Path folder, EmojiSplit.Part part) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("emoji folder '" + folder + "' does not exist; scripts/fetch-emoji.sh "
                    + "fetches and unpacks the emoji images");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .filter(part::contains).sorted().toList();
            if (names.isEmpty()) {
                throw new InvalidInputException("emoji folder '" + folder + "' holds no .png files of the "
                        + part.name().toLowerCase(java.util.Locale.ROOT) + " part; scripts/fetch-emoji.sh unpacks them");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The emoji of {@code part} in {@code folder}, {@code variants} images each. */
    public static EmojiImages load(Path folder, EmojiSplit.Part part, int variants, long seed, Augmentation augmentation) {
        List<String> names = fileNames(folder, part);
        List<int[]> pixels = new ArrayList<>(names.size());
        for (String n : names) {
            pixels.add(readArgb(folder.resolve(n)));
        }
        return new EmojiImages(names, pixels, variants, seed, augmentation);
    }

    private static int[] readArgb(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read emoji '" + file + "': " + e.getMessage());
        }
        if (img == null || img.getWidth() != SIDE || img.getHeight() != SIDE) {
            throw new InvalidInputException("emoji '" + file + "' is " + (img == null ? "not an image ImageIO reads"
                    : img.getWidth() + "x" + img.getHeight()) + "; allowed: " + SIDE + "x" + SIDE + " PNG");
        }
        return img.getRGB(0, 0, SIDE, SIDE, null, 0, SIDE);
    }

    @Override
    public int size() {
        return names.size() * variants;
    }

    /** How many distinct emoji there are. */
    public int emojiCount() {
        return names.size();
    }

    /** The file name of the emoji shown in image {@code index}. */
    public String name(int index) {
        return names.get(index % names.size());
    }

    /** Image {@code index} as 3 planes (R, G, B) of 64×64 values in [0, 1]. */
    public float[] pixels(int index) {
        int[] src = argb.get(index % names.size());
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Augmentation a = augmentation;
        float[] bg = {1f, 1f, 1f};
        if (a.tinted() > 0 && rng.nextDouble() < a.tinted()) {
            for (int c = 0; c < 3; c++) {
                bg[c] = (float) (a.minTint() + (1 - a.minTint()) * rng.nextDouble());
            }
        }
        int dx = a.maxShift() == 0 ? 0 : rng.nextInt(-a.maxShift(), a.maxShift() + 1);
        int dy = a.maxShift() == 0 ? 0 : rng.nextInt(-a.maxShift(), a.maxShift() + 1);
        boolean flip = a.flips() && rng.nextBoolean();
        int plane = SIDE * SIDE;
        float[] out = new float[3 * plane];
        for (int y = 0; y < SIDE; y++) {
            int sy = y - dy;
            for (int x = 0; x < SIDE; x++) {
                int sx = flip ? SIDE - 1 - (x - dx) : x - dx;
                int p = sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE ? src[sy * SIDE + sx] : 0;
                float alpha = (p >>> 24) / 255f;
                for (int c = 0; c < 3; c++) {
                    float fg = ((p >>> (16 - 8 * c)) & 0xff) / 255f;
                    out[c * plane + y * SIDE + x] = alpha * fg + (1 - alpha) * bg[c];
                }
            }
        }
        return out;
    }

    @Override
    public NDArray images(NDManager m, int[] indices) {
        int n = 3 * SIDE * SIDE;
        float[] all = new float[indices.length * n];
        for (int i = 0; i < indices.length; i++) {
            float[] p = pixels(indices[i]);
            for (int j = 0; j < n; j++) {
                all[i * n + j] = p[j] * 2f - 1f;
            }
        }
        return m.create(all, new Shape(indices.length, 3, SIDE, SIDE));
    }
}
