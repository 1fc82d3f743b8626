package org.g2d2.app.vm;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.g2d2.core.InvalidInputException;
import org.g2d2.core.sampler.SamplerSettings;

/**
 * The sampler panel's state: every setting as editable text, its validation message (null when
 * valid), the pack's presets, the seed dice and the device. The ranges are core's own: each field
 * is checked by building {@link SamplerSettings} with that one value changed, so the form never
 * disagrees with the sampler about what is allowed.
 */
public final class SamplerFormModel {

    /** The noise process choices, as core names them. */
    public static final ObservableList<String> PROCESSES = FXCollections.observableArrayList("star", "markov");

    private final Map<SamplerField, StringProperty> texts = new EnumMap<>(SamplerField.class);
    private final Map<SamplerField, StringBinding> errors = new EnumMap<>(SamplerField.class);
    private final ObjectProperty<String> process = new SimpleObjectProperty<>("star");
    private final StringProperty device = new SimpleStringProperty("auto");
    private final ObservableList<String> devices = FXCollections.observableArrayList("auto", "cpu");
    private final IntegerProperty maxSteps = new SimpleIntegerProperty(1000);
    private final Map<String, JsonObject> presets = new LinkedHashMap<>();
    private final ObservableList<String> presetNames = FXCollections.observableArrayList();
    private final StringProperty preset = new SimpleStringProperty();
    private final DoubleProperty klExponent = new SimpleDoubleProperty();
    private final BooleanBinding valid;
    private boolean syncingKl;

    public SamplerFormModel() {
        for (SamplerField f : SamplerField.values()) {
            StringProperty text = new SimpleStringProperty("");
            texts.put(f, text);
            errors.put(f, Bindings.createStringBinding(() -> check(f, text.get()), text, maxSteps));
        }
        BooleanBinding all = null;
        for (StringBinding e : errors.values()) {
            BooleanBinding ok = e.isNull();
            all = all == null ? ok : all.and(ok);
        }
        valid = all;
        // the KL slider works on log10(λ); keep both views of the value in step
        text(SamplerField.KL).addListener((o, a, b) -> {
            if (!syncingKl) {
                try {
                    double v = Double.parseDouble(b.trim());
                    if (v > 0) {
                        syncingKl = true;
                        klExponent.set(Math.log10(v));
                    }
                } catch (NumberFormatException e) {
                    // an unparsable value is reported by validation; the slider stays where it was
                } finally {
                    syncingKl = false;
                }
            }
        });
        klExponent.addListener((o, a, b) -> {
            if (!syncingKl) {
                syncingKl = true;
                text(SamplerField.KL).set(formatKl(Math.pow(10, b.doubleValue())));
                syncingKl = false;
            }
        });
        load(SamplerSettings.PAPER_BLUR);
    }

    public StringProperty text(SamplerField field) {
        return texts.get(field);
    }

    /** The validation message of one field, or null when it is valid. */
    public ObservableStringValue error(SamplerField field) {
        return errors.get(field);
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }

