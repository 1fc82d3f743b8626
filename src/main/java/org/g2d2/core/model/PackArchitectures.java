package org.g2d2.core.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The architecture types a model pack may name, and the code that builds each. */
public final class PackArchitectures {

    private static final Map<String, PackArchitecture> BY_TYPE = new TreeMap<>(Map.of(
            ToyPatchModel.TYPE, ToyPatchModel::build,
            org.g2d2.core.model.nn.VqTransformerArchitecture.TYPE, org.g2d2.core.model.nn.VqTransformerArchitecture::build));

    private PackArchitectures() {
    }

    public static Optional<PackArchitecture> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static java.util.Set<String> types() {
        return BY_TYPE.keySet();
    }
}
