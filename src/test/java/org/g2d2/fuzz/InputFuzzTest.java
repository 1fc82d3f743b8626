package org.g2d2.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.g2d2.core.io.RawImages;
import org.g2d2.app.files.RunBundle;
import org.g2d2.app.files.SettingsFile;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.Json;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.PackManifest;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * Fuzzing of every file the program reads from a user: images, model packs (model.json and the
 * safetensors weights), run bundles and the settings file. Each property starts from valid files
 * and applies random edits (see {@link Mutations}); a run must end in a result or the project's
 * own user error, within {@link Guard#LIMIT}, allocating no more than the size limits allow.
 *
 * <p>The number of inputs per property is {@code jqwik.tries.default}: small in
 * src/test/resources/junit-platform.properties for {@code mvn test}, large in the {@code fuzz}
 * profile. The seed is fixed, so a run is repeatable.
 */
class InputFuzzTest {

    private static final String SEED = "20261129";
    private static final long MIB = 1 << 20;
    /** A decoded image may hold MAX_PIXELS ARGB ints plus the decoder's working rows. */
    private static final long IMAGE_BYTES = ImageFiles.MAX_PIXELS * 4 * 2 + 64 * MIB;
    private static final Path TOY = Path.of("models/toy");

    private static Path work;
    private static final List<byte[]> IMAGE_SEEDS = new ArrayList<>();
    private static final List<byte[]> WEIGHT_SEEDS = new ArrayList<>();
    private static final List<byte[]> BUNDLE_SEEDS = new ArrayList<>();
    private static String manifest;

    @BeforeContainer
    static void seeds() throws IOException {
        work = Files.createTempDirectory("g2d2-fuzz");
        for (String format : new String[] {"png", "jpeg", "gif", "bmp"}) {
            IMAGE_SEEDS.add(encode(gradient(format.equals("png") ? BufferedImage.TYPE_INT_ARGB
                    : BufferedImage.TYPE_3BYTE_BGR, 12, 9), format));
        }
        IMAGE_SEEDS.add(encode(gradient(BufferedImage.TYPE_BYTE_GRAY, 32, 32), "png"));
        IMAGE_SEEDS.add(Bombs.png(100_000, 100_000));
        IMAGE_SEEDS.add(Bombs.gif(65_535, 65_535));
        manifest = Files.readString(TOY.resolve("model.json"));
        WEIGHT_SEEDS.add(Files.readAllBytes(TOY.resolve("toy.safetensors")));
        BUNDLE_SEEDS.add(bundle(record(), raw(gradientImage(1, 8, 8)), raw(gradientImage(1, 8, 8))));
        BUNDLE_SEEDS.add(bundle(record(), raw(gradientImage(3, 4, 5)), null));
        // the engine's native libraries load once per JVM: not inside the first input's time limit
        ModelPackLoader.load(TOY, Device.cpu()).close();
    }

    @AfterContainer
    static void report() throws IOException {
        for (String target : new String[] {"images", "bombs", "model.json", "safetensors", "safetensors headers",
            "run bundles", "bundle bombs", "settings"}) {
            System.out.println(Guard.summary(target));
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // --- images -------------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> imageFiles() {
        return Mutations.mutated(IMAGE_SEEDS, 4);
    }

    @Property(seed = SEED)
    void imagesDecodeAndFitOrAreRefused(@ForAll("imageFiles") byte[] bytes) throws IOException {
        Path file = write("image", bytes);
        Guard.check("images", IMAGE_BYTES, () -> {
            BufferedImage img = ImageFiles.read(file);
            assertThat((long) img.getWidth() * img.getHeight()).isLessThanOrEqualTo(ImageFiles.MAX_PIXELS);
            Image grey = ImageFiles.fit(img, 1, 32, 32);
            Image colour = ImageFiles.fit(img, 3, 16, 24);
            assertThat(grey.data()).hasSize(32 * 32);
            assertThat(colour.data()).hasSize(3 * 16 * 24);
            return "decoded";
        });
    }

    @Example
    void declaredGiantsAreRefusedBeforeDecoding() throws IOException {
        byte[][] bombs = {Bombs.png(100_000, 100_000), Bombs.png(1 << 30, 8), Bombs.gif(65_535, 65_535),
            Bombs.bmp(50_000, 50_000), Bombs.jpeg(65_000, 65_000)};
        for (byte[] bomb : bombs) {
            Path file = write("bomb", bomb);
            Guard.check("bombs", 16 * MIB, () -> {
                // refused from the header (the size, or a header the reader finds inconsistent), nothing decoded
                assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(InvalidInputException.class)
                        .message().containsAnyOf("megapixels", "corrupt");
                return "";
            });
        }
    }

    // --- model packs --------------------------------------------------------------------------

    @Provide
    Arbitrary<String> manifests() {
        return Mutations.json(List.of(manifest), 3);
    }

    @Property(seed = SEED)
    void manifestsLoadOrAreRefused(@ForAll("manifests") String json) throws IOException {
        Path pack = pack(json.getBytes(StandardCharsets.UTF_8), WEIGHT_SEEDS.get(0), false);
        Guard.check("model.json", 256 * MIB, () -> load(pack));
    }

    @Provide
    Arbitrary<byte[]> weights() {
        return Mutations.mutated(WEIGHT_SEEDS, 3);
    }

    @Property(seed = SEED)
    void weightFilesLoadOrAreRefused(@ForAll("weights") byte[] bytes) throws IOException {
        // the manifest records the mutated file's hash: a pack damaged before it was hashed
        Path pack = pack(manifest.getBytes(StandardCharsets.UTF_8), bytes, true);
        Guard.check("safetensors", 256 * MIB, () -> load(pack));
    }

    @Example
    void weightHeadersThatClaimMoreThanTheFileAreRefused() throws IOException {
        byte[] seed = WEIGHT_SEEDS.get(0);
        for (long claimed : new long[] {Long.MAX_VALUE, 1L << 40, Integer.MAX_VALUE, seed.length, -8}) {
            byte[] b = seed.clone();
            ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, claimed);
            Path pack = pack(manifest.getBytes(StandardCharsets.UTF_8), b, true);
            Guard.check("safetensors headers", 16 * MIB, () -> {
                assertThatThrownBy(() -> load(pack)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("toy.safetensors");
                return "";
            });
        }
    }

    private static String load(Path pack) {
        try (ModelPack p = ModelPackLoader.load(pack, Device.cpu())) {
            PackManifest m = p.manifest();
            if (m.presets() != null) {
                m.presets().values().forEach(preset -> SamplerSettings.PAPER_BLUR.overriddenBy(preset));
            }
            return "loaded";
        }
    }

    // --- run bundles ----------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> bundles() {
        return Mutations.mutated(BUNDLE_SEEDS, 3);
    }

    @Property(seed = SEED)
    void runBundlesReadOrAreRefused(@ForAll("bundles") byte[] bytes) throws IOException {
        Path file = write("bundle", bytes);
        Guard.check("run bundles", 512 * MIB, () -> reopen(file));
    }

    @Provide
    Arbitrary<String> records() {
        return Mutations.json(List.of(record()), 3);
    }

    @Property(seed = SEED)
    void runRecordsInsideBundlesReadOrAreRefused(@ForAll("records") String json) throws IOException {
        Path file = write("bundle", bundle(json, raw(gradientImage(1, 8, 8)), null));
        Guard.check("run bundles", 512 * MIB, () -> reopen(file));
    }

    @Example
    void aRecordThatInflatesToGigabytesIsRefused() throws IOException {
        // 64 MiB of spaces deflate to about 64 KiB; the record reader must stop long before the end
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("run.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                out.write(spaces);
            }
            out.write(record().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("input.f32"));
            out.write(raw(gradientImage(1, 4, 4)));
            out.closeEntry();
        }
        Path file = write("bomb.g2d2run", zip.toByteArray());
        Guard.check("bundle bombs", 32 * MIB, () -> {
            assertThatThrownBy(() -> RunBundle.read(file)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("larger than");
            return "";
        });
    }

    /** What reopening a bundle does: read it, then rebuild its operator and sampler settings. */
    private static String reopen(Path file) {
        RunBundle.Contents c = RunBundle.read(file);
        OperatorSpec.fromJson(c.record().operator());
        SamplerSettings.PAPER_BLUR.overriddenBy(c.record().settings());
        return "read";
    }

    // --- settings -------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> settingsTexts() {
        return Mutations.json(List.of("{\"pack\":\"models/fashion-mnist\",\"sampler\":{\"steps\":\"15\",\"preset\":"
                + "\"interactive\"},\"window\":{\"x\":10,\"y\":20,\"width\":1200,\"height\":800},\"recent\":[\"a.png\"]}"), 4);
    }

    @Property(seed = SEED)
    void settingsFilesAlwaysLoad(@ForAll("settingsTexts") String text) throws IOException {
        Path file = write("workbench.json", text.getBytes(StandardCharsets.UTF_8));
        Guard.check("settings", 64 * MIB, () -> {
            JsonObject loaded = new SettingsFile(file).load();
            assertThat(loaded).isNotNull();
            // saving keeps what was loaded (null members aside, which the writer leaves out), and again
            SettingsFile copy = new SettingsFile(work.resolve("copy.json"));
            copy.save(loaded);
            JsonObject saved = copy.load();
            assertThat(saved.keySet()).isSubsetOf(loaded.keySet());
            copy.save(saved);
            assertThat(copy.load()).isEqualTo(saved);
            return loaded.size() == 0 ? "defaults" : "kept";
        });
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Path write(String name, byte[] bytes) throws IOException {
        Path file = work.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** A copy of the toy pack with this manifest and weights (and, if asked, the weights' hash recorded). */
    private static Path pack(byte[] manifestBytes, byte[] weights, boolean rehash) throws IOException {
        Path dir = work.resolve("pack");
        Files.createDirectories(dir);
        Files.write(dir.resolve("toy.safetensors"), weights);
        byte[] m = manifestBytes;
        if (rehash) {
            JsonObject o = Json.GSON.fromJson(new String(m, StandardCharsets.UTF_8), JsonObject.class);
            o.getAsJsonObject("weights").addProperty("toy.safetensors",
                    ModelPackLoader.sha256(dir.resolve("toy.safetensors")));
            m = Json.GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
        }
        Files.write(dir.resolve(ModelPackLoader.MANIFEST), m);
        return dir;
    }

    static String record() {
        JsonObject o = new JsonObject();
        o.addProperty("format", 1);
        o.addProperty("program", "g2d2 workbench");
        o.addProperty("created", "2026-11-29T21:00:00Z");
        o.addProperty("pack", "toy 1");
        o.addProperty("mode", "simulate");
        o.add("operator", OperatorSpec.blur(1.5, 9).toJson());
        o.addProperty("noiseSigma", 0.05);
        o.add("settings", SamplerSettings.PAPER_BLUR.toJson());
        o.add("metrics", new JsonObject());
        return o.toString();
    }

    private static byte[] bundle(String record, byte[] input, byte[] restored) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("run.json"));
            out.write(record.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("input.f32"));
            out.write(input);
            out.closeEntry();
            if (restored != null) {
                out.putNextEntry(new ZipEntry("restored.f32"));
                out.write(restored);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private static byte[] raw(Image image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RawImages.write(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Image gradientImage(int c, int h, int w) {
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 17) / 8f - 1;
        }
        return new Image(c, h, w, d);
    }

    private static BufferedImage gradient(int type, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0x80000000 | (x * 20 << 16) | (y * 25 << 8) | ((x + y) * 7));
            }
        }
        return img;
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no " + format + " writer");
        }
        return out.toByteArray();
    }

    /** Small files whose headers declare enormous images. */
    static final class Bombs {

        private Bombs() {
        }

        static byte[] png(int w, int h) {
            ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", ihdr.array());
            chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        }

        private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
            byte[] t = type.getBytes(StandardCharsets.US_ASCII);
            out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
            out.writeBytes(t);
            out.writeBytes(data);
            CRC32 crc = new CRC32();
            crc.update(t);
            crc.update(data);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }

        static byte[] gif(int w, int h) {
            ByteBuffer b = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) w).putShort((short) h)
                    .put((byte) 0).put((byte) 0).put((byte) 0);
            b.put((byte) 0x2c).putShort((short) 0).putShort((short) 0).putShort((short) w).putShort((short) h)
                    .put((byte) 0);
            b.put((byte) 2).put((byte) 2).put((byte) 0x4c).put((byte) 0x01).put((byte) 0).put((byte) 0x3b);
            return java.util.Arrays.copyOf(b.array(), b.position());
        }

        static byte[] bmp(int w, int h) {
            ByteBuffer b = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 'B').put((byte) 'M').putInt(64).putInt(0).putInt(54);
            b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
                    .putInt(2835).putInt(2835).putInt(0).putInt(0);
            return b.array();
        }

        static byte[] jpeg(int w, int h) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
            // SOF0: length 11, precision 8, height, width, 1 component (id 1, sampling 0x11, table 0)
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (h >> 8), (byte) h,
                (byte) (w >> 8), (byte) w, 1, 1, 0x11, 0});
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
            return out.toByteArray();
        }
    }
}
