package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.g2d2.app.FxThread;
import org.g2d2.core.TorchRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchModelTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        TorchRuntime.configure(1);
    }

    @Test
    void sweepValuesAreCheckedByCoresRules() {
        assertThat(BatchPlan.parseValues(SamplerField.KL, "1e-4, 3e-4;1e-3")).hasSize(3);
        assertThatThrownBy(() -> BatchPlan.parseValues(SamplerField.TEMPERATURE, "1, 0"))
                .hasMessageContaining("temperature must be");
        assertThatThrownBy(() -> BatchPlan.parseValues(SamplerField.STEPS, "4, 2.5"))
                .hasMessageContaining("'2.5'").hasMessageContaining("whole number");
        assertThatThrownBy(() -> BatchPlan.parseValues(SamplerField.LR, " ")).hasMessageContaining("at least one");
    }

    @Test
    void aTwoBySweepAndAFolderRunEveryItemAndMakeAContactSheet() throws Exception {
        WorkbenchModel vm = ToyModel.open(Map.of(SamplerField.STEPS, "3", SamplerField.ITERATIONS, "2"));
        BatchModel batch = FxThread.call(() -> new BatchModel(Workers.direct(), vm));
        FxThread.run(() -> {
            batch.sweepAProperty().set(SamplerField.SEED);
            batch.valuesAProperty().set("1, 2");
            batch.sweepBProperty().set(SamplerField.FORGET);
            batch.valuesBProperty().set("0.1, 0.5, 0.9");
            batch.start();
            assertThat(batch.items()).extracting(BatchItem::label)
                    .containsExactly("seed=1 forget=0.1", "seed=1 forget=0.5", "seed=1 forget=0.9",
                            "seed=2 forget=0.1", "seed=2 forget=0.5", "seed=2 forget=0.9");
            assertThat(batch.items()).allSatisfy(i -> {
                assertThat(i.outcomeProperty().get()).isNotNull();
                assertThat(i.statusProperty().get()).startsWith("PSNR");
            });
            assertThat(batch.runningProperty().get()).isFalse();
            assertThat(batch.summaryProperty().get()).isEqualTo("6/6 done");
            BufferedImage sheet = batch.contactSheet();
            // three columns (the second setting's values) by two rows, each tile with two lines of text
            assertThat(sheet.getWidth()).isEqualTo(6 + 3 * (BatchModel.SHEET_TILE + 6));
            assertThat(sheet.getHeight()).isEqualTo(6 + 2 * (BatchModel.SHEET_TILE + 2 * 14 + 6));
            assertThat(batch.saveContactSheet(dir.resolve("sheet.png"), false)).isEqualTo(SaveStatus.STARTED);
            assertThat(batch.saveContactSheet(dir.resolve("sheet.png"), false)).isEqualTo(SaveStatus.EXISTS);
        });
        assertThat(Files.size(dir.resolve("sheet.png"))).isPositive();

        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("models/toy/samples/toy-02.png"), folder.resolve("a.png"));
        Files.copy(Path.of("models/toy/samples/toy-05.png"), folder.resolve("b.png"));
        Files.writeString(folder.resolve("c.png"), "broken");
        FxThread.run(() -> {
            batch.kindProperty().set(BatchModel.Kind.FOLDER);
            batch.folderProperty().set(folder);
            batch.start();
            assertThat(batch.items()).extracting(BatchItem::label).containsExactly("a.png", "b.png", "c.png");
            assertThat(batch.items().get(0).outcomeProperty().get()).isNotNull();
            assertThat(batch.items().get(2).statusProperty().get()).startsWith("failed: image").contains("c.png");
            vm.session().packProperty().get().close();
        });
    }
}
