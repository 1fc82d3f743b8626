package org.g2d2.app.view;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.g2d2.app.Workbench;
import org.g2d2.app.files.SettingsFile;
import org.g2d2.app.vm.SamplerField;
import org.g2d2.app.vm.WorkbenchModel;
import org.g2d2.app.vm.Workers;
import org.g2d2.core.TorchRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window tests start from: the real workbench (headless, Monocle) on the toy pack, with
 * the real background thread and a settings file of its own; and how they wait — on events, never
 * on a clock.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ToyPackWindow {

    /** Only against a hang: every wait ends on an event. */
    static final int HANG_GUARD_SECONDS = 120;

    @TempDir
    static Path config;

    protected Workbench workbench;
    protected WorkbenchModel vm;

    @BeforeAll
    static void engine() {
        TorchRuntime.configure(1);
    }

    /** Opens the window; each test class calls it from its own {@code @Start} (TestFX looks only there). */
    protected void open(Stage stage) {
        workbench = new Workbench(stage, Workers.serial(Platform::runLater),
                new SettingsFile(config.resolve("workbench.json")));
        vm = workbench.model();
        workbench.loadPack(Path.of("models/toy"));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            vm.cancel();
            workbench.stage().hide();
        }).get(10, TimeUnit.SECONDS);
    }

    /** What a failed wait reports beside what it waited for. */
    protected String state() {
        return "state " + vm.runModel().state() + ", run blocked by: " + vm.runBlockerProperty().get()
                + ", form: " + vm.form().toState();
    }

    /**
     * Waits for an event, not for a time: {@code condition} is asked on the FX thread now and each
     * time one of {@code triggers} changes. The long guard only keeps a broken build from hanging.
     */
    protected void awaitEvent(String what, Callable<Boolean> condition, Observable... triggers) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        InvalidationListener check = o -> {
            try {
                if (!done.isDone() && condition.call()) {
                    done.complete(null);
                }
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            for (Observable t : triggers) {
                t.addListener(check);
            }
            check.invalidated(null);
        }).get();
        try {
            done.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no sign of " + what + "; " + state());
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                for (Observable t : triggers) {
                    t.removeListener(check);
                }
            }).get();
        }
    }

    /** Types {@code text} into a sampler field, replacing what it held, as a person would. */
    protected void type(FxRobot robot, SamplerField field, String text) throws Exception {
        reveal(robot, "#field-" + field.key());
        robot.doubleClickOn("#field-" + field.key());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    /** Scrolls the side panel so the node is on screen, as a person would before clicking it. */
    protected void reveal(FxRobot robot, String query) throws Exception {
        reveal(robot.lookup(query).<javafx.scene.Node>query());
    }

    /** Scrolls the side panel so {@code node} is on screen. */
    protected static void reveal(javafx.scene.Node node) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.scene.Node content = sp.getContent();
                double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                sp.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, (y - 40) / range)));
            }
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
