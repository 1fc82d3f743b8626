package org.g2d2.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackLoaderTest {

    @TempDir
    Path dir;

    @Test
    void writtenPackLoadsAndItsEncoderInvertsItsDecoder() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        try (ModelPack pack = ModelPackLoader.load(dir, Device.cpu()); NDManager m = pack.manager().newSubManager()) {
            assertThat(pack.id()).isEqualTo("toy 1");
            assertThat(pack.grid().length()).isEqualTo(64);
            int[] tokens = new int[64];
            for (int i = 0; i < 64; i++) {
                tokens[i] = (i * 7) % 32;
            }
            NDArray codes = m.create(tokens).oneHot(32).matMul(pack.models().decoder().codebook());
            NDArray image = pack.models().decoder().decode(codes.reshape(1, 8, 8, 16).transpose(0, 3, 1, 2));
            assertThat(image.getShape().getShape()).containsExactly(1, 1, 32, 32);
            NDArray back = pack.models().encoder().orElseThrow().encode(image);
            assertThat(back.toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray()).containsExactly(tokens);
            // carry-over: an unmasked position puts almost all its mass on the observed token
            int[] state = new int[64];
            java.util.Arrays.fill(state, 32);
            state[5] = 9;
            float[] lp = pack.models().prior().logProbs(m, state, 50).toFloatArray();
            assertThat(Math.exp(lp[5 * 32 + 9])).isGreaterThan(0.999);
        }
    }

    @Test
    void tamperedWeightsAreRefusedWithTheHashes() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        Path weights = dir.resolve("toy.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        assertThatThrownBy(() -> ModelPackLoader.load(dir, Device.cpu()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("toy.safetensors has SHA-256")
                .hasMessageContaining("modified or damaged");
    }

    @Test
    void missingOrBrokenManifestsSayWhatAPackIs() throws Exception {
        assertThatThrownBy(() -> ModelPackLoader.load(dir.resolve("nowhere"), Device.cpu()))
                .hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> ModelPackLoader.load(dir, Device.cpu()))
                .hasMessageContaining("has no model.json");
        Files.writeString(dir.resolve("model.json"), "{ not json");
        assertThatThrownBy(() -> ModelPackLoader.load(dir, Device.cpu())).hasMessageContaining("not valid JSON");
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        String json = Files.readString(dir.resolve("model.json")).replace("\"toy-patch\"", "\"vq-gan\"");
        Files.writeString(dir.resolve("model.json"), json);
        assertThatThrownBy(() -> ModelPackLoader.load(dir, Device.cpu()))
                .hasMessageContaining("names architecture 'vq-gan'").hasMessageContaining("toy-patch");
        Files.delete(dir.resolve("toy.safetensors"));
        assertThatThrownBy(() -> ModelPackLoader.verify(dir)).hasMessageContaining("missing weight file toy.safetensors");
    }

    @Test
    void weightFileNamesMayNotEscapeThePack() throws Exception {
        ToyPacks.write(dir, ToyPacks.Spec.standard());
        String json = Files.readString(dir.resolve("model.json")).replace("\"toy.safetensors\"", "\"../x.safetensors\"");
        Files.writeString(dir.resolve("model.json"), json);
        assertThatThrownBy(() -> ModelPackLoader.readManifest(dir)).hasMessageContaining("plain file name");
    }
}
