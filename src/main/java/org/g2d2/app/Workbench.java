package org.g2d2.app;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.g2d2.app.files.Assets;
import org.g2d2.app.files.SettingsFile;
import org.g2d2.app.view.BatchPane;
import org.g2d2.app.view.Theme;
import org.g2d2.app.view.WorkbenchView;
import org.g2d2.app.vm.BatchModel;
import org.g2d2.app.vm.ErrorReport;
import org.g2d2.app.vm.WorkbenchModel;
import org.g2d2.app.vm.Workers;

/**
 * The assembled window: view models, views, theme, persisted settings and layout, and the FX
 * pulse monitor. The application and the end-to-end tests both build it here.
 */
public final class Workbench {

    private final WorkbenchModel model;
    private final WorkbenchView view;
    private final Theme theme = new Theme();
    private final Stage stage;
    private final SettingsFile settings;
    private final PulseMonitor pulses = new PulseMonitor();
    private double lastRunMaxPauseMs;

    public Workbench(Stage stage, Workers workers, SettingsFile settings) {
        this.stage = stage;
        this.settings = settings;
        JsonObject saved = settings.load();
        model = new WorkbenchModel(workers);
        BatchModel batch = new BatchModel(workers, model);
        if (saved.has("workbench") && saved.get("workbench").isJsonObject()) {
            model.state().apply(saved.getAsJsonObject("workbench"));
        }
        if (saved.has("theme")) {
            theme.nameProperty().set(saved.get("theme").getAsString());
        }
        view = new WorkbenchView(model, theme, new BatchPane(batch, model));
        if (saved.has("lastFolder")) {
            view.setLastFolder(Path.of(saved.get("lastFolder").getAsString()));
        }
        Scene scene = new Scene(view, number(saved, "width", 1280), number(saved, "height", 800));
        theme.attach(scene);
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle("G2D2 Workbench");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        Assets.url("icons/g2d2.png").ifPresent(u -> stage.getIcons().add(new Image(u)));
        placeWindow(saved);
        if (saved.has("divider")) {
            view.split().setDividerPositions(saved.get("divider").getAsDouble());
        }
        // the longest FX-thread pause during each run, for the status line and the logs
        model.runModel().busyProperty().addListener((o, was, busy) -> {
            if (busy) {
                pulses.start();
            } else {
                pulses.stop();
                lastRunMaxPauseMs = pulses.maxGapMillis();
                if (Boolean.getBoolean("g2d2.logPauses")) {
                    System.err.printf(java.util.Locale.ROOT, "g2d2: largest FX-thread pause during the run: %.1f ms"
                            + " (pulse gap); longest frame hand-over on the FX thread: %.1f ms%n",
                            lastRunMaxPauseMs, model.runModel().maxHandOverMillis());
                }
            }
        });
        stage.setOnHiding(e -> {
            model.cancel();
            saveSettings();
        });
    }

    public WorkbenchModel model() {
        return model;
    }

    public WorkbenchView view() {
        return view;
    }

    public Theme theme() {
        return theme;
    }

    public Stage stage() {
        return stage;
    }

    /** The largest gap between FX pulses during the last finished run, in ms. */
    public double lastRunMaxPauseMs() {
        return lastRunMaxPauseMs;
    }

    /** Loads a pack: the named folder, or the bundled default; a missing pack is an error dialog, not a crash. */
    public void loadPack(Path dir) {
        try {
            model.loadPack(dir != null ? dir : org.g2d2.core.io.PackLocator.defaultPack());
        } catch (RuntimeException e) {
            model.messages().errorProperty().set(ErrorReport.of("No model pack was found", e));
        }
    }

    /** Writes the settings and window layout now. */
    public void saveSettings() {
        JsonObject o = new JsonObject();
        o.add("workbench", model.state().toJson());
        o.addProperty("theme", theme.nameProperty().get());
        o.addProperty("maximized", stage.isMaximized());
        if (!stage.isMaximized() && !Double.isNaN(stage.getX())) {
            o.addProperty("x", stage.getX());
            o.addProperty("y", stage.getY());
            o.addProperty("width", stage.getWidth());
            o.addProperty("height", stage.getHeight());
        }
        o.addProperty("divider", view.split().getDividerPositions()[0]);
        if (view.lastFolder() != null) {
            o.addProperty("lastFolder", view.lastFolder().toString());
        }
        try {
            settings.save(o);
        } catch (IOException e) {
            System.err.println("warning: settings could not be saved to " + settings.file() + ": " + e.getMessage());
        }
    }

    private void placeWindow(JsonObject saved) {
        if (saved.has("x") && saved.has("y")) {
            double x = saved.get("x").getAsDouble();
            double y = saved.get("y").getAsDouble();
            // only where a screen still shows it (a monitor may have gone away)
            if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, 100, 100)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
            }
        }
        if (saved.has("maximized") && saved.get("maximized").getAsBoolean()) {
            stage.setMaximized(true);
        }
    }

    private static double number(JsonObject o, String key, double fallback) {
        try {
            return o.has(key) ? Math.max(400, o.get(key).getAsDouble()) : fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
