package org.g2d2.core.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.g2d2.core.InvalidInputException;

/**
 * Checks a safetensors file's header against the file before any tensor is read: an 8-byte
 * little-endian header length that fits the file, a JSON header whose every tensor has a known
 * dtype, a shape and a byte range that match and lie inside the data. A damaged or hostile file
 * is refused here with a message, instead of making the decoder allocate what the header claims.
 */
final class SafetensorsHeader {

    /** Far above any real header (a few KiB per hundred tensors). */
    static final long MAX_HEADER_BYTES = 16L << 20;

    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(Map.entry("F64", 8), Map.entry("F32", 4),
            Map.entry("F16", 2), Map.entry("BF16", 2), Map.entry("I64", 8), Map.entry("I32", 4), Map.entry("I16", 2),
            Map.entry("I8", 1), Map.entry("U8", 1), Map.entry("BOOL", 1));

    private SafetensorsHeader() {
    }

    static void check(Path file) {
        String where = "weight file '" + file.getFileName() + "'";
        try (FileChannel in = FileChannel.open(file)) {
            long size = in.size();
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (size < 8 || in.read(lengthBytes, 0) != 8) {
                throw new InvalidInputException(where + " is " + size + " bytes long; a safetensors file starts with "
                        + "an 8-byte header length");
            }
            long headerLength = lengthBytes.getLong(0);
            if (headerLength < 2 || headerLength > size - 8 || headerLength > MAX_HEADER_BYTES) {
                throw new InvalidInputException(where + " declares a " + headerLength + "-byte header in a file of "
                        + size + " bytes; allowed: 2 to " + Math.min(size - 8, MAX_HEADER_BYTES));
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            while (header.hasRemaining() && in.read(header, 8 + header.position()) > 0) {
                // reads until the header is complete
            }
            checkTensors(where, new String(header.array(), StandardCharsets.UTF_8), size - 8 - headerLength);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + where + ": " + e.getMessage());
        }
    }

    private static void checkTensors(String where, String header, long dataBytes) {
        JsonObject tensors;
        try {
            JsonElement e = JsonParser.parseString(header);
            if (!e.isJsonObject()) {
                throw new InvalidInputException(where + " has a header that is not a JSON object");
            }
            tensors = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidInputException(where + " has a header that is not valid JSON: "
                    + ModelPackLoader.firstLine(e.getMessage()));
        }
        for (Map.Entry<String, JsonElement> t : tensors.entrySet()) {
            if (t.getKey().equals("__metadata__")) {
                continue;
            }
            String tensor = where + " tensor '" + t.getKey() + "'";
            try {
                JsonObject o = t.getValue().getAsJsonObject();
                String dtype = o.get("dtype").getAsString();
                Integer width = DTYPE_BYTES.get(dtype);
                if (width == null) {
                    throw new InvalidInputException(tensor + " has dtype " + dtype + "; allowed: "
                            + new java.util.TreeSet<>(DTYPE_BYTES.keySet()));
                }
                long count = 1;
                for (JsonElement d : o.getAsJsonArray("shape")) {
                    long dim = d.getAsLong();
                    if (dim < 0 || d.getAsDouble() != dim) {
                        throw new InvalidInputException(tensor + " has a dimension " + d + "; allowed: whole numbers >= 0");
                    }
                    count = Math.multiplyExact(count, dim);
                }
                long begin = o.getAsJsonArray("data_offsets").get(0).getAsLong();
                long end = o.getAsJsonArray("data_offsets").get(1).getAsLong();
                if (begin < 0 || end < begin || end > dataBytes
                        || Math.multiplyExact(count, (long) width) != end - begin) {
                    throw new InvalidInputException(tensor + " (" + dtype + " " + o.get("shape") + ") claims bytes "
                            + begin + " to " + end + "; the shape needs " + count + " x " + width + " bytes inside the "
                            + dataBytes + " bytes of data");
                }
            } catch (NullPointerException | IllegalStateException | UnsupportedOperationException
                     | IndexOutOfBoundsException | NumberFormatException | ArithmeticException | ClassCastException e) {
                throw new InvalidInputException(tensor + " is malformed; each tensor needs dtype, shape and "
                        + "data_offsets [begin, end]");
            }
        }
    }
}
