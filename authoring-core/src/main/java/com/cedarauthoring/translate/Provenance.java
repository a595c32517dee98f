package com.cedarauthoring.translate;

import java.util.Map;

/**
 * Who produced a candidate: translator name ({@code rules}, {@code bedrock}, {@code hybrid}), model
 * id and prompt version/hash for model translators, attempts made, and free-form details (e.g.
 * cross-check result). Stored with each asset and returned as an extra asset member.
 */
public record Provenance(String translator, String modelId, String promptVersion, String promptSha256,
                         int attempts, Map<String, String> details) {
    public Provenance {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Provenance rules() {
        return new Provenance("rules", null, null, null, 1, Map.of());
    }
}
