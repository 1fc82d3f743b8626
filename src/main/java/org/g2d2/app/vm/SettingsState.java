package org.g2d2.app.vm;

import com.google.gson.JsonObject;

/**
 * The part of the workbench that is remembered between sessions: the sampler form (as the user
 * typed it), the degradation form and the limit on restored pixels. Restored settings survive the pack loading after them.
 */
public final class SettingsState {

    private final SamplerFormModel form;
    private final DegradationModel degradation;
    private final PackSession session;
    private final SizeModel sizes;

    SettingsState(SamplerFormModel form, DegradationModel degradation, PackSession session, SizeModel sizes) {
        this.form = form;
        this.degradation = degradation;
        this.session = session;
        this.sizes = sizes;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("sampler", form.toState());
        o.add("degradation", degradation.toState());
        o.addProperty("maxPixels", sizes.maxPixelsProperty().get());
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
        if (o.has("maxPixels") && o.get("maxPixels").isJsonPrimitive()) {
            sizes.setMaxPixels(o.get("maxPixels").getAsString());
        }
    }
}
