package org.g2d2.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    static void writeIdx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file));
             DataOutputStream out = new DataOutputStream(os)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    /** Two 28×28 images (pixel value = image index·100 + 7 at (0, 0)) with labels 3 and 9. */
    static void writeSplit(Path dir, String split) throws IOException {
        byte[] px = new byte[2 * 784];
        px[0] = 7;
        px[784] = (byte) 107;
        px[784 + 27 * 28 + 27] = (byte) 255;
        writeIdx(dir.resolve(split + "-images-idx3-ubyte.gz"), 0x803, new int[] {2, 28, 28}, px);
        writeIdx(dir.resolve(split + "-labels-idx1-ubyte.gz"), 0x801, new int[] {2}, new byte[] {3, 9});
    }

    @Test
    void readsShapesLabelsAndPadsTo32() throws IOException {
        writeSplit(dir, "train");
        FashionMnist d = FashionMnist.load(dir, "train");
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.label(0)).isEqualTo(3);
        assertThat(d.label(1)).isEqualTo(9);
        // 28×28 sits at offset (2, 2) in the 32×32 frame; the border is background (0).
        assertThat(d.pixel(0, 2, 2)).isEqualTo(7);
        assertThat(d.pixel(1, 2, 2)).isEqualTo(107);
        assertThat(d.pixel(1, 29, 29)).isEqualTo(255);
        assertThat(d.pixel(0, 0, 0)).isZero();
    }

    @Test
    void realTrainingSplitHas60000ImagesOf28x28() {
        Path real = Path.of("/usr/share/datasets/fashion-mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(real));
        IdxFile labels = IdxFile.read(real.resolve("train-labels-idx1-ubyte.gz"), 1);
        assertThat(labels.dims()).containsExactly(60000);
        IdxFile images = IdxFile.read(real.resolve("t10k-images-idx3-ubyte.gz"), 3);
        assertThat(images.dims()).containsExactly(10000, 28, 28);
    }

    @Test
    void badInputIsOneClearError() throws IOException {
        assertThatThrownBy(() -> FashionMnist.load(dir.resolve("missing"), "train"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        Files.write(dir.resolve("x.gz"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> IdxFile.read(dir.resolve("x.gz"), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid gzip");
        writeIdx(dir.resolve("m.gz"), 0x0d03, new int[] {1, 1, 1}, new byte[1]);
        assertThatThrownBy(() -> IdxFile.read(dir.resolve("m.gz"), 3))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("allowed: 0x00000803");
        writeIdx(dir.resolve("short.gz"), 0x801, new int[] {10}, new byte[4]);
        assertThatThrownBy(() -> IdxFile.read(dir.resolve("short.gz"), 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ends early");
    }
}
