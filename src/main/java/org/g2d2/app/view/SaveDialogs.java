package org.g2d2.app.view;

import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.g2d2.app.vm.SaveStatus;

/** The one save path of the views: write, and when the file exists ask once whether to replace it. */
final class SaveDialogs {

    /** A view model's save command. */
    @FunctionalInterface
    interface Save {
        SaveStatus save(Path target, boolean overwrite);
    }

    private SaveDialogs() {
    }

    static void save(Window owner, Path target, Save save) {
        if (save.save(target, false) == SaveStatus.EXISTS && confirmReplace(owner, target)) {
            save.save(target, true);
        }
    }

    private static boolean confirmReplace(Window owner, Path target) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, target.getFileName() + " already exists. Replace it?",
                ButtonType.CANCEL, ButtonType.OK);
        a.initOwner(owner);
        a.setHeaderText("Replace the file?");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
