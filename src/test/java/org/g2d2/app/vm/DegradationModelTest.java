package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.g2d2.core.InvalidInputException;
import org.g2d2.core.Restorer;
import org.g2d2.core.operator.OperatorSpec;
import org.junit.jupiter.api.Test;

class DegradationModelTest {

    @Test
    void buildsTheOperatorTheControlsDescribe() {
        DegradationModel d = new DegradationModel();
        d.blurSigmaProperty().set(2.0);
        d.blurSizeProperty().set(11);
        assertThat(d.spec()).isEqualTo(OperatorSpec.blur(2.0, 11));
        d.kindProperty().set(OperatorSpec.Kind.SR);
        d.scaleProperty().set(4);
        assertThat(d.spec()).isEqualTo(OperatorSpec.superResolution(4));
        assertThat(d.error().get()).isNull();
    }

    @Test
    void invalidOperatorOrNoiseIsReportedInCoresWords() {
        DegradationModel d = new DegradationModel();
        d.blurSizeProperty().set(8);
        assertThat(d.error().get()).contains("blur size must be an odd number").contains("found 8");
        assertThatThrownBy(d::spec).isInstanceOf(InvalidInputException.class);
        d.blurSizeProperty().set(9);
        d.noiseSigmaProperty().set(-0.1);
        assertThat(d.error().get()).isNotNull();
        d.noiseSigmaProperty().set(0.1);
        assertThat(d.error().get()).isNull();
    }

    @Test
    void stateRoundTrip() {
        DegradationModel d = new DegradationModel();
        d.load(new OperatorSpec(OperatorSpec.Kind.SR_BOX, 0, 0, 4), 0.02, Restorer.Mode.MEASURED);
        DegradationModel e = new DegradationModel();
        e.fromState(d.toState());
        assertThat(e.spec()).isEqualTo(d.spec());
        assertThat(e.noiseSigmaProperty().get()).isEqualTo(0.02);
        assertThat(e.modeProperty().get()).isEqualTo(Restorer.Mode.MEASURED);
    }
}
