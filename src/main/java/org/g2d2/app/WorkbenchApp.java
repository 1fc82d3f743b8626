package org.g2d2.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.g2d2.app.files.SettingsFile;
import org.g2d2.app.vm.Workers;
import org.g2d2.core.TorchRuntime;

/** The JavaFX application: builds the {@link Workbench}, loads the pack, shows the window. */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        TorchRuntime.configure(0);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            // a bug on any thread becomes a dialog with details, never a silent failure
            Platform.runLater(() -> org.g2d2.app.view.ErrorDialog.showUnexpected(e));
        });
        Workbench workbench = new Workbench(stage, Workers.serial(Platform::runLater), SettingsFile.standard());
        String pack = System.getProperty("g2d2.pack");
        workbench.loadPack(pack == null || pack.isBlank() ? null : Path.of(pack));
        // a file handed over by the desktop ("Open with") or as `g2d2 FILE`
        getParameters().getRaw().stream().findFirst().ifPresent(f -> workbench.model().open(Path.of(f)));
        String autorun = System.getProperty("g2d2.autorun");
        if (autorun != null && !autorun.isBlank()) {
            new AutoRun(workbench, Path.of(autorun)).start();
        }
        stage.setOnShown(e -> {
            // the cold start as a person sees it: JVM start to a window on screen
            long ms = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            org.slf4j.LoggerFactory.getLogger(WorkbenchApp.class).info("window shown {} ms after start", ms);
            if (Boolean.getBoolean("g2d2.logStartup")) {
                System.err.println("window shown " + ms + " ms after start");
            }
        });
        stage.show();
    }
}
