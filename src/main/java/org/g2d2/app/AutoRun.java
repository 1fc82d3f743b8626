package org.g2d2.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.g2d2.app.vm.RunState;
import org.g2d2.core.sampler.Frame;

/**
 * Drives the window for screenshots: runs once, pauses the sampler about halfway, and waits at the
 * end. At each stop it writes {@code NAME.ready} in its folder and goes on when {@code NAME.go}
 * appears (the screenshot script makes it after taking the picture); then it quits.
 * Stops: {@code running} (mid-run, Live tab), {@code done} (after the run, Live tab),
 * {@code compare} (Compare tab). With {@code g2d2.autorun.input} (an image file) it opens that
 * image instead of the pack's first sample; when the image is over the pixel limit it stops at
 * {@code warning} (the warning bar) and then fits it, as the bar's button would.
 */
final class AutoRun {

    private static final long WAIT_MS = 60_000;
    private final Workbench workbench;
    private final Path dir;
    private boolean started;
    /** Runs before the pictures are taken (g2d2.autorun.runs, default 1); the stops happen in the last. */
    private int runsLeft = Integer.getInteger("g2d2.autorun.runs", 1);
    private final String input = System.getProperty("g2d2.autorun.input");
    private boolean opened;
    private boolean warned;

    AutoRun(Workbench workbench, Path dir) {
        this.workbench = workbench;
        this.dir = dir;
    }

    void start() {
        var vm = workbench.model();
        workbench.model().runModel().setSamplerHook(this::maybeHold);
        vm.canRunProperty().addListener(o -> maybeRun());
        if (input != null && !input.isBlank()) {
            vm.session().packProperty().addListener((o, a, p) -> {
                if (p != null && !opened) {
                    opened = true;
                    later(500, () -> vm.open(Path.of(input)));
                }
            });
            vm.preview().sourceProperty().addListener((o, a, src) -> {
                if (src != null && inputLoaded() && vm.sizes().overLimitProperty().get() != null && !warned) {
                    warned = true;
                    later(1500, () -> stop("warning", vm.sizes()::fit));
                }
                maybeRun();
            });
        }
        vm.runModel().stateProperty().addListener((o, a, s) -> {
            if (s == RunState.SUCCEEDED && --runsLeft > 0) {
                later(500, vm::run);
            } else if (s == RunState.SUCCEEDED) {
                later(800, () -> stop("done", () -> {
                    workbench.view().tabs().getSelectionModel().select(1);
                    later(800, () -> stop("compare", Platform::exit));
                }));
            } else if (s == RunState.FAILED || s == RunState.CANCELLED) {
                System.err.println("autorun: the run ended " + s);
                Platform.exit();
            }
        });
    }

    /** Runs once, when Run is allowed and the image asked for (if any) is the input. */
    private void maybeRun() {
        var vm = workbench.model();
        if (!started && vm.canRunProperty().get() && (input == null || input.isBlank() || inputLoaded())) {
            started = true;
            later(1500, vm::run);
        }
    }

    private boolean inputLoaded() {
        var src = workbench.model().preview().sourceProperty().get();
        return src != null && src.name().startsWith(Path.of(input).getFileName().toString());
    }

    /** On the sampler thread: hold the run at about 45 % so the window shows it mid-way. */
    private void maybeHold(Frame f) {
        if (runsLeft == 1 && f.index() == (int) (f.steps() * 0.45)) {
            sleep(900); // let the UI draw this frame
            signal("running");
            waitFor("running");
        }
    }

    private void stop(String name, Runnable then) {
        signal(name);
        Thread waiter = new Thread(() -> {
            waitFor(name);
            Platform.runLater(then);
        }, "autorun-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void signal(String name) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".ready"), "");
        } catch (IOException e) {
            System.err.println("autorun: cannot write " + dir.resolve(name + ".ready") + ": " + e.getMessage());
        }
    }

    private void waitFor(String name) {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (!Files.exists(dir.resolve(name + ".go")) && System.currentTimeMillis() < end) {
            sleep(100);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void later(long ms, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.millis(ms));
        p.setOnFinished(e -> r.run());
        p.play();
    }
}
