package org.g2d2.core.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.g2d2.core.AtomicFiles;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Json;
import org.g2d2.core.sampler.SamplerSettings;
import org.g2d2.core.sampler.SamplerState;
import org.g2d2.core.sampler.SplitMix64;

/**
 * The run bundle file ({@value #EXTENSION}, a zip): {@code run.json} (the original run's
 * {@link RunRecord}), its exact input and result ({@code input.f32}, {@code restored.f32}), the
 * images as PNG, and — since branching — {@code branches.json} with, per branch, the run it was
 * taken from, the step k it starts after, its settings and metrics, and under {@code branches/i/}
 * its exact result, the tokens of each step it ran and (when kept) the {@link SamplerState}s to
 * branch from. Branch 0 is the original. A bundle without {@code branches.json} (written before
 * branching) reads as one branch without states.
 */
public final class RunBundleFormat {

    public static final String EXTENSION = ".g2d2run";
    static final String RECORD = "run.json";
    static final String INPUT_RAW = "input.f32";
    static final String RESTORED_RAW = "restored.f32";
    static final String BRANCHES = "branches.json";
    private static final String TOKENS_MAGIC = "G2D2TOK1";
    private static final String STATES_MAGIC = "G2D2STA1";
    /** More than any sampler runs (N ≤ 1000); a count beyond it is a damaged file. */
    private static final int MAX_COUNT = 1000;
    private static final int MAX_BRANCHES = 256;
    private static final long MAX_VALUES = 64L * 1024 * 1024;

    /**
     * One branch of a run.
     *
     * @param parent the branch it was taken from, −1 for the original
     * @param fromStep k: the steps it shares with its parent (0 for the original)
     * @param restored its result, exact
     * @param metrics residualRatio, and psnr / ssim where the truth is known
     * @param stepTokens z_s of each step it ran (steps k+1 … N), oldest first; may be empty
     * @param states the states after its steps to branch from (step k+1 … N−1); may be empty
     */
    public record Branch(int parent, int fromStep, SamplerSettings settings, Image restored, JsonObject metrics,
                         List<int[]> stepTokens, List<SamplerState> states) {

        public Branch {
            stepTokens = List.copyOf(stepTokens);
            states = List.copyOf(states);
        }
    }

    /** What a bundle holds; {@code branches.get(0)} is the original run. */
    public record Contents(RunRecord record, Image input, List<Branch> branches) {

        /** The original run's result (null in a bundle written before results were kept). */
        public Image restored() {
            return branches.get(0).restored();
        }

        /**
         * The state after step k of branch {@code branch} (its own, or, for k up to where it was
         * taken, its parent's), or a clear error: k out of range, or a bundle without saved states.
         */
        public SamplerState stateAt(int branch, int k) {
            if (branch < 0 || branch >= branches.size()) {
                throw new InvalidInputException("the bundle has branches 0 to " + (branches.size() - 1)
                        + "; found branch " + branch);
            }
            int steps = branches.get(branch).settings().steps();
            if (k < 1 || k >= steps) {
                throw new InvalidInputException("--from-step must be from 1 to " + (steps - 1) + " (the run has "
                        + steps + " steps); found " + k);
            }
            for (int b = branch; b >= 0; b = branches.get(b).parent()) {
                Branch br = branches.get(b);
                if (k > br.fromStep() || b == 0) {
                    for (SamplerState s : br.states()) {
                        if (s.step() == k) {
                            return s;
                        }
                    }
                    break;
                }
            }
            throw new InvalidInputException("the bundle holds no saved sampler state for step " + k + " of branch "
                    + branch + " (it was saved without states); run it again to branch it");
        }
    }

    private RunBundleFormat() {
    }

