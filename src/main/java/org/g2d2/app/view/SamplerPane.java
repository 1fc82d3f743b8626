package org.g2d2.app.view;

import java.security.SecureRandom;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.g2d2.app.vm.SamplerField;
import org.g2d2.app.vm.SamplerFormModel;

/** The sampler settings: presets, every field with a tooltip and validation, seed dice, device. */
final class SamplerPane extends javafx.scene.layout.VBox {

    private final ValidationSupport validation = new ValidationSupport();

    SamplerPane(SamplerFormModel vm) {
        GridPane g = Forms.grid();
        int row = 0;

        ComboBox<String> presets = new ComboBox<>(vm.presetNames());
        presets.setId("preset");
        presets.setPromptText("custom");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.valueProperty().bindBidirectional(vm.presetProperty());
        presets.setOnAction(e -> {
            if (presets.getValue() != null) {
                vm.applyPreset(presets.getValue());
            }
        });
        presets.setTooltip(Forms.tip("Settings the pack's authors tuned: 'interactive' is fast, the others follow the paper."));
        Button reset = new Button(null, Icons.of(Icons.RESET));
        reset.setId("reset-settings");
        reset.setTooltip(Forms.tip("Back to the pack's default preset (the seed is kept)."));
        reset.setOnAction(e -> vm.reset());
        HBox presetRow = new HBox(6, presets, reset);
        HBox.setHgrow(presets, Priority.ALWAYS);
        g.addRow(row++, Forms.label("Preset", null), presetRow);

        for (SamplerField f : SamplerField.values()) {
            if (f == SamplerField.SEED) {
                continue;
            }
            TextField field = field(vm, f);
            if (f == SamplerField.KL) {
                Slider slider = new Slider(-6, 1, vm.klExponentProperty().get());
                slider.setId("kl-slider");
                slider.valueProperty().bindBidirectional(vm.klExponentProperty());
                slider.setTooltip(Forms.tip("The KL weight on a log scale: each notch is ten times more or less."));
                field.setPrefColumnCount(6);
                HBox box = new HBox(6, slider, field);
                HBox.setHgrow(slider, Priority.ALWAYS);
                g.addRow(row++, Forms.label(f.label(), f.help()), box);
            } else {
                g.addRow(row++, Forms.label(f.label(), f.help()), field);
            }
        }

        ChoiceBox<String> process = new ChoiceBox<>(SamplerFormModel.PROCESSES);
        process.setId("process");
        process.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : s.equals("star") ? "Star-shaped (can re-mask)" : "Markov (absorbing)";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        process.valueProperty().bindBidirectional(vm.processProperty());
        process.setMaxWidth(Double.MAX_VALUE);
        String processHelp = "Star-shaped redraws every state from the current guess, so early mistakes can be "
                + "undone; Markov keeps tokens once they are unmasked.";
        process.setTooltip(Forms.tip(processHelp));
        g.addRow(row++, Forms.label("Process", processHelp), process);

        TextField seed = field(vm, SamplerField.SEED);
        Button dice = new Button(null, Icons.of(Icons.DICE));
        dice.setId("dice");
        dice.setTooltip(Forms.tip("Draw a new random seed."));
        SecureRandom random = new SecureRandom();
        dice.setOnAction(e -> vm.rollSeed(random));
        Button copy = new Button(null, Icons.of(Icons.COPY));
        copy.setId("copy-seed");
        copy.setTooltip(Forms.tip("Copy the seed to the clipboard."));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.text(SamplerField.SEED).get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox seedRow = new HBox(6, seed, dice, copy);
        HBox.setHgrow(seed, Priority.ALWAYS);
        g.addRow(row++, Forms.label(SamplerField.SEED.label(), SamplerField.SEED.help()), seedRow);

        ChoiceBox<String> device = new ChoiceBox<>(vm.devices());
        device.setId("device");
        device.valueProperty().bindBidirectional(vm.deviceProperty());
        device.setMaxWidth(Double.MAX_VALUE);
        String deviceHelp = "Where the networks run: auto picks a GPU when one is visible, else the CPU.";
        device.setTooltip(Forms.tip(deviceHelp));
        g.addRow(row, Forms.label("Device", deviceHelp), device);
        getChildren().add(g);
    }

    private TextField field(SamplerFormModel vm, SamplerField f) {
        TextField t = new TextField();
        t.setId("field-" + f.key());
        t.textProperty().bindBidirectional(vm.text(f));
        t.setTooltip(Forms.tip(f.help()));
        t.setPrefColumnCount(8);
        // the model decides; ControlsFX only draws its verdict on the field
        validation.registerValidator(t, false, (control, value) ->
                ValidationResult.fromErrorIf(control, vm.error(f).get(), vm.error(f).get() != null));
        vm.error(f).addListener((o, a, b) -> validation.revalidate(t));
        return t;
    }

    /** Keeps a label's text in step with a number. */
    static javafx.beans.binding.StringBinding formatted(javafx.beans.value.ObservableNumberValue v, String pattern) {
        return Bindings.createStringBinding(() -> String.format(Locale.ROOT, pattern, v.doubleValue()), v);
    }
}
