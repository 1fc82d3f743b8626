package org.g2d2.core.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.operator.ConvolutionKernel;
import org.g2d2.core.operator.InpaintingMask;

/**
 * Reads the files that describe an operator: a blur kernel (a grey image, or a text matrix of
 * numbers) and an inpainting mask (an image, white where the pixel is known).
 */
public final class OperatorFiles {

    private OperatorFiles() {
    }

    /** A kernel from a text matrix (.txt, .csv: rows of numbers separated by spaces or commas) or an image. */
    public static ConvolutionKernel readKernel(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt") || lower.endsWith(".csv")) {
            return textKernel(file, name);
        }
        BufferedImage img = ImageFiles.read(file);
        int w = img.getWidth();
        int h = img.getHeight();
        requireKernelSize(name, h, w);
        return new ConvolutionKernel(name, h, w, grey(img));
    }

    // checked before the weights are read, so a huge image is refused without reading it all
    private static void requireKernelSize(String name, int h, int w) {
        if (h > ConvolutionKernel.MAX_SIDE || w > ConvolutionKernel.MAX_SIDE) {
            throw new InvalidInputException("kernel '" + name + "' is " + w + "x" + h + "; at most "
                    + ConvolutionKernel.MAX_SIDE + "x" + ConvolutionKernel.MAX_SIDE + " is allowed");
        }
    }

    private static ConvolutionKernel textKernel(Path file, String name) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("kernel '" + file + "' does not exist or is not a file");
            }
            if (Files.size(file) > 1_000_000) {
                throw new InvalidInputException("kernel '" + file + "' is over 1 MB; a kernel of at most "
                        + ConvolutionKernel.MAX_SIDE + "x" + ConvolutionKernel.MAX_SIDE + " numbers is expected");
            }
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InvalidInputException("kernel '" + file + "' is unreadable (" + e.getMessage() + ")");
        }
        List<float[]> rows = new ArrayList<>();
        for (String line : lines) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("[\\s,;]+");
            float[] row = new float[parts.length];
            for (int j = 0; j < parts.length; j++) {
                try {
                    row[j] = Float.parseFloat(parts[j]);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("kernel '" + name + "' line " + (rows.size() + 1) + " holds '"
                            + parts[j] + "'; only numbers are allowed");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new InvalidInputException("kernel '" + name + "' has rows of " + rows.get(0).length + " and "
                        + row.length + " numbers; every row needs the same count");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("kernel '" + name + "' is empty; a kernel needs at least one weight");
        }
        int h = rows.size();
        int w = rows.get(0).length;
        requireKernelSize(name, h, w);
        float[] v = new float[h * w];
        for (int i = 0; i < h; i++) {
            System.arraycopy(rows.get(i), 0, v, i * w, w);
        }
        return new ConvolutionKernel(name, h, w, v);
    }

    /** The kernel as a grey image scaled so that its largest weight is white (reading normalises it back). */
    public static BufferedImage kernelImage(ConvolutionKernel k) {
        float max = 0;
        for (float v : k.weights()) {
            max = Math.max(max, v);
        }
        BufferedImage img = new BufferedImage(k.width(), k.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < k.height(); i++) {
            for (int j = 0; j < k.width(); j++) {
                int g = Math.round(255 * k.at(i, j) / max);
                img.getRaster().setSample(j, i, 0, g);
            }
        }
        return img;
    }

    /** A mask image: white (grey ≥ 0.5) marks a known pixel, black a missing one. */
    public static InpaintingMask readMask(Path file) {
        BufferedImage img = ImageFiles.read(file);
        int w = img.getWidth();
        int h = img.getHeight();
        float[] g = grey(img);
        boolean[] known = new boolean[h * w];
        for (int i = 0; i < known.length; i++) {
            known[i] = g[i] >= 0.5f;
        }
        return new InpaintingMask(h, w, known);
    }

    /** A mask as a black-and-white image (white = known). */
    public static BufferedImage maskImage(InpaintingMask mask) {
        BufferedImage img = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < mask.height(); i++) {
            for (int j = 0; j < mask.width(); j++) {
                img.setRGB(j, i, mask.isKnown(i, j) ? 0xFFFFFFFF : 0xFF000000);
            }
        }
        return img;
    }

    /** Grey values in [0, 1] as the file stores them (a colour image: the mean of its channels). */
    private static float[] grey(BufferedImage img) {
        org.g2d2.core.Image x = ImageFiles.toNative(img).image();
        int plane = x.height() * x.width();
        float[] g = new float[plane];
        for (int i = 0; i < plane; i++) {
            double sum = 0;
            for (int c = 0; c < x.channels(); c++) {
                sum += x.data()[c * plane + i];
            }
            g[i] = (float) ((sum / x.channels() + 1) / 2);
        }
        return g;
    }
}