    /**
     * Writes a bundle atomically (a temporary file, then a move).
     *
     * @param images the original's pictures by entry name ("measurement.png" → y, …), written as PNG
     * @param branches the original first, then its branches
     */
    public static void write(Path target, RunRecord record, Image input, java.util.Map<String, Image> images,
                             List<Branch> branches) throws IOException {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a bundle holds at least the original run");
        }
        AtomicFiles.write(target, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            put(zip, RECORD, Json.GSON.toJson(record).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(INPUT_RAW));
            RawImages.write(zip, input);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(RESTORED_RAW));
            RawImages.write(zip, branches.get(0).restored());
            zip.closeEntry();
            png(zip, "input.png", input);
            for (var e : images.entrySet()) {
                png(zip, e.getKey(), e.getValue());
            }
            JsonArray list = new JsonArray();
            for (int i = 0; i < branches.size(); i++) {
                Branch b = branches.get(i);
                String dir = "branches/" + i + "/";
                JsonObject o = new JsonObject();
                o.addProperty("parent", b.parent());
                o.addProperty("fromStep", b.fromStep());
                o.add("settings", b.settings().toJson());
                o.add("metrics", b.metrics());
                o.addProperty("restoredExact", dir + RESTORED_RAW);
                o.addProperty("restored", dir + "restored.png");
                o.addProperty("stepTokens", dir + "steps.bin");
                if (!b.states().isEmpty()) {
                    o.addProperty("states", dir + "states.bin");
                }
                list.add(o);
                zip.putNextEntry(new ZipEntry(dir + RESTORED_RAW));
                RawImages.write(zip, b.restored());
                zip.closeEntry();
                png(zip, dir + "restored.png", b.restored());
                zip.putNextEntry(new ZipEntry(dir + "steps.bin"));
                writeTokens(zip, b.stepTokens());
                zip.closeEntry();
                if (!b.states().isEmpty()) {
                    zip.putNextEntry(new ZipEntry(dir + "states.bin"));
                    writeStates(zip, b.states());
                    zip.closeEntry();
                }
            }
            JsonObject index = new JsonObject();
            index.addProperty("format", 1);
            index.add("branches", list);
            put(zip, BRANCHES, Json.GSON.toJson(index).getBytes(StandardCharsets.UTF_8));
            zip.finish();
        });
    }

    /** Reads a bundle; a file that is not one, or a damaged one, gives a plain message. */
    public static Contents read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("run bundle '" + file + "' does not exist or is not a file");
        }
        try (FileSystem zip = FileSystems.newFileSystem(file)) {
            Path json = zip.getPath(RECORD);
            Path raw = zip.getPath(INPUT_RAW);
            if (!Files.isRegularFile(json) || !Files.isRegularFile(raw)) {
                throw new InvalidInputException("'" + file + "' is not a G2D2 run bundle (it lacks " + RECORD
                        + " or " + INPUT_RAW + ")");
            }
            RunRecord record = RunRecord.read(json);
            Image input = image(zip.getPath(INPUT_RAW), "the bundle's input");
            Path restoredRaw = zip.getPath(RESTORED_RAW);
            Image restored = Files.isRegularFile(restoredRaw) ? image(restoredRaw, "the bundle's result") : null;
            Path index = zip.getPath(BRANCHES);
            List<Branch> branches = Files.isRegularFile(index)
                    ? branches(zip, index, file)
                    : List.of(new Branch(-1, 0, settings(record.settings()), restored,
                            record.metrics() == null ? new JsonObject() : record.metrics(), List.of(), List.of()));
            return new Contents(record, input, branches);
        } catch (IOException | java.nio.file.ProviderNotFoundException e) {
            throw new InvalidInputException("'" + file + "' is not a readable run bundle (" + e.getMessage() + ")");
        }
    }

    private static List<Branch> branches(FileSystem zip, Path index, Path file) throws IOException {
        JsonObject o;
        try (InputStream in = Files.newInputStream(index)) {
            byte[] bytes = in.readNBytes(RunRecord.MAX_BYTES + 1);
            if (bytes.length > RunRecord.MAX_BYTES) {
                throw damaged(file, BRANCHES + " is larger than 1 MiB");
            }
            o = Json.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), JsonObject.class);
        } catch (JsonParseException | ClassCastException e) {
            throw damaged(file, BRANCHES + " is not valid JSON");
        }
        if (o == null || !o.has("branches") || !o.get("branches").isJsonArray()) {
            throw damaged(file, BRANCHES + " has no branches list");
        }
        JsonArray list = o.getAsJsonArray("branches");
        if (list.isEmpty() || list.size() > MAX_BRANCHES) {
            throw damaged(file, "it lists " + list.size() + " branches; 1 to " + MAX_BRANCHES + " are allowed");
        }
        List<Branch> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                JsonObject b = list.get(i).getAsJsonObject();
                int parent = b.get("parent").getAsInt();
                int fromStep = b.get("fromStep").getAsInt();
                if (i == 0 ? parent != -1 || fromStep != 0 : parent < 0 || parent >= i || fromStep < 1) {
                    throw damaged(file, "branch " + i + " starts from branch " + parent + " at step " + fromStep);
                }
                SamplerSettings settings = settings(b.getAsJsonObject("settings"));
                Image restored = image(zip.getPath(b.get("restoredExact").getAsString()), "its result");
                List<int[]> tokens = readTokens(zip.getPath(b.get("stepTokens").getAsString()), file);
                List<SamplerState> states = b.has("states")
                        ? readStates(zip.getPath(b.get("states").getAsString()), file) : List.of();
                JsonElement metrics = b.get("metrics");
                out.add(new Branch(parent, fromStep, settings, restored,
                        metrics != null && metrics.isJsonObject() ? metrics.getAsJsonObject() : new JsonObject(),
                        tokens, states));
            } catch (IllegalStateException | UnsupportedOperationException | NullPointerException
                     | NumberFormatException e) {
                throw damaged(file, "branch " + i + " is incomplete (" + e.getMessage() + ")");
            } catch (InvalidInputException e) {
                if (e.getMessage().startsWith("run bundle '")) {
                    throw e;
                }
                throw damaged(file, "branch " + i + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static SamplerSettings settings(JsonObject json) {
        return SamplerSettings.PAPER_BLUR.overriddenBy(json);
    }

    private static Image image(Path entry, String what) throws IOException {
        if (!Files.isRegularFile(entry)) {
            throw new InvalidInputException(what + " is missing from the bundle");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(entry))) {
            return RawImages.read(in, Files.size(entry), what);
        }
    }

    private static void writeTokens(OutputStream zip, List<int[]> steps) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip));
        out.writeBytes(TOKENS_MAGIC);
        out.writeInt(steps.size());
        out.writeInt(steps.isEmpty() ? 0 : steps.get(0).length);
        for (int[] z : steps) {
            for (int v : z) {
                out.writeInt(v);
            }
        }
        out.flush();
    }

    private static List<int[]> readTokens(Path entry, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
            magic(in, TOKENS_MAGIC, entry, file);
            int count = in.readInt();
            int length = in.readInt();
            if (count < 0 || count > MAX_COUNT || length < 0 || (long) count * length > MAX_VALUES) {
                throw damaged(file, entry + " claims " + count + " steps of " + length + " tokens");
            }
            List<int[]> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int[] z = new int[length];
                for (int n = 0; n < length; n++) {
                    z[n] = in.readInt();
                }
                out.add(z);
            }
            return out;
        } catch (java.io.EOFException e) {
            throw damaged(file, entry + " ends early");
        }
    }

    private static void writeStates(OutputStream zip, List<SamplerState> states) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(zip, 1 << 16));
        out.writeBytes(STATES_MAGIC);
        out.writeInt(states.size());
        for (SamplerState s : states) {
            out.writeInt(s.step());
            out.writeInt(s.steps());
            out.writeLong(s.seed());
            out.writeLong(s.draws().seed());
            out.writeLong(s.draws().gamma());
            out.writeLong(s.gumbel().seed());
            out.writeLong(s.gumbel().gamma());
            out.writeInt(s.tokens().length);
            out.writeInt(s.codes());
            for (int v : s.tokens()) {
                out.writeInt(v);
            }
            for (float v : s.alpha()) {
                out.writeFloat(v);
            }
        }
        out.flush();
    }

    private static List<SamplerState> readStates(Path entry, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry), 1 << 16))) {
            magic(in, STATES_MAGIC, entry, file);
            int count = in.readInt();
            if (count < 0 || count > MAX_COUNT) {
                throw damaged(file, entry + " claims " + count + " states");
            }
            List<SamplerState> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int step = in.readInt();
                int steps = in.readInt();
                long seed = in.readLong();
                SplitMix64.State draws = new SplitMix64.State(in.readLong(), in.readLong());
                SplitMix64.State gumbel = new SplitMix64.State(in.readLong(), in.readLong());
                int length = in.readInt();
                int codes = in.readInt();
                if (length < 1 || codes < 1 || (long) length * codes > MAX_VALUES) {
                    throw damaged(file, entry + " claims a state of " + length + " x " + codes + " logits");
                }
                int[] tokens = new int[length];
                for (int n = 0; n < length; n++) {
                    tokens[n] = in.readInt();
                }
                float[] alpha = new float[length * codes];
                for (int n = 0; n < alpha.length; n++) {
                    alpha[n] = in.readFloat();
                }
                out.add(new SamplerState(step, steps, seed, tokens, alpha, draws, gumbel));
            }
            return out;
        } catch (java.io.EOFException e) {
            throw damaged(file, entry + " ends early");
        }
    }

    private static void magic(DataInputStream in, String magic, Path entry, Path file) throws IOException {
        byte[] m = new byte[magic.length()];
        in.readFully(m);
        if (!magic.equals(new String(m, StandardCharsets.US_ASCII))) {
            throw damaged(file, entry + " is not a G2D2 bundle entry");
        }
    }

    private static InvalidInputException damaged(Path file, String why) {
        return new InvalidInputException("run bundle '" + file + "' is damaged: " + why);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void png(ZipOutputStream zip, String name, Image image) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        if (!javax.imageio.ImageIO.write(ImageFiles.toBufferedImage(image), "png", zip)) {
            throw new IOException("no PNG writer available");
        }
        zip.closeEntry();
    }
}
