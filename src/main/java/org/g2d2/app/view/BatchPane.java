package org.g2d2.app.view;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.g2d2.app.vm.BatchItem;
import org.g2d2.app.vm.BatchModel;
import org.g2d2.app.vm.SamplerField;
import org.g2d2.app.vm.WorkbenchModel;

/** Batch: a folder of images or a sweep of one or two settings, a progress list, and the contact sheet. */
public final class BatchPane extends VBox {

    public BatchPane(BatchModel batch, WorkbenchModel vm) {
        super(10);
        getStyleClass().add("batch-pane");

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton sweep = new ToggleButton("Sweep settings");
        sweep.setId("batch-sweep");
        ToggleButton folder = new ToggleButton("Folder of images");
        folder.setId("batch-folder");
        sweep.setToggleGroup(kinds);
        folder.setToggleGroup(kinds);
        kinds.selectToggle(batch.kindProperty().get() == BatchModel.Kind.SWEEP ? sweep : folder);
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                kinds.selectToggle(a);
            } else {
                batch.kindProperty().set(b == sweep ? BatchModel.Kind.SWEEP : BatchModel.Kind.FOLDER);
            }
        });
        HBox kindBox = new HBox(sweep, folder);
        kindBox.getStyleClass().add("segmented");

        GridPane sweepForm = Forms.grid();
        ChoiceBox<SamplerField> a = fieldChoice(false);
        a.valueProperty().bindBidirectional(batch.sweepAProperty());
        TextField va = new TextField();
        va.setId("sweep-values-a");
        va.textProperty().bindBidirectional(batch.valuesAProperty());
        ChoiceBox<SamplerField> b = fieldChoice(true);
        b.valueProperty().bindBidirectional(batch.sweepBProperty());
        TextField vb = new TextField();
        vb.setId("sweep-values-b");
        vb.textProperty().bindBidirectional(batch.valuesBProperty());
        vb.disableProperty().bind(b.valueProperty().isNull());
        va.setTooltip(Forms.tip("Values separated by commas; each makes one run (rows of the contact sheet)."));
        vb.setTooltip(Forms.tip("Values separated by commas (columns of the contact sheet)."));
        sweepForm.addRow(0, Forms.label("Setting 1", null), new HBox(6, a, grow(va)));
        sweepForm.addRow(1, Forms.label("Setting 2", null), new HBox(6, b, grow(vb)));
        Label sweepNote = new Label("Runs the current image with the sampler settings on the left, changing these.");
        sweepNote.getStyleClass().add("muted");
        VBox sweepBox = new VBox(6, sweepForm, sweepNote);
        sweepBox.visibleProperty().bind(sweep.selectedProperty());
        sweepBox.managedProperty().bind(sweepBox.visibleProperty());

        Button choose = new Button("Choose folder\u2026", Icons.of(Icons.FOLDER_IMAGES));
        choose.setOnAction(e -> {
            File f = new DirectoryChooser().showDialog(getScene().getWindow());
            if (f != null) {
                batch.folderProperty().set(f.toPath());
            }
        });
        Label folderLabel = new Label();
        folderLabel.textProperty().bind(Bindings.createStringBinding(() -> batch.folderProperty().get() == null
                ? "No folder chosen" : batch.folderProperty().get().toString(), batch.folderProperty()));
        HBox folderBox = new HBox(8, choose, folderLabel);
        folderBox.setAlignment(Pos.CENTER_LEFT);
        folderBox.visibleProperty().bind(folder.selectedProperty());
        folderBox.managedProperty().bind(folderBox.visibleProperty());

        Button start = new Button("Start batch", Icons.of(Icons.BATCH));
        start.setId("batch-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(batch.runningProperty().or(vm.runModel().busyProperty()));
        start.setOnAction(e -> batch.start());
        Button stop = new Button("Cancel", Icons.of(Icons.CANCEL));
        stop.setId("batch-cancel");
        stop.disableProperty().bind(batch.runningProperty().not());
        stop.setOnAction(e -> batch.cancel());
        Button sheet = new Button("Save contact sheet\u2026", Icons.of(Icons.SAVE));
        sheet.setId("batch-sheet");
        sheet.disableProperty().bind(batch.runningProperty().or(Bindings.isEmpty(batch.items())));
        sheet.setOnAction(e -> saveSheet(batch));
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(batch.progressProperty());
        bar.setPrefWidth(180);
        Label summary = new Label();
        summary.textProperty().bind(batch.summaryProperty());
        HBox actions = new HBox(8, start, stop, sheet, bar, summary);
        actions.setAlignment(Pos.CENTER_LEFT);

        ListView<BatchItem> list = new ListView<>(batch.items());
        list.setId("batch-list");
        list.setCellFactory(v -> new ItemCell());
        list.setPlaceholder(new Label("Results appear here, one line per run."));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(kindBox, sweepBox, folderBox, actions, list);
    }

    private void saveSheet(BatchModel batch) {
        FileChooser c = new FileChooser();
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG images", "*.png"));
        c.setInitialFileName("contact-sheet.png");
        File f = c.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        SaveDialogs.save(getScene().getWindow(), f.toPath(), batch::saveContactSheet);
    }

    private static TextField grow(TextField t) {
        HBox.setHgrow(t, Priority.ALWAYS);
        return t;
    }

    private static ChoiceBox<SamplerField> fieldChoice(boolean optional) {
        var values = FXCollections.<SamplerField>observableArrayList();
        if (optional) {
            values.add(null);
        }
        for (SamplerField f : SamplerField.values()) {
            values.add(f);
        }
        ChoiceBox<SamplerField> c = new ChoiceBox<>(values);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(SamplerField f) {
                return f == null ? "(none)" : f.label();
            }

            @Override
            public SamplerField fromString(String s) {
                return null;
            }
        });
        c.setMinWidth(130);
        return c;
    }

    /** A line of the progress list: the result thumbnail, what ran, and its status. */
    private static final class ItemCell extends ListCell<BatchItem> {
        private final ImageView thumb = new ImageView();
        private final Label title = new Label();
        private final Label status = new Label();
        private final HBox box = new HBox(10, thumb, new VBox(2, title, status));

        ItemCell() {
            thumb.setSmooth(false);
            thumb.setFitWidth(48);
            thumb.setFitHeight(48);
            thumb.setPreserveRatio(true);
            status.getStyleClass().add("muted");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(BatchItem item, boolean empty) {
            super.updateItem(item, empty);
            title.textProperty().unbind();
            status.textProperty().unbind();
            thumb.imageProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.label());
            status.textProperty().bind(item.statusProperty());
            thumb.imageProperty().bind(Bindings.createObjectBinding(() -> item.outcomeProperty().get() == null ? null
                    : FxImages.of(item.outcomeProperty().get().restored()), item.outcomeProperty()));
            setGraphic(box);
        }
    }
}
