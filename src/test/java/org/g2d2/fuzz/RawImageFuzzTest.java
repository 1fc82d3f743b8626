package org.g2d2.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.g2d2.app.files.RunBundle;
import org.g2d2.core.InvalidInputException;

/**
 * The exact-float images inside run bundles with hostile headers: channels, height and width drawn
 * across every order of magnitude (and the 32-bit boundaries), followed by however many bytes the
 * input happens to carry. Reading one must cost memory in proportion to the bytes really in the
 * bundle, never to the size its header declares.
 */
class RawImageFuzzTest {

    private static final String SEED = "20261130";
    private static final long MIB = 1 << 20;
    /** Opening the zip and parsing the record, with room to spare; the image itself adds 4× its bytes. */
    private static final long BASE_BYTES = 8 * MIB;

    private static Path work;

    @BeforeContainer
    static void workDir() throws IOException {
        work = Files.createTempDirectory("g2d2-raw-fuzz");
    }

    @AfterContainer
    static void report() throws IOException {
        System.out.println(Guard.summary("raw images"));
        try (var files = Files.list(work)) {
            files.forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(work);
    }

    /** A header's size fields and the number of value bytes that actually follow it. */
    record Declared(int channels, int height, int width, int payloadBytes) {

        long declaredBytes() {
            return 4L * channels * height * width;
        }
    }

    @Provide
    Arbitrary<Declared> headers() {
        Arbitrary<Integer> side = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 17).flatMap(e -> Arbitraries.integers().between(1 << e, (2 << e) - 1)),
                Arbitraries.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 16, 6325, 6324));
        Arbitrary<Integer> channels = Arbitraries.oneOf(Arbitraries.integers().between(1, 4),
                Arbitraries.of(0, 5, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
        Arbitrary<Integer> payload = Arbitraries.integers().between(0, 16_384);
        return Combinators.combine(channels, side, side, payload, Arbitraries.integers().between(0, 2))
                .as((c, h, w, p, exact) -> {
                    long need = 4L * c * h * w;
                    // a third of the inputs carry exactly what the header declares, when that is small
                    boolean fits = exact == 0 && c > 0 && h > 0 && w > 0 && need <= 65_536;
                    return new Declared(c, h, w, fits ? (int) need : p);
                });
    }

    @Property(seed = SEED)
    void bundleImagesCostNoMoreThanTheirBytes(@ForAll("headers") Declared d) throws IOException {
        byte[] raw = raw(d);
        Path file = Files.write(work.resolve("raw.g2d2run"), bundle(raw));
        Guard.check("raw images", BASE_BYTES + 4L * raw.length, () -> {
            RunBundle.Contents c = RunBundle.read(file);
            assertThat(c.input().data()).hasSize(d.channels() * d.height() * d.width());
            assertThat((long) d.payloadBytes()).isGreaterThanOrEqualTo(d.declaredBytes());
            return "read";
        });
    }

    @Example
    void aHeaderDeclaringMoreThanTheFileHoldsIsRefusedNamingBoth() throws IOException {
        Path file = Files.write(work.resolve("short.g2d2run"), bundle(raw(new Declared(1, 4096, 4096, 100))));
        Guard.check("raw images", BASE_BYTES, () -> {
            assertThatThrownBy(() -> RunBundle.read(file)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("1x4096x4096").hasMessageContaining("holds only 120 bytes");
            return "";
        });
    }

    @Example
    void aHeaderOverTheImageLimitsIsRefusedNamingTheLimit() throws IOException {
        Path wide = Files.write(work.resolve("wide.g2d2run"), bundle(raw(new Declared(1, 5000, 9000, 0))));
        assertThatThrownBy(() -> RunBundle.read(wide)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("9000x5000 = 45.0 megapixels").hasMessageContaining("at most 40 megapixels");
        Path deep = Files.write(work.resolve("deep.g2d2run"), bundle(raw(new Declared(5, 2, 2, 80))));
        assertThatThrownBy(() -> RunBundle.read(deep)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("5x2x2").hasMessageContaining("channels 1 to 4");
    }

    @Example
    void anImageCarryingItsValuesReadsBackExactly() throws IOException {
        Path file = Files.write(work.resolve("ok.g2d2run"), bundle(raw(new Declared(3, 2, 5, 120))));
        RunBundle.Contents c = RunBundle.read(file);
        assertThat(c.input().channels()).isEqualTo(3);
        assertThat(c.input().height()).isEqualTo(2);
        assertThat(c.input().width()).isEqualTo(5);
        assertThat(c.input().data()[29]).isEqualTo(value(29));
    }

    private static float value(int i) {
        return (i % 13) / 6f - 1;
    }

    private static byte[] raw(Declared d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeBytes("G2D2IMG1");
            out.writeInt(d.channels());
            out.writeInt(d.height());
            out.writeInt(d.width());
            for (int i = 0; i < d.payloadBytes() / 4; i++) {
                out.writeFloat(value(i));
            }
            for (int i = 0; i < d.payloadBytes() % 4; i++) {
                out.writeByte(i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] bundle(byte[] input) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("run.json"));
            out.write(InputFuzzTest.record().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("input.f32"));
            out.write(input);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }
}
