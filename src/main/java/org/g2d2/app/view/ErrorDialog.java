package org.g2d2.app.view;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import org.g2d2.app.vm.ErrorReport;

/** Shows an error: the plain message, and the details (stack trace) folded away for a bug report. */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    /** An error nobody caught (a bug): shown with its stack trace rather than lost. */
    public static void showUnexpected(Throwable e) {
        show(javafx.stage.Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null),
                ErrorReport.of("Something went wrong", e));
    }

    static Alert show(Window owner, ErrorReport report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("G2D2 Workbench");
        alert.setHeaderText(report.title());
        alert.setContentText(report.message());
        if (report.hasDetails()) {
            TextArea details = new TextArea(report.details());
            details.setEditable(false);
            details.setWrapText(false);
            details.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.show();
        return alert;
    }
}
