package org.g2d2.core.io;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.g2d2.core.model.PackArchitecture;
import org.g2d2.core.model.ToyPatchModel;
import org.g2d2.core.model.nn.VqTransformerArchitecture;

/**
 * The architecture types a model pack may name, and the code that builds each. It lives beside the
 * loader, above the models, so that the model interfaces need not know their implementations.
 */
public final class PackArchitectures {

    private static final Map<String, PackArchitecture> BY_TYPE = new TreeMap<>(Map.of(
            ToyPatchModel.TYPE, ToyPatchModel::build,
            VqTransformerArchitecture.TYPE, VqTransformerArchitecture::build));

    private PackArchitectures() {
    }

    public static Optional<PackArchitecture> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static java.util.Set<String> types() {
        return BY_TYPE.keySet();
    }
}