    public ObjectProperty<String> processProperty() {
        return process;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public ObservableList<String> devices() {
        return devices;
    }

    /** The largest allowed step count: the pack's T_train. */
    public IntegerProperty maxStepsProperty() {
        return maxSteps;
    }

    public ObservableList<String> presetNames() {
        return presetNames;
    }

    public StringProperty presetProperty() {
        return preset;
    }

    /** log10 of the KL weight, for a log-scale slider. */
    public DoubleProperty klExponentProperty() {
        return klExponent;
    }

    /** The first message of an invalid field, for a status line; null when all are valid. */
    public String firstError() {
        for (SamplerField f : SamplerField.values()) {
            String e = errors.get(f).get();
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The settings the form describes; throws {@link InvalidInputException} naming a bad field. */
    public SamplerSettings settings() {
        String e = firstError();
        if (e != null) {
            throw new InvalidInputException(e);
        }
        JsonObject o = new JsonObject();
        for (SamplerField f : SamplerField.values()) {
            o.add(f.key(), number(f, text(f).get()));
        }
        o.addProperty("process", process.get());
        return SamplerSettings.PAPER_BLUR.overriddenBy(o);
    }

    /** Shows these settings in the form, every number exactly (so {@link #settings()} gives them back unchanged). */
    public void load(SamplerSettings s) {
        JsonObject o = s.toJson();
        for (SamplerField f : SamplerField.values()) {
            text(f).set(plain(o.get(f.key()).getAsNumber(), f.whole()));
        }
        process.set(s.process());
    }

    /** Installs a pack's presets and T_train, then applies the default preset. */
    public void setPack(Map<String, JsonObject> packPresets, int trainSteps) {
        presets.clear();
        if (packPresets != null) {
            presets.putAll(packPresets);
        }
        presetNames.setAll(presets.keySet());
        maxSteps.set(trainSteps);
        reset();
    }

    /** Applies a preset over the paper's defaults, keeping the seed. */
    public void applyPreset(String name) {
        JsonObject p = presets.get(name);
        if (p == null) {
            throw new InvalidInputException("preset '" + name + "' is not in this pack; allowed: " + presets.keySet());
        }
        String seed = text(SamplerField.SEED).get();
        load(SamplerSettings.PAPER_BLUR.overriddenBy(p));
        text(SamplerField.SEED).set(seed);
        preset.set(name);
    }

    /** Back to the pack's default preset ("interactive" when it has one), seed kept. */
    public void reset() {
        String seed = text(SamplerField.SEED).get();
        String first = presets.containsKey("interactive") ? "interactive"
                : presets.keySet().stream().findFirst().orElse(null);
        if (first != null) {
            applyPreset(first);
        } else {
            load(SamplerSettings.PAPER_BLUR);
            preset.set(null);
        }
        text(SamplerField.SEED).set(seed);
    }

    /** A fresh random seed, small enough to read aloud. */
    public void rollSeed(Random random) {
        text(SamplerField.SEED).set(Long.toString(random.nextInt(1_000_000_000)));
    }

    /** The form as JSON (texts, process, device, preset) for the persisted settings. */
    public JsonObject toState() {
        JsonObject o = new JsonObject();
        for (SamplerField f : SamplerField.values()) {
            o.addProperty(f.key(), text(f).get());
        }
        o.addProperty("process", process.get());
        o.addProperty("device", device.get());
        if (preset.get() != null) {
            o.addProperty("preset", preset.get());
        }
        return o;
    }

    /** Restores {@link #toState()}; unknown or missing keys are ignored, invalid texts shown as invalid. */
    public void fromState(JsonObject o) {
        for (SamplerField f : SamplerField.values()) {
            if (o.has(f.key())) {
                text(f).set(o.get(f.key()).getAsString());
            }
        }
        if (o.has("process") && PROCESSES.contains(o.get("process").getAsString())) {
            process.set(o.get("process").getAsString());
        }
        if (o.has("device")) {
            device.set(o.get("device").getAsString());
        }
        preset.set(o.has("preset") ? o.get("preset").getAsString() : null);
    }

    private String check(SamplerField f, String text) {
        JsonPrimitive value;
        try {
            value = number(f, text);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        if (f == SamplerField.STEPS && value.getAsLong() > maxSteps.get()) {
            return "steps must be at most the pack's " + maxSteps.get() + " training steps; found " + value;
        }
        JsonObject one = new JsonObject();
        one.add(f.key(), value);
        try {
            SamplerSettings.PAPER_BLUR.overriddenBy(one);
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private static JsonPrimitive number(SamplerField f, String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (f.whole()) {
                return new JsonPrimitive(Long.parseLong(t));
            }
            double d = Double.parseDouble(t);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return new JsonPrimitive(d);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(f.key() + " must be " + (f.whole() ? "a whole number" : "a number")
                    + "; found '" + t + "'");
        }
    }

    /** A slider position as a round λ (two significant digits): dragging picks a value, it needs no more. */
    static String formatKl(double v) {
        return String.format(Locale.ROOT, "%.2g", v).replace("e-0", "e-").replace("e+0", "e");
    }

    private static String plain(Number n, boolean whole) {
        if (whole) {
            return Long.toString(n.longValue());
        }
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return Long.toString((long) d);
        }
        // Double.toString gives back exactly this double when parsed; "1.0E-4" reads better as "1e-4"
        return Double.toString(d).replace("E", "e").replace(".0e", "e");
    }
}
