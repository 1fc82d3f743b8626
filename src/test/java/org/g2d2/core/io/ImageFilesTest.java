package org.g2d2.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void greyPngRoundTripsExactly() throws Exception {
        float[] d = new float[16 * 16];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.round(i % 256 / 255f * 255f) / 255f * 2 - 1;
        }
        Image img = new Image(1, 16, 16, d);
        Path f = dir.resolve("g.png");
        ImageFiles.writePng(f, img);
        Image back = ImageFiles.load(f, 1, 16, 16);
        for (int i = 0; i < d.length; i++) {
            assertThat(back.data()[i]).isCloseTo(d[i], within(1e-5f));
        }
    }

    @Test
    void colourImageIsCentreCroppedResizedAndTurnedGrey() throws Exception {
        BufferedImage src = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                // the outer 16 columns on each side are red; the centre square is white
                src.setRGB(x, y, x < 16 || x >= 80 ? 0xff0000 : 0xffffff);
            }
        }
        Path f = dir.resolve("c.png");
        ImageIO.write(src, "png", f.toFile());
        Image fitted = ImageFiles.load(f, 1, 32, 32);
        assertThat(fitted.channels()).isEqualTo(1);
        for (float v : fitted.data()) {
            assertThat(v).isCloseTo(1f, within(0.02f));
        }
        Image colour = ImageFiles.load(f, 3, 8, 12);
        assertThat(colour.get(1, 4, 0)).isCloseTo(-1f, within(0.05f));
        assertThat(colour.get(0, 4, 0)).isCloseTo(1f, within(0.05f));
    }

    @Test
    void badFilesGiveOneClearLine() throws Exception {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "hello, not an image");
        assertThatThrownBy(() -> ImageFiles.read(text)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not in a format this program reads").hasMessageContaining("png");
        assertThatThrownBy(() -> ImageFiles.read(dir.resolve("missing.png"))).hasMessageContaining("does not exist");
        Path truncated = dir.resolve("cut.png");
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", full);
        Files.write(truncated, java.util.Arrays.copyOf(full.toByteArray(), 60));
        assertThatThrownBy(() -> ImageFiles.read(truncated)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cut.png");
    }

    @Test
    void hugeImagesAreRefusedFromTheHeaderBeforeDecoding() throws Exception {
        Path huge = dir.resolve("huge.png");
        Files.write(huge, pngHeaderOnly(10_000, 5_000));
        assertThatThrownBy(() -> ImageFiles.read(huge)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("10000x5000").hasMessageContaining("at most 40 megapixels");
    }

    /** A PNG signature and IHDR chunk claiming the given size, with no pixel data behind it. */
    private static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(width);
        c.writeInt(height);
        c.write(new byte[] {8, 2, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        out.writeInt(13);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
