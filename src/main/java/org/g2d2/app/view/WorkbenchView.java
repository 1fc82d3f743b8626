package org.g2d2.app.view;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.g2d2.app.files.RunBundle;
import org.g2d2.app.vm.WorkbenchModel;

/**
 * The main window's content: menu and toolbar, the sampler / input / degradation panels on the
 * left, the live view, compare and batch tabs in the middle, timeline and progress below. It
 * builds controls and binds them to {@link WorkbenchModel}; file choosers and the clipboard
 * (things only a view can reach) turn into model commands.
 */
public final class WorkbenchView extends BorderPane {

    private final WorkbenchModel vm;
    private final Theme theme;
    private final SplitPane split;
    private final TabPane tabs = new TabPane();
    private Path lastFolder;

    public WorkbenchView(WorkbenchModel vm, Theme theme, Node batchPane) {
        this.vm = vm;
        this.theme = theme;
        getStyleClass().add("workbench");
        setTop(new VBox(menuBar(), toolBar()));

        TitledPane input = section("Input", new InputPane(vm, this::openImage, this::paste));
        TitledPane degradation = section("Degradation", new DegradationPane(vm));
        TitledPane sampler = section("Sampler", new SamplerPane(vm.form()));
        input.setId("section-input");
        degradation.setId("section-degradation");
        sampler.setId("section-sampler");
        // the sampler first: its key controls (preset, steps, λ, τ) must be in view without scrolling in
        // a 1280×800 window; the live view shows the input and y anyway
        VBox panels = new VBox(sampler, input, degradation);
        panels.getStyleClass().add("side-panels");
        ScrollPane side = new ScrollPane(panels);
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.getStyleClass().add("side");
        side.setMinWidth(300);
        // forms are disabled while a run uses their values
        panels.disableProperty().bind(vm.runModel().busyProperty());

        Tab live = new Tab("Live", new LivePane(vm));
        live.setId("tab-live");
        Tab compare = new Tab("Compare", new ComparePane(vm));
        compare.setId("tab-compare");
        Tab batch = new Tab("Batch", batchPane);
        batch.setId("tab-batch");
        tabs.getTabs().addAll(live, compare, batch);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.runModel().resultProperty().addListener((o, a, b) -> {
            if (b != null && tabs.getSelectionModel().getSelectedItem() == batch) {
                tabs.getSelectionModel().select(live);
            }
        });

        // the over-limit warning sits above the views, where the image is; it takes no room otherwise
        VBox views = new VBox(new SizeWarning(vm.sizes()), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        split = new SplitPane(side, views);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);
        setBottom(new StatusBar(vm));

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasImage()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            var board = e.getDragboard();
            boolean done = false;
            if (board.hasFiles() && !board.getFiles().isEmpty()) {
                openPath(board.getFiles().get(0).toPath());
                done = true;
            } else if (board.hasImage()) {
                vm.preview().usePicture("dropped image", SwingFXUtils.fromFXImage(board.getImage(), null));
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
        vm.messages().errorProperty().addListener((o, a, b) -> showError(b, () -> vm.messages().errorProperty().set(null)));
        vm.runModel().errorProperty().addListener((o, a, b) -> showError(b, () -> { }));
    }

    /** Esc cancels a run even when no menu has it (accelerators on the scene). */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), vm::cancel);
    }

    public SplitPane split() {
        return split;
    }

    public TabPane tabs() {
        return tabs;
    }

    private void showError(org.g2d2.app.vm.ErrorReport report, Runnable clear) {
        if (report != null) {
            ErrorDialog.show(window(), report);
            clear.run();
        }
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_Open image\u2026", Icons.OPEN, "Shortcut+O", this::openImage),
                item("_Paste image", Icons.PASTE, "Shortcut+V", this::paste),
                item("Open run _bundle\u2026", Icons.BUNDLE, null, this::openBundle),
                item("Open model _pack folder\u2026", Icons.OPEN, null, () -> PackChooser.openFolder(vm, window())),
                new SeparatorMenuItem(),
                item("_Save restored image\u2026", Icons.SAVE, "Shortcut+S", this::saveRestored),
                item("Save frames as _GIF\u2026", Icons.GIF, null, this::saveFrames),
                item("Save run b_undle\u2026", Icons.BUNDLE, "Shortcut+Shift+S", this::saveBundle),
                new SeparatorMenuItem(),
                item("_Quit", null, "Shortcut+Q", () -> window().hide()));
        MenuItem run = item("_Run", Icons.RUN, "Shortcut+R", vm::run);
        run.disableProperty().bind(vm.canRunProperty().not());
        MenuItem cancel = item("_Cancel", Icons.CANCEL, null, vm::cancel);
        cancel.disableProperty().bind(vm.runModel().busyProperty().not());
        Menu runMenu = new Menu("_Run", null, run, cancel);
        Menu view = new Menu("_View", null, item("Toggle _dark theme", Icons.THEME, "Shortcut+D", theme::toggle));
        Menu help = new Menu("_Help", null, item("_About", Icons.INFO, null, this::about));
        MenuBar bar = new MenuBar(file, runMenu, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private ToolBar toolBar() {
        Button open = toolButton("Open", Icons.OPEN, "Open an image (Ctrl+O)", this::openImage);
        Button paste = toolButton("Paste", Icons.PASTE, "Paste an image (Ctrl+V)", this::paste);
        Button run = toolButton("Run", Icons.RUN, "Restore with these settings (Ctrl+R)", vm::run);
        run.setId("run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(vm.canRunProperty().not());
        run.textProperty().bind(Bindings.when(vm.branches().armedProperty().isNotNull()).then("Run branch")
                .otherwise("Run"));
        // say why Run is disabled, in the tooltip
        run.tooltipProperty().bind(Bindings.createObjectBinding(() -> Forms.tip(vm.runBlockerProperty().get() == null
                ? "Restore with these settings (Ctrl+R)" : vm.runBlockerProperty().get()), vm.runBlockerProperty()));
        Button cancel = toolButton("Cancel", Icons.CANCEL, "Stop the run (Esc)", vm::cancel);
        cancel.setId("cancel");
        cancel.disableProperty().bind(vm.runModel().busyProperty().not());
        Button save = toolButton("Save", Icons.SAVE, "Save the restored image as PNG (Ctrl+S)", this::saveRestored);
        save.setId("save");
        save.disableProperty().bind(vm.runModel().resultProperty().isNull());
        Button gif = toolButton("GIF", Icons.GIF, "Save every step as an animated GIF", this::saveFrames);
        gif.disableProperty().bind(vm.runModel().resultProperty().isNull());
        Button bundle = toolButton("Bundle", Icons.BUNDLE, "Save a run bundle that reopens and re-runs", this::saveBundle);
        bundle.disableProperty().bind(vm.runModel().resultProperty().isNull());
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        Button themeButton = toolButton(null, Icons.THEME, "Light or dark theme (Ctrl+D)", theme::toggle);
        ToolBar bar = new ToolBar(open, paste, new Separator(), run, cancel, new Separator(), save, gif, bundle,
                new Separator(), new PackChooser(vm), spacer, themeButton);
        bar.setId("tool-bar");
        return bar;
    }

    private static Button toolButton(String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static MenuItem item(String text, String icon, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static TitledPane section(String title, Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setExpanded(true);
        t.getStyleClass().add("section");
        return t;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private FileChooser chooser(String title, String description, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            c.setInitialDirectory(lastFolder.toFile());
        }
        return c;
    }

    public Path lastFolder() {
        return lastFolder;
    }

    public void setLastFolder(Path folder) {
        lastFolder = folder;
    }

    private void openImage() {
        File f = chooser("Open image", "Images and run bundles", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif",
                "*" + RunBundle.EXTENSION).showOpenDialog(window());
        if (f != null) {
            openPath(f.toPath());
        }
    }

    private void openBundle() {
        File f = chooser("Open run bundle", "G2D2 run bundles", "*" + RunBundle.EXTENSION).showOpenDialog(window());
        if (f != null) {
            openPath(f.toPath());
        }
    }

    private void openPath(Path p) {
        lastFolder = p.toAbsolutePath().getParent();
        vm.open(p);
    }

    private void paste() {
        Clipboard cb = Clipboard.getSystemClipboard();
        if (cb.hasImage()) {
            vm.preview().usePicture("pasted image", SwingFXUtils.fromFXImage(cb.getImage(), null));
        } else if (cb.hasFiles() && !cb.getFiles().isEmpty()) {
            openPath(cb.getFiles().get(0).toPath());
        } else {
            vm.preview().usePicture("clipboard", null);
        }
    }

    /** A save command's file chooser, then the write, asking before replacing a file. */
    private void saveWith(String title, String description, String extension, String suggested,
                          SaveDialogs.Save save) {
        if (vm.runModel().resultProperty().get() == null) {
            return;
        }
        FileChooser c = chooser(title, description, "*" + extension);
        c.setInitialFileName(suggested + extension);
        File f = c.showSaveDialog(window());
        if (f == null) {
            return;
        }
        Path target = f.toPath();
        if (!target.getFileName().toString().endsWith(extension)) {
            target = target.resolveSibling(target.getFileName() + extension);
        }
        lastFolder = target.toAbsolutePath().getParent();
        SaveDialogs.save(window(), target, save::save);
    }

    private String baseName() {
        var s = vm.preview().sourceProperty().get();
        String n = s == null ? "restored" : s.name().replaceAll("\\.[A-Za-z0-9]+$", "");
        return n.replaceAll("[^A-Za-z0-9._-]+", "-") + "-restored";
    }

    private void saveRestored() {
        saveWith("Save restored image", "PNG images", ".png", baseName(), vm.files()::saveRestored);
    }

    private void saveFrames() {
        saveWith("Save frames as GIF", "GIF animations", ".gif", baseName() + "-frames", vm.files()::saveFrames);
    }

    private void saveBundle() {
        saveWith("Save run bundle", "G2D2 run bundles", RunBundle.EXTENSION, baseName(), vm.files()::saveBundle);
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(window());
        a.setTitle("About G2D2 Workbench");
        a.setHeaderText("G2D2 Workbench");
        a.setContentText("Restores images with a discrete diffusion prior guided by gradients "
                + "(Murata et al., G2D2, arXiv 2410.14710).\n\nModel pack: " + vm.session().statusProperty().get());
        // the device panel: what the engine runs on and why a GPU is or is not used
        javafx.scene.control.TextArea engine = new javafx.scene.control.TextArea();
        engine.setEditable(false);
        engine.setWrapText(true);
        engine.setPrefRowCount(9);
        engine.setPromptText("Looking at the engine\u2026");
        engine.textProperty().bind(vm.engineProperty());
        a.getDialogPane().setExpandableContent(engine);
        a.getDialogPane().setExpanded(true);
        vm.describeEngine();
        a.show();
    }

}
