package com.cedarauthoring.translate;

import com.cedarauthoring.translate.model.ModelCallEvents;

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
        return create(config, cedar, rules, ModelCallEvents.NONE);
    }

    /** As above, the model translator reporting its calls to {@code modelCalls} (the service's metrics). */
    public static Translator create(ModelTranslatorConfig config, Cedar cedar, Translator rules, ModelCallEvents modelCalls) {
        java.util.Objects.requireNonNull(rules, "the rules translator is always required");
        return switch (config.mode()) {
            case RULES -> rules;
            case BEDROCK -> bedrock(config, cedar, modelCalls);
            case HYBRID -> new HybridTranslator(bedrock(config, cedar, modelCalls), rules, new Equivalence(cedar));
        };
    }

    private static BedrockTranslator bedrock(ModelTranslatorConfig config, Cedar cedar, ModelCallEvents modelCalls) {
        return BedrockTranslator.create(config, cedar, modelCalls);
    }
}
