package org.g2d2.core.io;

import org.g2d2.core.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/**
 * Reading, fitting and writing images. Reading checks the size from the header before decoding;
 * fitting centre-crops to the target aspect, resizes and converts to grey or colour.
 */
public final class ImageFiles {

    /** The largest image accepted: 40 megapixels. */
    public static final long MAX_PIXELS = 40_000_000L;

    private ImageFiles() {
    }

    /** Reads any image ImageIO can decode, refusing more than {@link #MAX_PIXELS} before decoding. */
    public static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("image '" + file + "' does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException("image '" + file + "' is not readable");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidInputException("image '" + file + "' is not in a format this program reads; allowed: "
                        + String.join(", ", supportedFormats()));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new InvalidInputException("image '" + file + "' is " + w + "x" + h + " = "
                            + String.format(Locale.ROOT, "%.1f", w * h / 1e6) + " megapixels; at most "
                            + MAX_PIXELS / 1_000_000 + " megapixels are allowed");
                }
                BufferedImage img = reader.read(0);
                if (img == null) {
                    throw new InvalidInputException("image '" + file + "' could not be decoded");
                }
                return img;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw (InvalidInputException) e;
            }
            throw new InvalidInputException("image '" + file + "' is unreadable or corrupt ("
                    + ModelPackLoader.firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** The format names ImageIO reads, lower case. */
    public static java.util.SortedSet<String> supportedFormats() {
        java.util.SortedSet<String> s = new java.util.TreeSet<>();
        for (String f : ImageIO.getReaderFormatNames()) {
            s.add(f.toLowerCase(Locale.ROOT));
        }
        return s;
    }

    /**
     * Fits an image to {@code channels} × {@code height} × {@code width}: centre crop to the
     * target aspect ratio, smooth resize, grey (luma) or colour, values mapped to [−1, 1].
     * Transparent pixels are composited over white.
     */
    public static Image fit(BufferedImage image, int channels, int height, int width) {
        BufferedImage src = greyAsRgb(image);
        int sw = src.getWidth();
        int sh = src.getHeight();
        double target = (double) width / height;
        int cw = sw;
        int ch = sh;
        if ((double) sw / sh > target) {
            cw = Math.max(1, (int) Math.round(sh * target));
        } else {
            ch = Math.max(1, (int) Math.round(sw / target));
        }
        BufferedImage cropped = src.getSubimage((sw - cw) / 2, (sh - ch) / 2, cw, ch);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // a large downscale is first area-averaged so that it does not alias
            java.awt.Image source = cropped;
            if (cw > 2 * width || ch > 2 * height) {
                source = cropped.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING);
            }
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        float[] data = new float[channels * height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float gr = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                if (channels == 1) {
                    data[y * width + x] = 2 * (0.299f * r + 0.587f * gr + 0.114f * b) - 1;
                } else {
                    int plane = height * width;
                    data[y * width + x] = 2 * r - 1;
                    data[plane + y * width + x] = 2 * gr - 1;
                    data[2 * plane + y * width + x] = 2 * b - 1;
                }
            }
        }
        return new Image(channels, height, width, data);
    }

    /**
     * Java2D treats grey images as linear light and brightens them when drawing into RGB; the
     * stored values are what the file means, so they are copied as they are.
     */
    private static BufferedImage greyAsRgb(BufferedImage src) {
        if (src.getColorModel().getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_GRAY) {
            return src;
        }
        java.awt.image.Raster raster = src.getRaster();
        int bits = src.getColorModel().getComponentSize(0);
        double max = (1 << bits) - 1;
        boolean alpha = src.getColorModel().hasAlpha();
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int v = (int) Math.round(raster.getSample(x, y, 0) / max * 255);
                int a = alpha ? (int) Math.round(raster.getSample(x, y, 1) / max * 255) : 255;
                rgb.setRGB(x, y, (a << 24) | (v << 16) | (v << 8) | v);
            }
        }
        return rgb;
    }

    /**
     * An image at its own size, as read.
     *
     * @param alphaComposited whether the file had transparency, composited over white
     */
    public record Native(Image image, boolean alphaComposited) {
    }

    /** Reads an image at its own size: grey when every pixel is grey, else RGB; transparency over white. */
    public static Native loadNative(Path file) {
        return toNative(read(file));
    }

    /** {@link #loadNative} for a picture already decoded. */
    public static Native toNative(BufferedImage image) {
        BufferedImage src = greyAsRgb(image);
        int w = src.getWidth();
        int h = src.getHeight();
        boolean alpha = src.getColorModel().hasAlpha();
        int plane = h * w;
        float[] rgb = new float[3 * plane];
        boolean grey = true;
        boolean translucent = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = src.getRGB(x, y);
                float a = alpha ? ((argb >>> 24) & 0xff) / 255f : 1f;
                translucent |= a < 1f;
                int i = y * w + x;
                for (int c = 0; c < 3; c++) {
                    float v = ((argb >> (16 - 8 * c)) & 0xff) / 255f;
                    rgb[c * plane + i] = 2 * (a * v + (1 - a)) - 1;
                }
                grey &= rgb[i] == rgb[plane + i] && rgb[i] == rgb[2 * plane + i];
            }
        }
        Image out = grey ? new Image(1, h, w, java.util.Arrays.copyOf(rgb, plane)) : new Image(3, h, w, rgb);
        return new Native(out, translucent);
    }

    /** Reads and fits in one go. */
    public static Image load(Path file, int channels, int height, int width) {
        return fit(read(file), channels, height, width);
    }

    /** An image in [−1, 1] as an 8-bit picture (values clamped). */
    public static BufferedImage toBufferedImage(Image image) {
        int h = image.height();
        int w = image.width();
        BufferedImage out = new BufferedImage(w, h, image.channels() == 1
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = toByte(image.get(0, y, x));
                if (image.channels() == 1) {
                    out.getRaster().setSample(x, y, 0, r);
                } else {
                    int gr = toByte(image.get(1, y, x));
                    int b = toByte(image.get(2, y, x));
                    out.setRGB(x, y, (0xff << 24) | (r << 16) | (gr << 8) | b);
                }
            }
        }
        return out;
    }

    private static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, (v + 1) / 2)) * 255f);
    }

    /** Writes a PNG atomically (a temporary file beside the target, then a move). */
    public static void writePng(Path target, Image image) throws IOException {
        writePng(target, toBufferedImage(image));
    }

    public static void writePng(Path target, BufferedImage image) throws IOException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
