package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against real Bedrock with the default credential chain. Enable with AUTHORING_LIVE_BEDROCK=1; pick
 * the model and region with AUTHORING_MODEL_ID / AWS_REGION (defaults: us-west-2, the us. profile).
 */
@EnabledIfEnvironmentVariable(named = "AUTHORING_LIVE_BEDROCK", matches = "1")
class LiveBedrockTest {

    @Test
    void translatesTheSeedExampleIntoAValidPolicy() {
        String region = Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-west-2");
        String model = Optional.ofNullable(System.getenv("AUTHORING_MODEL_ID"))
                .orElse("us.anthropic.claude-3-7-sonnet-20250219-v1:0");
        ModelTranslatorConfig config = ModelTranslatorConfig.of(ModelTranslatorConfig.Mode.BEDROCK, model, region,
                Optional.empty(), 1, 2, Duration.ofSeconds(90))
                .withStructuredOutput(!"0".equals(System.getenv("AUTHORING_STRUCTURED_OUTPUT")));
        String text = "Allow refund-agent to process refunds under $500";
        try (BedrockTranslator t = BedrockTranslator.create(config, new Cedar())) {
            TranslationOutcome outcome = t.translate(new TranslationRequest(
                    new Requirement(text, new Span(0, text.length())), text, TestGateways.refunds()));
            assertThat(outcome).isInstanceOf(TranslationOutcome.Candidates.class);
            var c = ((TranslationOutcome.Candidates) outcome).candidates().get(0);
            assertThat(c.cedar()).isPresent();
            assertThat(c.findings()).noneMatch(f -> f.type().isError());
        }
    }
}
