package org.g2d2.train.data;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Renders lines of words with Java2D (antialiased) the way a page of printed text looks through a
 * window: a random face, x-height, line spacing, ink and paper grey and a slight rotation, seen
 * through a square crop at a random position on the page. Sample {@code (seed, index)} is always
 * the same image.
 */
public final class TextRenderer {

    /**
     * What the renderer varies.
     *
     * @param side the crop's side in pixels
     * @param minXHeight smallest x-height in pixels
     * @param maxXHeight largest x-height in pixels
     * @param maxDegrees largest rotation either way
     */
    public record Settings(int side, double minXHeight, double maxXHeight, double maxDegrees) {

        public Settings {
            if (side < 8 || minXHeight < 2 || maxXHeight < minXHeight || maxDegrees < 0) {
                throw new org.g2d2.core.InvalidInputException("text renderer settings out of range: side >= 8, "
                        + "2 <= min x-height <= max x-height, max rotation >= 0 are allowed; found " + this);
            }
        }

        /** The training default: x-height 6–16 px, ±2°. */
        public static Settings of(int side) {
            return new Settings(side, 6, 16, 2);
        }
    }

    /**
     * One rendered crop.
     *
     * @param pixels side×side grey values in [0, 1], row-major
     * @param face the face drawn
     * @param xHeight the x-height in pixels
     * @param degrees the rotation
     * @param ink ink grey in [0, 1]
     * @param paper paper grey in [0, 1]
     * @param lines the text of every line drawn (some only partly inside the crop)
     */
    public record Sample(float[] pixels, FontFace face, double xHeight, double degrees, float ink, float paper,
                         List<String> lines) {
    }

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final Settings settings;
    private final List<FontFace> faces;
    private final WordCorpus corpus;
    private final Map<FontFace, Font> fonts = new HashMap<>();
    private final Map<FontFace, Double> xRatios = new HashMap<>();

    /**
     * @param training true to refuse held-out faces (the generator of a training run)
     */
    public TextRenderer(Settings settings, List<FontFace> faces, WordCorpus corpus, boolean training) {
        this.settings = settings;
        this.faces = FontCatalogue.installed(faces, training);
        this.corpus = corpus;
    }

    /** The training generator: installed training faces, the Debian word list. */
    public static TextRenderer training(Settings settings) {
        return new TextRenderer(settings, FontCatalogue.trainingFaces(), WordCorpus.debian(), true);
    }

    public Settings settings() {
        return settings;
    }

    public List<FontFace> faces() {
        return faces;
    }

    /** Sample {@code index} of the stream {@code seed}. */
    public synchronized Sample sample(long seed, long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
        FontFace face = faces.get(rng.nextInt(faces.size()));
        double xHeight = settings.minXHeight() + rng.nextDouble() * (settings.maxXHeight() - settings.minXHeight());
        Font font = font(face).deriveFont((float) (xHeight / xRatio(face)));
        double lineHeight = font.getSize2D() * (1.1 + rng.nextDouble() * 0.6);
        float paper = (float) (0.7 + 0.3 * rng.nextDouble());
        float ink = (float) (rng.nextDouble() * Math.max(0, paper - 0.45));
        double degrees = (rng.nextDouble() * 2 - 1) * settings.maxDegrees();
        int s = settings.side();
        // Page coordinates before rotation about the crop's centre: a margin is in view now and then,
        // so the edges of a text block are in distribution as well as its middle.
        double left = rng.nextDouble() < 0.15 ? rng.nextDouble() * s * 0.5 : -rng.nextDouble() * s * 4;
        double top = rng.nextDouble() < 0.1 ? rng.nextDouble() * s * 0.5 : -rng.nextDouble() * lineHeight;
        List<String> lines = new ArrayList<>();
        double reach = s * 1.5 - left;
        for (double base = top + font.getSize2D() * 0.8; base - font.getSize2D() < s * 1.3; base += lineHeight) {
            StringBuilder line = new StringBuilder(corpus.next(rng));
            while (font.getStringBounds(line.toString(), FRC).getWidth() < reach) {
                line.append(' ').append(corpus.next(rng));
            }
            lines.add(line.toString());
        }
        BufferedImage img = draw(s, s, font, lines, left, top + font.getSize2D() * 0.8, lineHeight, degrees, ink, paper);
        return new Sample(pixels(img), face, xHeight, degrees, ink, paper, List.copyOf(lines));
    }

