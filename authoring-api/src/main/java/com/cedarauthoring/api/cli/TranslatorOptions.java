package com.cedarauthoring.api.cli;

import com.cedarauthoring.translate.model.ModelTranslatorConfig;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Translator flags shared by {@code serve} and {@code generate}; each has an environment variable. */
public final class TranslatorOptions {

    @Option(names = "--translator", defaultValue = "${env:AUTHORING_TRANSLATOR:-rules}",
            description = "rules | bedrock | hybrid (env AUTHORING_TRANSLATOR, default ${DEFAULT-VALUE}).")
    String translator;

    @Option(names = "--model-id", defaultValue = "${env:AUTHORING_MODEL_ID}",
            description = "Bedrock model id or inference profile of the region's geography (env AUTHORING_MODEL_ID).")
    String modelId;

    @Option(names = "--bedrock-endpoint", defaultValue = "${env:AUTHORING_BEDROCK_ENDPOINT}",
            description = "Bedrock Runtime endpoint override, e.g. a VPC endpoint (env AUTHORING_BEDROCK_ENDPOINT).")
    String bedrockEndpoint;

    @Option(names = "--max-model-concurrency", defaultValue = "${env:AUTHORING_MAX_MODEL_CONCURRENCY:-4}",
            description = "Model calls in flight at most (env AUTHORING_MAX_MODEL_CONCURRENCY, default ${DEFAULT-VALUE}).")
    int maxModelConcurrency;

    @Option(names = "--repair-attempts", defaultValue = "${env:AUTHORING_REPAIR_ATTEMPTS:-2}",
            description = "Times an invalid model candidate is sent back with Cedar's messages (env AUTHORING_REPAIR_ATTEMPTS, default ${DEFAULT-VALUE}).")
    int repairAttempts;

    @Option(names = "--model-timeout", defaultValue = "${env:AUTHORING_MODEL_TIMEOUT:-60s}",
            description = "Timeout of one model call: 90, 90s, 1500ms, 2m (env AUTHORING_MODEL_TIMEOUT, default ${DEFAULT-VALUE}).")
    String modelTimeout;

    /** The validated translator configuration for the service region. */
    ModelTranslatorConfig toConfig(String region) {
        ModelTranslatorConfig.Mode mode = ModelTranslatorConfig.Mode.parse(translator);
        if (!mode.usesModel()) {
            return ModelTranslatorConfig.rulesOnly();
        }
        return ModelTranslatorConfig.of(mode, modelId, region,
                Optional.ofNullable(bedrockEndpoint).filter(s -> !s.isBlank()).map(URI::create),
                maxModelConcurrency, repairAttempts, ModelTranslatorConfig.parseDuration(modelTimeout));
    }
}
