package org.g2d2.core.model.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.g2d2.core.model.TokenDecoder;
import org.junit.jupiter.api.Test;

/** The shipped pack's decoder leaves nothing behind in the weights' manager (the soak found two arrays per decode). */
class DecoderScopeTest {

    @Test
    void decodeLeavesNoArrayInThePacksManager() {
        try (ModelPack pack = ModelPackLoader.load(Path.of("models", "fashion-mnist"), Device.cpu())) {
            TokenDecoder decoder = pack.models().decoder();
            int before = pack.manager().getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                try (NDManager m = pack.manager().newSubManager()) {
                    NDArray x = m.randomNormal(new Shape(1, pack.grid().embeddingDim(), pack.grid().height(),
                            pack.grid().width()));
                    decoder.decode(x);
                }
            }
            assertThat(pack.manager().getManagedArrays()).hasSize(before);
        }
    }
}
