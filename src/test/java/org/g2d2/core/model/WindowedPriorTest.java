package org.g2d2.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.g2d2.core.io.ModelPack;
import org.g2d2.core.io.ModelPackLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The windowed prior on the shipped Fashion pack's transformer (8×8 context, K = 512). */
class WindowedPriorTest {

    static ModelPack pack;
    static TokenPrior prior;
    static int k;

    @BeforeAll
    static void load() {
        pack = ModelPackLoader.load(Path.of("models/fashion-mnist"), Device.cpu());
        prior = pack.models().prior();
        k = pack.grid().codebookSize();
    }

    @AfterAll
    static void close() {
        pack.close();
    }

    private static int[] state(int length, double maskedFraction, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] z = new int[length];
        for (int n = 0; n < length; n++) {
            z[n] = rng.nextDouble() < maskedFraction ? k : rng.nextInt(k);
        }
        return z;
    }

    @Test
    void onTheContextItselfItIsThePriorBitForBit() {
        WindowedPrior windowed = new WindowedPrior(prior, new PriorWindows(8, 8, 8, 8, PriorWindows.Settings.DEFAULT), k);
        int[] z = state(64, 0.5, 1);
        try (NDManager m = pack.manager().newSubManager()) {
            assertThat(windowed.logProbs(m, z, 60).toFloatArray()).containsExactly(prior.logProbs(m, z, 60).toFloatArray());
        }
    }

    @Test
    void combinedPredictionIsANormalisedWeightedGeometricMeanOfTheWindows() {
        PriorWindows windows = new PriorWindows(12, 10, 8, 8, PriorWindows.Settings.DEFAULT);
        WindowedPrior windowed = new WindowedPrior(prior, windows, k);
        int[] z = state(120, 0.6, 2);
        int t = 70;
        try (NDManager m = pack.manager().newSubManager()) {
            float[] combined = windowed.logProbs(m, z, t).toFloatArray();
            assertThat(combined).hasSize(120 * k);
            // every row a distribution
            for (int n = 0; n < 120; n++) {
                double mass = 0;
                for (int c = 0; c < k; c++) {
                    mass += Math.exp(combined[n * k + c]);
                }
                assertThat(mass).as("token %d", n).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
            // one token by hand: the windows covering (row 5, col 4), each evaluated alone
            int row = 5;
            int col = 4;
            float[] w = windows.weights();
            double[] mean = new double[k];
            double total = 0;
            List<PriorWindows.Origin> origins = windows.origins();
            for (PriorWindows.Origin o : origins) {
                int i = row - o.row();
                int j = col - o.col();
                if (i < 0 || j < 0 || i >= 8 || j >= 8) {
                    continue;
                }
                int[] crop = new int[64];
                for (int r = 0; r < 8; r++) {
                    System.arraycopy(z, (o.row() + r) * 10 + o.col(), crop, r * 8, 8);
                }
                float[] p = prior.logProbs(m, crop, t).toFloatArray();
                float weight = w[i * 8 + j];
                total += weight;
                for (int c = 0; c < k; c++) {
                    mean[c] += weight * p[(i * 8 + j) * k + c];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                mean[c] /= total;
                max = Math.max(max, mean[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(mean[c] - max);
            }
            double logZ = max + Math.log(sum);
            int n = row * 10 + col;
            for (int c = 0; c < k; c++) {
                assertThat((double) combined[n * k + c]).isCloseTo(mean[c] - logZ,
                        org.assertj.core.data.Offset.offset(2e-3));
            }
        }
    }

    @Test
    void unmaskedTokensKeepTheirCodeAcrossWindows() {
        WindowedPrior windowed = new WindowedPrior(prior, new PriorWindows(16, 16, 8, 8, PriorWindows.Settings.DEFAULT), k);
        int[] z = state(256, 0.5, 3);
        try (NDManager m = pack.manager().newSubManager()) {
            NDArray lp = windowed.logProbs(m, z, 50);
            assertThat(lp.getShape()).isEqualTo(new Shape(256, k));
            float[] a = lp.toFloatArray();
            for (int n = 0; n < 256; n++) {
                if (z[n] != k) {
                    assertThat(Math.exp(a[n * k + z[n]])).as("token %d", n).isGreaterThan(0.99);
                }
            }
        }
    }
}
