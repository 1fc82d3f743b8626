package org.g2d2.core.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;

/**
 * Images as exact 32-bit floats (a PNG rounds to 8 bits): "G2D2IMG1", channels, height, width,
 * then the values. A run bundle keeps its input this way so a re-run sees the very same numbers.
 */
public final class RawImages {

    private static final String MAGIC = "G2D2IMG1";
    private static final int MAX_VALUES = 64 * 1024 * 1024;

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

    public static Image read(InputStream in, String what) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length()];
        data.readFully(magic);
        if (!MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new InvalidInputException(what + " is not a G2D2 raw image");
        }
        int c = data.readInt();
        int h = data.readInt();
        int w = data.readInt();
        if (c < 1 || h < 1 || w < 1 || (long) c * h * w > MAX_VALUES) {
            throw new InvalidInputException(what + " has an impossible size " + c + "x" + h + "x" + w);
        }
        float[] values = new float[c * h * w];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.readFloat();
        }
        return new Image(c, h, w, values);
    }
}
