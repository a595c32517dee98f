package com.cedarauthoring.translate;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.translate.model.BedrockTranslator;
import com.cedarauthoring.translate.model.ModelTranslatorConfig;

/**
 * Builds the configured translator at start-up. Region pinning is checked here (via
 * {@link BedrockTranslator#create}), so a refused model id stops the service before it serves.
 */
public final class Translators {

    private Translators() {}

    /**
     * @param rules the rules translator (always built by the caller; used alone or as hybrid's referee)
     * @throws IllegalArgumentException when the model id is refused for the region (data residency)
     */
    public static Translator create(ModelTranslatorConfig config, Cedar cedar, Translator rules) {
        java.util.Objects.requireNonNull(rules, "the rules translator is always required");
        return switch (config.mode()) {
            case RULES -> rules;
            case BEDROCK -> BedrockTranslator.create(config, cedar);
            case HYBRID -> new HybridTranslator(BedrockTranslator.create(config, cedar), rules, new Equivalence(cedar));
        };
    }
}
