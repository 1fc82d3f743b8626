package org.g2d2.core.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

/**
 * The C allocator's own count of bytes in use (glibc's mallinfo2: arena chunks plus mapped blocks).
 * Unlike the resident size it does not include freed memory the allocator keeps for reuse (the
 * program raises glibc's trim threshold so it keeps a lot), so it grows only when native memory is
 * held: the engine's arrays and whatever else is allocated and not freed.
 */
public final class NativeHeap {

    private NativeHeap() {
    }

    /** Bytes in use by malloc in MiB, or NaN where glibc's mallinfo2 is not available. */
    public static double inUseMiB() {
        try {
            MallInfo2 info = C.INSTANCE.mallinfo2();
            return (info.uordblks + info.hblkhd) / 1048576.0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** glibc's struct mallinfo2: ten size_t fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    private interface C extends Library {
        C INSTANCE = Native.load("c", C.class);

        MallInfo2 mallinfo2();
    }
}
