package org.g2d2.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import org.g2d2.app.vm.GalleryItem;
import org.g2d2.app.vm.PackSession;
import org.g2d2.core.Image;
import org.g2d2.core.Json;
import org.g2d2.core.io.ImageFiles;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.Start;

/**
 * The pack chooser in the real window (headless): the toy pack from models/, a second pack opened
 * from a folder, and switches between them through the chooser, without a restart; the gallery,
 * the presets, the shown sample and the token layout follow each switch.
 */
class PackChooserUiTest extends ToyPackWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @TempDir
    static Path packs;

    /**
     * A copy of the toy pack's weights with other presets and its own samples: two wide
     * 64×24 "pages" (the toy context is 32×32, so they are restored through the windows).
     */
    static Path pagesPack() throws Exception {
        Path dir = packs.resolve("wide-toy");
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir.resolve("pages"));
        Files.copy(Path.of("models/toy/toy.safetensors"), dir.resolve("toy.safetensors"));
        JsonObject m = Json.GSON.fromJson(Files.readString(Path.of("models/toy/model.json")), JsonObject.class);
        JsonObject presets = new JsonObject();
        JsonObject paper = new JsonObject();
        paper.addProperty("steps", 30);
        paper.addProperty("iterations", 5);
        presets.add("paper", paper);
        JsonObject sr2 = new JsonObject();
        sr2.addProperty("steps", 12);
        sr2.addProperty("iterations", 4);
        presets.add("sr2", sr2);
        m.add("presets", presets);
        m.addProperty("name", "wide-toy");
        m.addProperty("samples", "pages");
        Files.writeString(dir.resolve("model.json"), Json.GSON.toJson(m));
        for (String name : List.of("page-a.png", "page-b.png")) {
            float[] v = new float[24 * 64];
            for (int i = 0; i < v.length; i++) {
                v[i] = (i / 7 + name.charAt(5)) % 3 == 0 ? -1f : 1f;
            }
            ImageFiles.writePng(dir.resolve("pages").resolve(name), new Image(1, 24, 64, v));
        }
        return dir;
    }

    @Test
    void switchingPacksThroughTheChooserBringsTheirGalleryAndPresets(FxRobot robot) throws Exception {
        awaitEvent("the pack switch", () -> loaded("toy") && vm.preview().sourceProperty().get() != null, vm.session().packProperty(),
                vm.session().loadingProperty(), vm.preview().sourceProperty());
        @SuppressWarnings("unchecked")
        ComboBox<Path> chooser = robot.lookup("#pack-chooser").queryAs(ComboBox.class);
        assertThat(chooser.getItems()).extracting(PackSession::label).contains("toy");
        assertThat(chooser.getConverter().toString(chooser.getValue())).isEqualTo("toy");
        assertThat(galleryNames()).contains("toy-01.png");
        assertThat(presetNames()).contains("interactive", "blur", "sr4");

        // opening a folder (what the Open button does once its dialog returns) adds it to the chooser
        Path wide = pagesPack();
        WaitForAsyncUtils.asyncFx(() -> vm.loadPack(wide)).get();
        awaitEvent("the pack switch", () -> loaded("wide-toy"), vm.session().packProperty(), vm.session().loadingProperty());
        assertThat(chooser.getItems()).extracting(PackSession::label).contains("toy", "wide-toy");
        assertThat(chooser.getConverter().toString(chooser.getValue())).isEqualTo("wide-toy");
        assertThat(galleryNames()).containsExactly("page-a.png", "page-b.png");
        assertThat(presetNames()).containsExactly("paper", "sr2");
        // the toy sample shown before is replaced by the new pack's first page, on its own token layout
        assertThat(vm.preview().sourceProperty().get().name()).isEqualTo("page-a.png");
        awaitEvent("the pack switch", () -> vm.preview().sizes().layoutProperty().get() != null
                && vm.preview().sizes().layoutProperty().get().width() == 64, vm.preview().sizes().layoutProperty());

        // back to the toy pack by picking it in the chooser's list
        robot.clickOn("#pack-chooser");
        robot.clickOn(robot.lookup(".list-cell").lookup((javafx.scene.control.ListCell<?> c) ->
                "toy".equals(c.getText())).queryAs(javafx.scene.control.ListCell.class));
        awaitEvent("the pack switch", () -> loaded("toy"), vm.session().packProperty(), vm.session().loadingProperty());
        assertThat(galleryNames()).contains("toy-01.png").doesNotContain("page-a.png");
        assertThat(presetNames()).contains("interactive", "blur", "sr4").doesNotContain("paper");
        assertThat(vm.preview().sourceProperty().get().name()).isEqualTo("toy-01.png");
        assertThat(robot.lookup("#preset").queryAs(ComboBox.class).getValue()).isEqualTo("interactive");
    }

    @Test
    void aFolderThatIsNoPackLeavesTheChooserOnThePackInUse() throws Exception {
        awaitEvent("the pack switch", () -> loaded("toy"), vm.session().packProperty(), vm.session().loadingProperty());
        Path empty = Files.createDirectories(packs.resolve("not-a-pack"));
        WaitForAsyncUtils.asyncFx(() -> vm.loadPack(empty)).get();
        // load() marks the session as loading at once; the failure ends it and reports the error
        awaitEvent("the pack switch", () -> !vm.session().loadingProperty().get(), vm.session().loadingProperty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(PackSession.label(vm.session().chosenProperty().get())).isEqualTo("toy");
        assertThat(vm.session().choices()).extracting(PackSession::label).doesNotContain("not-a-pack");
        assertThat(vm.session().packProperty().get().pack().manifest().name()).isEqualTo("toy");
    }

    private boolean loaded(String name) {
        var p = vm.session().packProperty().get();
        return p != null && !vm.session().loadingProperty().get() && p.pack().manifest().name().equals(name);
    }

    private List<String> galleryNames() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> vm.session().gallery().stream().map(GalleryItem::name).toList()).get();
    }

    private List<String> presetNames() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(vm.form().presetNames())).get();
    }

}