    /**
     * A clean page: {@code lines} in {@code face} at x-height {@code xHeight}, black on white, left
     * margin and line spacing of one x-height and 1.5 font sizes (for OCR tests and evaluation pages).
     */
    public BufferedImage page(FontFace face, double xHeight, List<String> lines, int width, int height) {
        Font font = font(face).deriveFont((float) (xHeight / xRatio(face)));
        double lineHeight = font.getSize2D() * 1.5;
        return draw(width, height, font, lines, xHeight * 1.5, xHeight + font.getSize2D(), lineHeight, 0, 0f, 1f);
    }

    /** A clean page and the text on it. */
    public record Page(BufferedImage image, List<String> lines) {
    }

    /**
     * A clean page of {@code lineCount} lines of corpus words in {@code face} at x-height
     * {@code xHeight}, {@code width} wide, as tall as the lines need; both sides are multiples of 4
     * (the tokenizer's stride).
     */
    public Page page(FontFace face, double xHeight, int width, int lineCount, SplittableRandom rng) {
        Font font = font(face).deriveFont((float) (xHeight / xRatio(face)));
        List<String> lines = filledLines(font, width - 3 * xHeight, lineCount, rng);
        int height = (int) Math.ceil((2 * xHeight + font.getSize2D() * (1 + 1.5 * lineCount)) / 4) * 4;
        return new Page(page(face, xHeight, lines, width / 4 * 4, height), List.copyOf(lines));
    }

    /** {@code count} lines of corpus words, each holding as many words as fit in {@code room} pixels. */
    private List<String> filledLines(Font font, double room, int count, SplittableRandom rng) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder(corpus.next(rng));
            while (true) {
                String next = corpus.next(rng);
                if (font.getStringBounds(line + " " + next, FRC).getWidth() > room) {
                    break;
                }
                line.append(' ').append(next);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * A clean page of exactly {@code width} × {@code height} pixels holding as many lines of corpus
     * words in {@code face} at x-height {@code xHeight} as fit (at least one), each filled to the width.
     */
    public Page fixedPage(FontFace face, double xHeight, int width, int height, SplittableRandom rng) {
        Font font = font(face).deriveFont((float) (xHeight / xRatio(face)));
        int lineCount = linesThatFit(xHeight, font.getSize2D(), height);
        List<String> lines = filledLines(font, width - 3 * xHeight, lineCount, rng);
        return new Page(page(face, xHeight, lines, width, height), List.copyOf(lines));
    }

    /**
     * {@code text} (words separated by spaces) wrapped to {@code width} pixels in {@code face} at
     * x-height {@code xHeight}, on a clean page of exactly {@code width} × {@code height}; lines that
     * do not fit the height are left out.
     */
    public Page wrappedPage(FontFace face, double xHeight, String text, int width, int height) {
        Font font = font(face).deriveFont((float) (xHeight / xRatio(face)));
        int lineCount = linesThatFit(xHeight, font.getSize2D(), height);
        double room = width - 3 * xHeight;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringBounds(longer, FRC).getWidth() > room) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        List<String> shown = List.copyOf(lines.subList(0, Math.min(lineCount, lines.size())));
        return new Page(page(face, xHeight, shown, width, height), shown);
    }

    /** How many lines page() fits in {@code height}: a line fits when its descenders (about 0.3 sizes) do. */
    private static int linesThatFit(double xHeight, double size, int height) {
        return Math.max(1, (int) Math.floor((height - xHeight - 1.3 * size) / (1.5 * size)) + 1);
    }

    /** The pixel x-height of {@code face} at 1 pt (the visual height of a lower-case x). */
    public double xRatio(FontFace face) {
        return xRatios.computeIfAbsent(face, f ->
                font(f).deriveFont(100f).createGlyphVector(FRC, "x").getVisualBounds().getHeight() / 100.0);
    }

    private Font font(FontFace face) {
        return fonts.computeIfAbsent(face, FontFace::load);
    }

    private static BufferedImage draw(int w, int h, Font font, List<String> lines, double left, double firstBase,
                                      double lineHeight, double degrees, float ink, float paper) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(paper, paper, paper));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), w / 2.0, h / 2.0));
            g.setFont(font);
            g.setColor(new Color(ink, ink, ink));
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), (float) left, (float) (firstBase + i * lineHeight));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static float[] pixels(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] raw = img.getRaster().getPixels(0, 0, w, h, (int[]) null);
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] / 255f;
        }
        return out;
    }
}
