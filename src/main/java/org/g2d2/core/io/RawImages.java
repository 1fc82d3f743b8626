package org.g2d2.core.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.ImageFiles;

/**
 * Images as exact 32-bit floats (a PNG rounds to 8 bits): "G2D2IMG1", channels, height, width,
 * then the values. A run bundle keeps its input this way so a re-run sees the very same numbers.
 */
public final class RawImages {

    private static final String MAGIC = "G2D2IMG1";
    /** Magic and three ints. */
    static final int HEADER_BYTES = MAGIC.length() + 3 * Integer.BYTES;
    /** Grey, RGB or RGBA: more channels than an image file can give is no image of ours. */
    static final int MAX_CHANNELS = 4;

    private RawImages() {
    }

    public static void write(OutputStream out, Image image) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeBytes(MAGIC);
        data.writeInt(image.channels());
        data.writeInt(image.height());
        data.writeInt(image.width());
        for (float v : image.data()) {
            data.writeFloat(v);
        }
        data.flush();
    }

    /**
     * Reads one image from {@code in}, which holds {@code length} bytes (the file's or zip entry's
     * size). The declared size is checked against the limits and against {@code length} before
     * anything is allocated, and the values are read before the image's array is made, so a header
     * that lies costs no more memory than the bytes that are really there.
     */
    public static Image read(InputStream in, long length, String what) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = data.readNBytes(MAGIC.length());
        if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
            throw new InvalidInputException(what + " is not a G2D2 raw image");
        }
        byte[] header = data.readNBytes(3 * Integer.BYTES);
        if (header.length < 3 * Integer.BYTES) {
            throw new InvalidInputException(what + " ends inside its header");
        }
        ByteBuffer sizes = ByteBuffer.wrap(header);
        int c = sizes.getInt();
        int h = sizes.getInt();
        int w = sizes.getInt();
        long values = checkedSize(c, h, w, length, what);
        byte[] bytes = data.readNBytes((int) (values * Float.BYTES));
        if (bytes.length < values * Float.BYTES) {
            throw new InvalidInputException(what + " declares " + c + "x" + h + "x" + w + " values but ends after "
                    + bytes.length / Float.BYTES);
        }
        float[] floats = new float[(int) values];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(floats);
        return new Image(c, h, w, floats);
    }

    /** The number of values c×h×w, or a user error naming the size and what is allowed. */
    private static long checkedSize(int c, int h, int w, long length, String what) {
        String size = c + "x" + h + "x" + w;
        if (c < 1 || c > MAX_CHANNELS || h < 1 || w < 1) {
            throw new InvalidInputException(what + " has an impossible size " + size + " (channels 1 to "
                    + MAX_CHANNELS + ", height and width at least 1)");
        }
        long pixels = (long) h * w;
        if (pixels > ImageFiles.MAX_PIXELS) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s declares %dx%d = %.1f megapixels; at most %d megapixels are allowed", what, w, h,
                    pixels / 1e6, ImageFiles.MAX_PIXELS / 1_000_000));
        }
        long values = c * pixels;
        long needed = HEADER_BYTES + values * Float.BYTES;
        if (needed > length) {
            throw new InvalidInputException(what + " declares " + size + " values (" + needed
                    + " bytes) but holds only " + length + " bytes");
        }
        return values;
    }
}
