package org.g2d2.app.files;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.g2d2.core.Image;
import org.g2d2.core.io.ImageFiles;

/** A grid of results, each enlarged without smoothing, with its label and status beneath. */
public final class ContactSheet {

    /** One tile: the image (null when it failed or never ran) and two lines of text. */
    public record Cell(Image image, String title, String status) {
    }

    private static final int PAD = 10;
    private static final int TEXT = 34;

    private ContactSheet() {
    }

    public static BufferedImage render(List<Cell> cells, int columns, int tile) {
        int cols = Math.max(1, Math.min(columns, Math.max(1, cells.size())));
        int rows = Math.max(1, (cells.size() + cols - 1) / cols);
        int cw = tile + PAD;
        int ch = tile + TEXT + PAD;
        BufferedImage out = new BufferedImage(PAD + cols * cw, PAD + rows * ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                int x = PAD + (i % cols) * cw;
                int y = PAD + (i / cols) * ch;
                if (c.image() != null) {
                    g.drawImage(ImageFiles.toBufferedImage(c.image()), x, y, tile, tile, null);
                } else {
                    g.setColor(new Color(0xEEEEEE));
                    g.fillRect(x, y, tile, tile);
                }
                g.setColor(new Color(0x222222));
                g.drawString(fit(g, c.title(), tile), x, y + tile + 14);
                g.setColor(new Color(0x666666));
                g.drawString(fit(g, c.status() == null ? "" : c.status(), tile), x, y + tile + 28);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    private static String fit(Graphics2D g, String s, int width) {
        String t = s;
        while (t.length() > 3 && g.getFontMetrics().stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2);
        }
        return t.equals(s) ? s : t + "\u2026";
    }
}
