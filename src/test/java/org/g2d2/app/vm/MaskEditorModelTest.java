package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.io.ImageFiles;
import org.g2d2.core.io.OperatorFiles;
import org.g2d2.core.operator.InpaintingMask;
import org.g2d2.core.operator.MaskSpec;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskEditorModelTest {

    @TempDir
    Path dir;

    private final DegradationModel degradation = new DegradationModel();
    private final SimpleObjectProperty<Image> input = new SimpleObjectProperty<>(new Image(1, 20, 30, new float[600]));
    private final MaskEditorModel editor = new MaskEditorModel(degradation, input);

    @Test
    void brushStrokesEraseUndoAndInvertDriveTheOperator() {
        degradation.kindProperty().set(OperatorSpec.Kind.INPAINT);
        assertThat(degradation.error().get()).contains("paint, load or simulate a mask");
        editor.brushRadiusProperty().set(1);
        editor.beginStroke();
        editor.paint(10.5, 10.5);
        assertThat(editor.missingCountProperty().get()).isEqualTo(9);
        editor.paint(10.5, 12.5);
        assertThat(editor.missingCountProperty().get()).isEqualTo(15);
        OperatorSpec spec = degradation.spec();
        InpaintingMask mask = spec.mask().realise(20, 30);
        assertThat(mask.isKnown(10, 10)).isFalse();
        assertThat(mask.isKnown(0, 0)).isTrue();

        editor.eraseProperty().set(true);
        editor.beginStroke();
        editor.paint(10.5, 10.5);
        assertThat(editor.missingCountProperty().get()).as("columns 12 and 13 of the second disc stay").isEqualTo(6);
        editor.undo();
        assertThat(editor.missingCountProperty().get()).isEqualTo(15);
        editor.invert();
        assertThat(editor.missingCountProperty().get()).isEqualTo(600 - 15);
        editor.clear();
        assertThat(editor.missingCountProperty().get()).isZero();
        assertThat(degradation.maskProperty().get()).isNull();
        editor.undo();
        editor.undo();
        editor.undo();
        assertThat(editor.missingCountProperty().get()).isZero();
        assertThat(editor.canUndo()).isFalse();
    }

    @Test
    void simulatedAndLoadedMasksAndANewInputSize() throws Exception {
        editor.simulate(MaskSpec.Source.BOX, 6, 1);
        assertThat(editor.missingCountProperty().get()).isEqualTo(36);
        InpaintingMask painted = InpaintingMask.box(20, 30, 4, new java.util.SplittableRandom(3));
        Path file = dir.resolve("m.png");
        ImageFiles.writePng(file, OperatorFiles.maskImage(painted));
        editor.load(file);
        assertThat(degradation.maskProperty().get().given()).isEqualTo(painted);
        Path small = dir.resolve("small.png");
        ImageFiles.writePng(small, OperatorFiles.maskImage(InpaintingMask.box(10, 10, 2,
                new java.util.SplittableRandom(1))));
        assertThatThrownBy(() -> editor.load(small)).isInstanceOf(InvalidInputException.class)
                .hasMessage("the mask is 10x10; it must be the image's size, 30x20");
        input.set(new Image(1, 8, 8, new float[64]));
        assertThat(editor.missingCountProperty().get()).isZero();
        assertThat(editor.height()).isEqualTo(8);
        assertThat(degradation.maskProperty().get()).isNull();
    }

    @Test
    void theShippedKernelsAreOfferedAndTheFirstIsChosen() {
        degradation.loadKernels(Path.of("assets/kernels"));
        assertThat(degradation.kernels()).extracting(DegradationModel.KernelChoice::toString)
                .containsExactly("motion-11px-100deg.png", "motion-15px-30deg.png", "motion-7px-0deg.png",
                        "motion-9px-45deg.png");
        degradation.kindProperty().set(OperatorSpec.Kind.KERNEL);
        assertThat(degradation.spec().kernel().name()).isEqualTo("motion-11px-100deg.png");
        degradation.kindProperty().set(OperatorSpec.Kind.SATURATE);
        degradation.gainProperty().set(2);
        assertThat(degradation.spec().describe()).startsWith("saturate gain=2.00");
    }
}
