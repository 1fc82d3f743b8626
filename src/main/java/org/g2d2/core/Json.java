package org.g2d2.core;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The project's one JSON configuration: pretty output, no HTML escaping, NaN refused. */
public final class Json {

    public static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .create();

    private Json() {
    }
}
