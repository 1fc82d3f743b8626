package org.g2d2.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/** Starts the (headless) FX toolkit once and runs test code on its thread, rethrowing what it throws. */
public final class FxThread {

    private static boolean started;

    private FxThread() {
    }

    public static synchronized void start() {
        if (started) {
            return;
        }
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        Platform.setImplicitExit(false);
        try {
            up.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started = true;
    }

    public static <T> T call(Callable<T> body) throws Exception {
        start();
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(body.call());
            } catch (Throwable t) {
                error.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the FX thread did not finish the test body in 120 s");
        }
        if (error.get() instanceof Exception e) {
            throw e;
        }
        if (error.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    public interface Body {
        void run() throws Exception;
    }

    public static void run(Body body) throws Exception {
        call(() -> {
            body.run();
            return null;
        });
    }
}
