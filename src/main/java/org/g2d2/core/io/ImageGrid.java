package org.g2d2.core.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.g2d2.core.Image;

/**
 * Images in a grid on white, each scaled to fit its tile with its aspect ratio kept (enlarged
 * without smoothing, so pixels stay visible; shrunk smoothly), centred, with optional
 * column headings above and up to two lines of text beneath each tile. The evaluation figure and
 * the workbench's contact sheet are both drawn by it.
 */
public final class ImageGrid {

    /** One tile: the image (null draws an empty grey tile) and its title and status (either may be null). */
    public record Cell(Image image, String title, String status) {
    }

    private static final int GAP = 6;
    private static final int HEADER = 18;
    private static final int LINE = 14;

    private ImageGrid() {
    }

    /**
     * Draws {@code cells} row by row, {@code columns} to a row, each tile {@code tileWidth} ×
     * {@code tileHeight} pixels; {@code headings} (may be empty) label the columns.
     */
    public static BufferedImage render(List<String> headings, List<Cell> cells, int columns, int tileWidth,
                                       int tileHeight) {
        int cols = Math.max(1, Math.min(columns, Math.max(1, cells.size())));
        int rows = Math.max(1, (cells.size() + cols - 1) / cols);
        int lines = 0;
        for (Cell c : cells) {
            lines = Math.max(lines, (c.title() == null ? 0 : 1) + (c.status() == null ? 0 : 1));
        }
        int top = headings.isEmpty() ? 0 : HEADER;
        int cw = tileWidth + GAP;
        int ch = tileHeight + lines * LINE + GAP;
        BufferedImage out = new BufferedImage(GAP + cols * cw, top + GAP + rows * ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.BLACK);
            for (int c = 0; c < Math.min(cols, headings.size()); c++) {
                g.drawString(fit(g, headings.get(c), tileWidth), GAP + c * cw, HEADER - 5);
            }
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                int x = GAP + (i % cols) * cw;
                int y = top + GAP + (i / cols) * ch;
                if (cell.image() != null) {
                    drawFitted(g, cell.image(), x, y, tileWidth, tileHeight);
                } else {
                    g.setColor(new Color(0xEEEEEE));
                    g.fillRect(x, y, tileWidth, tileHeight);
                }
                int line = y + tileHeight;
                if (cell.title() != null) {
                    line += LINE;
                    g.setColor(new Color(0x222222));
                    g.drawString(fit(g, cell.title(), tileWidth), x, line);
                }
                if (cell.status() != null) {
                    line += LINE;
                    g.setColor(new Color(0x666666));
                    g.drawString(fit(g, cell.status(), tileWidth), x, line);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Draws {@code image} as large as fits the tile, aspect ratio kept, centred. */
    private static void drawFitted(Graphics2D g, Image image, int x, int y, int tileWidth, int tileHeight) {
        double scale = Math.min((double) tileWidth / image.width(), (double) tileHeight / image.height());
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale < 1
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(ImageFiles.toBufferedImage(image), x + (tileWidth - w) / 2, y + (tileHeight - h) / 2, w, h, null);
    }

    private static String fit(Graphics2D g, String s, int width) {
        String t = s;
        while (t.length() > 3 && g.getFontMetrics().stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2);
        }
        return t.equals(s) ? s : t + "\u2026";
    }
}
