package org.g2d2.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSetsTest {

    @TempDir
    Path dir;

    @Test
    void readsAndPadsIdxImagesWithLabels() throws IOException {
        writeIdx(dir, "t10k", 3, 2, 2);
        TestSet t = TestSets.idx(dir, "t10k", 1, 2, 4);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.labels()).containsExactly(1, 2);
        // image 1 holds pixels 10..13 in a 2x2 block, centred in 4x4 with background −1
        assertThat(t.images().get(0).get(0, 0, 0)).isEqualTo(-1f);
        assertThat(t.images().get(0).get(0, 1, 1)).isEqualTo(10 / 127.5f - 1f);
        assertThat(t.images().get(0).get(0, 2, 2)).isEqualTo(13 / 127.5f - 1f);
        assertThatThrownBy(() -> TestSets.idx(dir, "t10k", 2, 5, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds 3 items");
        assertThatThrownBy(() -> TestSets.idx(dir, "train", 0, 1, 4)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lacks");
    }

    @Test
    void readsTheFashionMnistTestSplitWhereInstalled() {
        assumeTrue(Files.isRegularFile(TestSets.FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz")));
        TestSet t = TestSets.idx(TestSets.FASHION_MNIST, "t10k", 0, 3, 32);
        assertThat(t.images().get(0).height()).isEqualTo(32);
        assertThat(t.labels()).containsExactly(9, 2, 1); // ankle boot, pullover, trouser
    }

    private static void writeIdx(Path dir, String split, int n, int rows, int cols) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
                Files.newOutputStream(dir.resolve(split + "-images-idx3-ubyte.gz"))))) {
            out.writeInt(2051);
            out.writeInt(n);
            out.writeInt(rows);
            out.writeInt(cols);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < rows * cols; p++) {
                    out.writeByte(10 * i + p);
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(
                Files.newOutputStream(dir.resolve(split + "-labels-idx1-ubyte.gz"))))) {
            out.writeInt(2049);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte(i);
            }
        }
    }
}
