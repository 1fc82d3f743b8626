package org.g2d2.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.g2d2.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorWindowsTest {

    @ParameterizedTest
    @CsvSource({"8, 8, 8, 8, 0", "12, 18, 8, 8, 0", "9, 8, 8, 8, 0", "128, 128, 8, 8, 0", "31, 17, 8, 8, 3",
        "20, 20, 8, 8, 8", "16, 40, 16, 16, 0"})
    void windowsCoverEveryTokenAndStayInsideTheGrid(int rows, int cols, int ch, int cw, int stride) {
        PriorWindows w = new PriorWindows(rows, cols, ch, cw, new PriorWindows.Settings(stride,
                PriorWindows.Taper.TRIANGULAR, PriorWindows.Balance.BLOCKS));
        int[] cover = new int[rows * cols];
        for (PriorWindows.Origin o : w.origins()) {
            assertThat(o.row()).isBetween(0, rows - ch);
            assertThat(o.col()).isBetween(0, cols - cw);
            for (int i = 0; i < ch; i++) {
                for (int j = 0; j < cw; j++) {
                    cover[(o.row() + i) * cols + o.col() + j]++;
                }
            }
        }
        assertThat(java.util.Arrays.stream(cover).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(w.origins()).hasSize(w.count()).doesNotHaveDuplicates();
    }

    @Test
    void halfContextStrideWithTheLastWindowFlush() {
        PriorWindows w = new PriorWindows(18, 8, 8, 8, PriorWindows.Settings.DEFAULT);
        assertThat(w.origins()).extracting(PriorWindows.Origin::row).containsExactly(0, 4, 8, 10);
        assertThat(w.origins()).extracting(PriorWindows.Origin::col).containsOnly(0);
        assertThat(w.single()).isFalse();
        assertThat(new PriorWindows(8, 8, 8, 8, PriorWindows.Settings.DEFAULT).origins())
                .containsExactly(new PriorWindows.Origin(0, 0));
    }

    @Test
    void triangularWeightsPeakInTheMiddleAndFlatOnesAreEqual() {
        float[] tri = new PriorWindows(8, 8, 4, 4, PriorWindows.Settings.DEFAULT).weights();
        // profile 1, 2, 2, 1 on both axes
        assertThat(tri).containsExactly(1, 2, 2, 1, 2, 4, 4, 2, 2, 4, 4, 2, 1, 2, 2, 1);
        float[] flat = new PriorWindows(8, 8, 4, 4, new PriorWindows.Settings(0, PriorWindows.Taper.FLAT,
                PriorWindows.Balance.KL)).weights();
        assertThat(flat).containsOnly(1f);
    }

    @Test
    void settingsReadFromJsonAndRefuseNonsense() {
        var o = new com.google.gson.JsonObject();
        o.addProperty("stride", 3);
        o.addProperty("taper", "flat");
        assertThat(PriorWindows.Settings.fromJson(o)).isEqualTo(new PriorWindows.Settings(3, PriorWindows.Taper.FLAT,
                PriorWindows.Balance.KL));
        o.addProperty("balance", "Blocks");
        assertThat(PriorWindows.Settings.fromJson(o).balance()).isEqualTo(PriorWindows.Balance.BLOCKS);
        o.addProperty("balance", "squared");
        assertThatThrownBy(() -> PriorWindows.Settings.fromJson(o)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("squared").hasMessageContaining("none, kl, blocks");
        o.addProperty("balance", "none");
        assertThat(PriorWindows.Settings.fromJson(null)).isEqualTo(PriorWindows.Settings.DEFAULT);
        o.addProperty("taper", "gaussian");
        assertThatThrownBy(() -> PriorWindows.Settings.fromJson(o)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("gaussian").hasMessageContaining("flat, triangular");
        assertThatThrownBy(() -> new PriorWindows.Settings(-1, PriorWindows.Taper.FLAT, PriorWindows.Balance.BLOCKS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("-1");
    }

    @Test
    void layoutPadsSmallImagesToTheContextAndRoundsUpToWholeTokens() {
        TokenGrid context = new TokenGrid(8, 8, 32, 16);
        TokenLayout odd = TokenLayout.of(70, 45, context, 4, PriorWindows.Settings.DEFAULT);
        assertThat(odd.grid().height()).isEqualTo(18);
        assertThat(odd.grid().width()).isEqualTo(12);
        assertThat(odd.grid().codebookSize()).isEqualTo(32);
        TokenLayout small = TokenLayout.of(12, 20, context, 4, PriorWindows.Settings.DEFAULT);
        assertThat(small.gridText()).isEqualTo("8x8");
        assertThat(small.windows().single()).isTrue();
    }
}
