package org.g2d2.app.vm;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work on the chosen device and, when that device runs out of memory, once more on the CPU
 * with a notice, instead of failing.
 */
public final class DeviceFallback {

    private DeviceFallback() {
    }

    public static <T> T run(boolean onGpu, Callable<T> onDevice, Callable<T> onCpu, Consumer<String> notice)
            throws Exception {
        try {
            return onDevice.call();
        } catch (Exception | OutOfMemoryError e) {
            if (!onGpu || !isOutOfMemory(e)) {
                throw e;
            }
            notice.accept("The GPU ran out of memory; this run continues on the CPU.");
            return onCpu.call();
        }
    }

    /** Whether an error is a device running out of memory (CUDA reports it in the message). */
    public static boolean isOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && m.toLowerCase(Locale.ROOT).contains("out of memory")) {
                return true;
            }
        }
        return false;
    }
}
