package org.g2d2.app.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.sampler.SamplerSettings;
import org.junit.jupiter.api.Test;

class SamplerFormModelTest {

    private static Map<String, JsonObject> presets() {
        Map<String, JsonObject> p = new LinkedHashMap<>();
        JsonObject interactive = new JsonObject();
        interactive.addProperty("steps", 20);
        interactive.addProperty("iterations", 10);
        JsonObject sr4 = new JsonObject();
        sr4.addProperty("steps", 50);
        sr4.addProperty("lr", 10);
        sr4.addProperty("lrDecay", 2);
        p.put("sr4", sr4);
        p.put("interactive", interactive);
        return p;
    }

    @Test
    void defaultsAreThePaperSettings() {
        SamplerFormModel form = new SamplerFormModel();
        assertThat(form.isValid()).isTrue();
        assertThat(form.settings()).isEqualTo(SamplerSettings.PAPER_BLUR);
    }

    @Test
    void textThatIsNotANumberIsAnErrorThatBlocksTheSettings() {
        SamplerFormModel form = new SamplerFormModel();
        form.text(SamplerField.STEPS).set("abc");
        assertThat(form.error(SamplerField.STEPS).get()).isEqualTo("steps must be a whole number; found 'abc'");
        assertThat(form.isValid()).isFalse();
        assertThat(form.error(SamplerField.KL).get()).isNull();
        assertThatThrownBy(form::settings).isInstanceOf(InvalidInputException.class).hasMessageContaining("steps");
        form.text(SamplerField.STEPS).set(" 12 ");
        assertThat(form.isValid()).isTrue();
        assertThat(form.settings().steps()).isEqualTo(12);
    }

    @Test
    void rangesAreCoresOwnAndStepsAreCappedByThePack() {
        SamplerFormModel form = new SamplerFormModel();
        form.text(SamplerField.TEMPERATURE).set("0");
        assertThat(form.error(SamplerField.TEMPERATURE).get()).startsWith("temperature must be a number in [0.001, 100]");
        form.text(SamplerField.TEMPERATURE).set("0.5");
        form.text(SamplerField.FORGET).set("1.5");
        assertThat(form.error(SamplerField.FORGET).get()).contains("forget must be").contains("found 1.5");
        form.text(SamplerField.FORGET).set("0.3");
        form.setPack(presets(), 50);
        form.text(SamplerField.STEPS).set("80");
        assertThat(form.error(SamplerField.STEPS).get()).contains("at most the pack's 50");
        assertThat(form.firstError()).contains("steps");
    }

    @Test
    void presetsApplyOverThePaperDefaultsKeepTheSeedAndResetGoesBack() {
        SamplerFormModel form = new SamplerFormModel();
        form.text(SamplerField.SEED).set("77");
        form.setPack(presets(), 100);
        assertThat(form.presetNames()).containsExactly("sr4", "interactive");
        assertThat(form.presetProperty().get()).isEqualTo("interactive");
        assertThat(form.settings().steps()).isEqualTo(20);
        assertThat(form.settings().seed()).isEqualTo(77);

        form.applyPreset("sr4");
        SamplerSettings sr4 = form.settings();
        assertThat(sr4.steps()).isEqualTo(50);
        assertThat(sr4.lr()).isEqualTo(10);
        assertThat(sr4.iterations()).isEqualTo(SamplerSettings.PAPER_BLUR.iterations());
        assertThat(sr4.seed()).isEqualTo(77);

        form.text(SamplerField.KL).set("0.5");
        form.reset();
        assertThat(form.settings()).isEqualTo(SamplerSettings.PAPER_BLUR.overriddenBy(presets().get("interactive"))
                .withSeed(77));
        assertThatThrownBy(() -> form.applyPreset("nope")).hasMessageContaining("allowed: [sr4, interactive]");
    }

    @Test
    void theLogSliderAndTheKlFieldFollowEachOther() {
        SamplerFormModel form = new SamplerFormModel();
        form.klExponentProperty().set(-2);
        assertThat(form.text(SamplerField.KL).get()).isEqualTo("0.010");
        assertThat(form.settings().kl()).isEqualTo(0.01);
        form.text(SamplerField.KL).set("1e-5");
        assertThat(form.klExponentProperty().get()).isEqualTo(-5.0, org.assertj.core.api.Assertions.within(1e-12));
        form.text(SamplerField.KL).set("junk");
        assertThat(form.klExponentProperty().get()).isEqualTo(-5.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void diceDrawsAValidNewSeed() {
        SamplerFormModel form = new SamplerFormModel();
        form.rollSeed(new Random(1));
        long first = form.settings().seed();
        form.rollSeed(new Random(2));
        assertThat(form.settings().seed()).isNotEqualTo(first).isBetween(0L, 999_999_999L);
    }

    @Test
    void stateRoundTripKeepsEvenInvalidText() {
        SamplerFormModel form = new SamplerFormModel();
        form.text(SamplerField.LR).set("3.5");
        form.text(SamplerField.ITERATIONS).set("x");
        form.processProperty().set("markov");
        form.deviceProperty().set("cpu");
        SamplerFormModel other = new SamplerFormModel();
        other.fromState(form.toState());
        assertThat(other.text(SamplerField.LR).get()).isEqualTo("3.5");
        assertThat(other.text(SamplerField.ITERATIONS).get()).isEqualTo("x");
        assertThat(other.isValid()).isFalse();
        assertThat(other.processProperty().get()).isEqualTo("markov");
        assertThat(other.deviceProperty().get()).isEqualTo("cpu");
    }
}
