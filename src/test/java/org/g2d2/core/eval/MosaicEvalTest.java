package org.g2d2.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.g2d2.core.Image;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.io.ToyPacks;
import org.g2d2.core.operator.OperatorSpec;
import org.g2d2.core.sampler.SamplerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosaicEvalTest {

    @TempDir
    Path dir;

    private static Image numbered(int i, int h, int w) {
        float[] d = new float[h * w];
        for (int p = 0; p < d.length; p++) {
            d[p] = (float) Math.sin(i + p * 0.37);
        }
        return new Image(1, h, w, d);
    }

    @Test
    void assembledTilesCutBackOutUnchanged() {
        List<Image> tiles = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            tiles.add(numbered(i, 5, 7));
        }
        Image mosaic = MosaicEval.assemble(tiles, 3);
        assertThat(mosaic.height()).isEqualTo(15);
        assertThat(mosaic.width()).isEqualTo(21);
        for (int i = 0; i < 9; i++) {
            assertThat(MosaicEval.tile(mosaic, i, 3, 5, 7).data()).containsExactly(tiles.get(i).data());
        }
    }

    @Test
    void restoresEachMosaicWholeAndTileByTile() throws Exception {
        ToyPacks.write(dir.resolve("toy"), ToyPacks.Spec.standard());
        try (ModelPack pack = ModelPackLoader.load(dir.resolve("toy"), Device.cpu())) {
            List<Image> images = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                images.add(numbered(i, 32, 32));
            }
            SamplerSettings s = new SamplerSettings(3, 2, 3e-4, 2, 1.0, 10, 1, 0.3, "star", 0.95, 1);
            MosaicEval.Result r = new MosaicEval(new Restorer(pack)).run(images.subList(0, 9), 2,
                    OperatorSpec.blur(1.0, 5), 0.05, s, (done, total, note) -> { }, () -> false);
            assertThat(r.mosaics()).hasSize(2);
            MosaicEval.Mosaic m = r.mosaics().get(0);
            assertThat(m.whole().height()).isEqualTo(64);
            assertThat(m.perImage().width()).isEqualTo(64);
            assertThat(m.tilePsnr()).hasNumberOfRows(4);
            assertThat(r.priorWindows()).contains("16x16 tokens, 9 windows");
            String md = MosaicReport.markdown(r, "g2d2 eval --mosaic 2");
            assertThat(md).contains("whole mosaic").contains("one by one").contains("--mosaic 2");
            assertThat(MosaicReport.csv(r).lines()).hasSize(1 + 8);
            assertThatThrownBy(() -> new MosaicEval(new Restorer(pack)).run(images.subList(0, 3), 2,
                    OperatorSpec.blur(1.0, 5), 0.05, s, (done, total, note) -> { }, () -> false))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs 4 test images");
        }
    }
}
