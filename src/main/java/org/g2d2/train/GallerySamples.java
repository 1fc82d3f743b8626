package org.g2d2.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.train.data.EmojiImages;
import org.g2d2.train.data.EmojiSplit;
import org.g2d2.train.data.FontCatalogue;
import org.g2d2.train.data.FontFace;
import org.g2d2.train.data.TextRenderer;
import org.g2d2.train.data.WordCorpus;

/**
 * The sample images the workbench's gallery shows for the text and emoji packs: clean pages in
 * the held-out fonts, and held-out emoji on white. Both come from the held-out side of their
 * split, so a user who restores a sample restores something the pack never saw.
 */
public final class GallerySamples {

    /**
     * One gallery page: its size, held-out face, x-height and text. The texts are everyday prose
     * written for the gallery rather than random words of the training corpus, so that a restored
     * sample reads as something a person would photograph.
     */
    record PageSpec(int width, int height, String family, boolean bold, double xHeight, String text) {
    }

    /** Two page sizes (256×96, 512×256) in serif, sans and mono held-out faces. */
    static final List<PageSpec> PAGES = List.of(
            new PageSpec(256, 96, "Nimbus Roman", false, 8,
                    "Meeting moved to Thursday at 14:30 in room B2. Please bring the draft report."),
            new PageSpec(256, 96, "Latin Modern Sans", false, 7,
                    "Receipt 0417: two coffees 6.80, one bagel 3.25, total 10.05. Thank you!"),
            new PageSpec(256, 96, "Nimbus Mono PS", true, 7,
                    "Platform 4: the 7:15 train to the coast leaves from here today."),
            new PageSpec(512, 256, "Latin Modern Roman", false, 11,
                    "Chapter 3. The river rose overnight, and by morning the old bridge was under water. "
                            + "Nobody in the village could remember a flood like it, not even the miller, "
                            + "who was ninety-one and remembered everything."),
            new PageSpec(512, 256, "Nimbus Sans", false, 10,
                    "Blurred or shrunken text is the picture people most often want restored: a scanned "
                            + "letter, a screenshot, the label on a box. A prior that has seen many printed "
                            + "letters can guess the strokes that a Wiener filter smooths away, and an OCR "
                            + "engine can tell whether the guess was right."),
            new PageSpec(512, 256, "C059", true, 11,
                    "Pancakes for four: 250 g flour, 2 eggs, 500 ml milk, a pinch of salt. Whisk until "
                            + "smooth, rest for 30 minutes, then fry in a hot pan, one ladle at a time."));

    private GallerySamples() {
    }

    /**
     * Writes the gallery pages into {@code dir}: {@code page-NN-WxH-face.png} and beside each a
     * {@code .txt} with its text. Pages whose face is not installed are left out.
     *
     * @return the PNG files written
     */
    public static List<Path> writeTextPages(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<FontFace> faces = FontCatalogue.installed(FontCatalogue.heldOutFaces(), false);
        TextRenderer r = new TextRenderer(TextRenderer.Settings.of(64), faces, WordCorpus.debian(), false);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < PAGES.size(); i++) {
            PageSpec s = PAGES.get(i);
            FontFace face = faces.stream().filter(f -> f.family().equals(s.family()) && f.bold() == s.bold())
                    .findFirst().orElse(null);
            if (face == null) {
                continue;
            }
            TextRenderer.Page page = r.wrappedPage(face, s.xHeight(), s.text(), s.width(), s.height());
            String base = String.format(Locale.ROOT, "page-%02d-%dx%d-%s", i + 1, s.width(), s.height(),
                    face.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            Path png = dir.resolve(base + ".png");
            ImageFiles.writePng(png, page.image());
            AtomicFiles.writeString(dir.resolve(base + ".txt"), String.join("\n", page.lines()) + "\n");
            written.add(png);
        }
        return written;
    }

    /**
     * Writes {@code count} held-out emoji, composited on white, into {@code dir} as 64×64 RGB PNGs
     * under their own file names: every k-th of the sorted held-out names, so that the choice
     * spreads over the whole set (faces, objects, flags, …) and is the same on every run.
     *
     * @return the PNG files written
     */
    public static List<Path> writeEmoji(Path emojiFolder, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        EmojiImages held = EmojiImages.load(emojiFolder, EmojiSplit.Part.HELD_OUT, 1, 0, EmojiImages.Augmentation.NONE);
        int n = held.emojiCount();
        int take = Math.min(count, n);
        List<Path> written = new ArrayList<>();
        for (int j = 0; j < take; j++) {
            int index = (int) ((long) j * n / take);
            Path png = dir.resolve(held.name(index));
            ImageFiles.writePng(png, EmojiData.image(held, index));
            written.add(png);
        }
        return written;
    }
}
