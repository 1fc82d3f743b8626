package org.g2d2.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class CharacterErrorRateTest {

    @Test
    void editDistanceOverReferenceLength() {
        // kitten → sitting: two substitutions and one insertion against the 7 letters of the reference
        assertThat(CharacterErrorRate.of("kitten", "sitting")).isCloseTo(3 / 7.0, offset(1e-12));
        assertThat(CharacterErrorRate.of("the cat", "the cat")).isZero();
        assertThat(CharacterErrorRate.of("", "abcd")).isEqualTo(1.0);
        assertThat(CharacterErrorRate.of("abcdabcd", "abcd")).isEqualTo(1.0);
    }

    @Test
    void whitespaceRunsAndLineBreaksCountAsOneSpace() {
        assertThat(CharacterErrorRate.of("  the\n\ncat  sat\t", "the cat\nsat")).isZero();
        assertThat(CharacterErrorRate.of("thecat", "the cat")).isCloseTo(1 / 7.0, offset(1e-12));
    }

    @Test
    void emptyReferenceIsRefused() {
        assertThatThrownBy(() -> CharacterErrorRate.of("x", " \n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reference text is empty");
    }
}
