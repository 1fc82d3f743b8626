package org.g2d2.app.vm;

import com.google.gson.JsonObject;

/**
 * The part of the workbench that is remembered between sessions: the sampler form (as the user
 * typed it) and the degradation form. Restored settings survive the pack loading after them.
 */
public final class SettingsState {

    private final SamplerFormModel form;
    private final DegradationModel degradation;
    private final PackSession session;

    SettingsState(SamplerFormModel form, DegradationModel degradation, PackSession session) {
        this.form = form;
        this.degradation = degradation;
        this.session = session;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("sampler", form.toState());
        o.add("degradation", degradation.toState());
        return o;
    }

    /** Applies {@link #toJson()}'s output; parts that are missing or not objects are ignored. */
    public void apply(JsonObject o) {
        if (o.has("sampler") && o.get("sampler").isJsonObject()) {
            form.fromState(o.getAsJsonObject("sampler"));
            session.keepFormOnNextLoad();
        }
        if (o.has("degradation") && o.get("degradation").isJsonObject()) {
            degradation.fromState(o.getAsJsonObject("degradation"));
        }
    }
}
