package org.g2d2.train.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.g2d2.core.InvalidInputException;

/**
 * A gzip-compressed IDX file of unsigned bytes (the MNIST format): magic 0x0000 08 NDIM, then NDIM
 * big-endian int32 sizes, then the bytes.
 *
 * @param dims the sizes, e.g. (60000, 28, 28) for images or (60000) for labels
 */
public record IdxFile(int[] dims, byte[] data) {

    /** Reads a .gz IDX file of unsigned bytes with {@code expectedDims} dimensions. */
    public static IdxFile read(Path file, int expectedDims) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("IDX file '" + file + "' does not exist");
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xff;
            int ndim = magic & 0xff;
            if ((magic >>> 16) != 0 || type != 0x08 || ndim != expectedDims) {
                throw new InvalidInputException(String.format(
                        "IDX file '%s' has magic 0x%08x; allowed: 0x000008%02x (unsigned bytes, %d dimensions)",
                        file, magic, expectedDims, expectedDims));
            }
            int[] dims = new int[ndim];
            long size = 1;
            for (int i = 0; i < ndim; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 1) {
                    throw new InvalidInputException("IDX file '" + file + "' has size " + dims[i]
                            + " in dimension " + i + "; allowed: a positive size");
                }
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException("IDX file '" + file + "' holds " + size + " values; allowed: < 2^31");
            }
            byte[] data = new byte[(int) size];
            in.readFully(data);
            return new IdxFile(dims, data);
        } catch (EOFException e) {
            throw new InvalidInputException("IDX file '" + file + "' ends early: its header promises more data "
                    + "than it holds");
        } catch (ZipException e) {
            throw new InvalidInputException("IDX file '" + file + "' is not valid gzip: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read IDX file '" + file + "': " + e.getMessage());
        }
    }
}
