package org.g2d2.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.g2d2.train.data.EmojiSplit;
import org.g2d2.train.data.FontCatalogue;
import org.g2d2.train.data.FontFace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery samples of the text and emoji packs: held-out only, at the declared sizes, with their licence. */
class GallerySamplesTest {

    @TempDir
    Path dir;

    @Test
    void committedEmojiSamplesAreHeldOutAndCarryTheirLicence() throws Exception {
        Path emoji = Path.of("assets/samples/emoji");
        List<Path> pngs = pngs(emoji);
        assertThat(pngs).hasSizeGreaterThanOrEqualTo(4);
        for (Path p : pngs) {
            assertThat(EmojiSplit.heldOut(p.getFileName().toString())).as(p.toString()).isTrue();
            BufferedImage img = ImageIO.read(p.toFile());
            assertThat(img.getWidth()).isEqualTo(64);
            assertThat(img.getHeight()).isEqualTo(64);
        }
        assertThat(Files.readString(emoji.resolve("NOTICE.md"))).contains("Apache License, Version 2.0", "Noto Emoji");
        assertThat(Files.readString(emoji.resolve("LICENSE-Apache-2.0.txt"))).contains("Apache License");
    }

    @Test
    void committedTextSamplesComeInBothSizesWithTheirText() throws Exception {
        List<Path> pngs = pngs(Path.of("assets/samples/text"));
        assertThat(pngs).hasSizeGreaterThanOrEqualTo(4);
        int small = 0;
        int large = 0;
        for (Path p : pngs) {
            BufferedImage img = ImageIO.read(p.toFile());
            small += img.getWidth() == 256 && img.getHeight() == 96 ? 1 : 0;
            large += img.getWidth() == 512 && img.getHeight() == 256 ? 1 : 0;
            String name = p.getFileName().toString();
            Path txt = p.resolveSibling(name.substring(0, name.length() - 4) + ".txt");
            assertThat(Files.readString(txt).strip()).isNotEmpty();
            assertThat(name).matches("page-\\d\\d-\\d+x\\d+-.*\\.png");
        }
        assertThat(small).isPositive();
        assertThat(large).isPositive();
    }

    @Test
    void textPagesAreWrittenInHeldOutFacesWithTheWholeTextOnThePage() throws Exception {
        assumeTrue(FontCatalogue.heldOutFaces().stream().map(FontFace::file).allMatch(Files::isRegularFile),
                "the held-out fonts (fonts-urw-base35, fonts-lmodern) are not installed");
        List<Path> written = GallerySamples.writeTextPages(dir);
        assertThat(written).hasSize(GallerySamples.PAGES.size());
        for (int i = 0; i < written.size(); i++) {
            GallerySamples.PageSpec spec = GallerySamples.PAGES.get(i);
            BufferedImage img = ImageIO.read(written.get(i).toFile());
            assertThat(img.getWidth()).isEqualTo(spec.width());
            assertThat(img.getHeight()).isEqualTo(spec.height());
            String name = written.get(i).getFileName().toString();
            String text = Files.readString(dir.resolve(name.replace(".png", ".txt")));
            // the page holds the whole text, only wrapped
            assertThat(text.strip().replaceAll("\\s+", " ")).isEqualTo(spec.text());
            assertThat(FontCatalogue.heldOutFaces().stream().anyMatch(f -> f.family().equals(spec.family()))).isTrue();
        }
    }

    @Test
    void emojiSamplesAreTakenFromTheHeldOutPartOnly() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("png"));
        int held = 0;
        for (int i = 0; held < 5; i++) {
            String name = String.format(java.util.Locale.ROOT, "1f%03x.png", i);
            held += EmojiSplit.heldOut(name) ? 1 : 0;
            BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
            img.setRGB(10, 10, 0xff102030);
            ImageIO.write(img, "png", folder.resolve(name).toFile());
        }
        List<Path> written = GallerySamples.writeEmoji(folder, 3, dir.resolve("out"));
        assertThat(written).hasSize(3);
        for (Path p : written) {
            assertThat(EmojiSplit.heldOut(p.getFileName().toString())).isTrue();
            BufferedImage img = ImageIO.read(p.toFile());
            // transparent pixels land on white, opaque ones keep their colour
            assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
            assertThat(img.getRGB(10, 10) & 0xffffff).isEqualTo(0x102030);
        }
    }

    private static List<Path> pngs(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
    }
}
