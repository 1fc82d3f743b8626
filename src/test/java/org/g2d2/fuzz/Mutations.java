package org.g2d2.fuzz;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structure-aware inputs for the fuzz properties: valid seed files changed by a short list of
 * edits (bytes flipped, overwritten with boundary integers, cut, repeated or spliced), and JSON
 * documents with values swapped for hostile ones. jqwik draws the edits, so a failure shrinks to
 * the smallest list of edits that still fails.
 */
final class Mutations {

    /** Integers that break size arithmetic: zero, signs, powers of two, 32-bit limits. */
    private static final long[] BOUNDARIES = {0, 1, -1, 7, 255, 256, 65535, 65536, 100_000, 1 << 20,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFFFFFFL, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40};

    private Mutations() {
    }

    /** One edit of a byte string; positions are fractions of the length so they stay meaningful after cuts. */
    record Edit(int kind, double where, double span, long value) {

        byte[] apply(byte[] in) {
            int n = in.length;
            int at = n == 0 ? 0 : (int) Math.min(n - 1, Math.floor(where * n));
            int len = Math.max(1, (int) (span * Math.min(n, 64)));
            switch (kind) {
                case 0: {                                                  // flip one bit
                    if (n == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[at] ^= (byte) (1 << (value & 7));
                    return out;
                }
                case 1: {                                                  // overwrite one byte
                    if (n == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[at] = (byte) value;
                    return out;
                }
                case 2:                                                    // a boundary integer, big-endian
                case 3: {                                                  // ... or little-endian
                    long v = BOUNDARIES[(int) Math.floorMod(value, (long) BOUNDARIES.length)];
                    int width = (value & 8) == 0 ? 4 : 8;
                    byte[] out = in.clone();
                    for (int i = 0; i < width && at + i < n; i++) {
                        int shift = kind == 2 ? 8 * (width - 1 - i) : 8 * i;
                        out[at + i] = (byte) (v >>> shift);
                    }
                    return out;
                }
                case 4:                                                    // cut the tail
                    return Arrays.copyOf(in, at);
                case 5: {                                                  // delete a run
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(in, 0, at);
                    int from = Math.min(n, at + len);
                    out.write(in, from, n - from);
                    return out.toByteArray();
                }
                case 6: {                                                  // repeat a run
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    int to = Math.min(n, at + len);
                    out.write(in, 0, to);
                    out.write(in, at, to - at);
                    out.write(in, to, n - to);
                    return out.toByteArray();
                }
                default: {                                                 // insert bytes derived from value
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(in, 0, at);
                    long v = value;
                    for (int i = 0; i < len; i++) {
                        out.write((int) v);
                        v = v * 6364136223846793005L + 1442695040888963407L;
                    }
                    out.write(in, at, n - at);
                    return out.toByteArray();
                }
            }
        }
    }

    static Arbitrary<Edit> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.longs()).as(Edit::new);
    }

    /** A seed, then 0 – {@code maxEdits} edits. */
    static Arbitrary<byte[]> mutated(List<byte[]> seeds, int maxEdits) {
        return Combinators.combine(Arbitraries.of(seeds), edits().list().ofMaxSize(maxEdits)).as((seed, list) -> {
            byte[] b = seed;
            for (Edit e : list) {
                b = e.apply(b);
            }
            return b;
        });
    }

    /** Values that a parser meeting them where it expects something else must refuse cleanly. */
    static final List<JsonElement> HOSTILE = List.of(JsonNull.INSTANCE, new JsonPrimitive(0), new JsonPrimitive(-1),
            new JsonPrimitive(Integer.MAX_VALUE), new JsonPrimitive(2147483648L), new JsonPrimitive(1e308),
            new JsonPrimitive(-1e308), new JsonPrimitive(0.5), new JsonPrimitive(""), new JsonPrimitive("x"),
            new JsonPrimitive("../x.safetensors"), new JsonPrimitive(true), new JsonArray(), new JsonObject(),
            JsonParser.parseString("[".repeat(40) + "1" + "]".repeat(40)), JsonParser.parseString("{\"a\":{\"b\":[]}}"),
            new JsonPrimitive("9".repeat(400)));

    /** One JSON edit: replace, delete or add at the {@code where}-th node of the tree. */
    record JsonEdit(int kind, double where, int value) {

        void apply(JsonElement root) {
            List<JsonElement> containers = new ArrayList<>();
            collect(root, containers);
            JsonElement target = containers.get((int) Math.min(containers.size() - 1, where * containers.size()));
            JsonElement hostile = HOSTILE.get(Math.floorMod(value, HOSTILE.size())).deepCopy();
            if (target.isJsonObject()) {
                JsonObject o = target.getAsJsonObject();
                List<String> keys = new ArrayList<>(o.keySet());
                if (kind == 2 || keys.isEmpty()) {
                    o.add("fuzz" + Math.floorMod(value, 7), hostile);
                    return;
                }
                String key = keys.get(Math.floorMod(value, keys.size()));
                if (kind == 1) {
                    o.remove(key);
                } else {
                    o.add(key, hostile);
                }
            } else {
                JsonArray a = target.getAsJsonArray();
                if (kind == 2 || a.isEmpty()) {
                    a.add(hostile);
                    return;
                }
                int i = Math.floorMod(value, a.size());
                if (kind == 1) {
                    a.remove(i);
                } else {
                    a.set(i, hostile);
                }
            }
        }

        private static void collect(JsonElement e, List<JsonElement> out) {
            if (e.isJsonObject()) {
                out.add(e);
                e.getAsJsonObject().entrySet().forEach(x -> collect(x.getValue(), out));
            } else if (e.isJsonArray()) {
                out.add(e);
                e.getAsJsonArray().forEach(x -> collect(x, out));
            }
        }
    }

    /** A JSON seed with 0 – {@code maxEdits} structural edits, then (sometimes) byte edits of its text. */
    static Arbitrary<String> json(List<String> seeds, int maxEdits) {
        Arbitrary<JsonEdit> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers()).as(JsonEdit::new);
        return Combinators.combine(Arbitraries.of(seeds), edit.list().ofMaxSize(maxEdits),
                edits().list().ofMaxSize(2)).as((seed, jsonEdits, byteEdits) -> {
                    JsonElement root = JsonParser.parseString(seed);
                    jsonEdits.forEach(e -> e.apply(root));
                    byte[] text = root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    for (Edit e : byteEdits) {
                        text = e.apply(text);
                    }
                    return new String(text, java.nio.charset.StandardCharsets.UTF_8);
                });
    }
}
