package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.translate.HybridTranslator;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.Translator;
import com.cedarauthoring.translate.Translators;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranslatorsTest {
    private static final Cedar CEDAR = new Cedar();
    private static final Translator RULES = new Translator() {
        public String name() {
            return "rules";
        }

        public TranslationOutcome translate(com.cedarauthoring.translate.TranslationRequest request) {
            return new TranslationOutcome.Failed("not used", false);
        }
    };

    private static ModelTranslatorConfig config(ModelTranslatorConfig.Mode mode, String region, String model) {
        return ModelTranslatorConfig.of(mode, model, region, Optional.of(URI.create("http://127.0.0.1:9")), 2, 2,
                Duration.ofSeconds(5));
    }

    @Test
    void rulesModeIsTheRulesTranslator() {
        assertThat(Translators.create(ModelTranslatorConfig.rulesOnly(), CEDAR, RULES)).isSameAs(RULES);
    }

    @Test
    void bedrockAndHybridAreBuiltForAPinnedModel() throws Exception {
        Translator bedrock = Translators.create(config(ModelTranslatorConfig.Mode.BEDROCK, "eu-west-1",
                "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"), CEDAR, RULES);
        assertThat(bedrock.name()).isEqualTo("bedrock");
        ((AutoCloseable) bedrock).close();
        Translator hybrid = Translators.create(config(ModelTranslatorConfig.Mode.HYBRID, "us-east-1",
                "anthropic.claude-3-7-sonnet-20250219-v1:0"), CEDAR, RULES);
        assertThat(hybrid).isInstanceOf(HybridTranslator.class);
        ((AutoCloseable) hybrid).close();
    }

    @Test
    void aRefusedModelStopsStartUp() {
        assertThatThrownBy(() -> Translators.create(config(ModelTranslatorConfig.Mode.HYBRID, "eu-west-1",
                "us.anthropic.claude-3-7-sonnet-20250219-v1:0"), CEDAR, RULES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eu-west-1").hasMessageContaining("EU").hasMessageContaining("\"eu.\"");
        assertThatThrownBy(() -> Translators.create(config(ModelTranslatorConfig.Mode.BEDROCK, "ca-central-1",
                "anthropic.claude-3-7-sonnet-20250219-v1:0"), CEDAR, RULES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ca-central-1");
    }

    @Test
    void configIsValidated() {
        assertThatThrownBy(() -> ModelTranslatorConfig.of(ModelTranslatorConfig.Mode.BEDROCK, null, "us-east-1",
                Optional.empty(), 2, 2, Duration.ofSeconds(5))).hasMessageContaining("--model-id");
        assertThatThrownBy(() -> ModelTranslatorConfig.of(ModelTranslatorConfig.Mode.BEDROCK, "a.b", "us-east-1",
                Optional.empty(), 0, 2, Duration.ofSeconds(5))).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> ModelTranslatorConfig.of(ModelTranslatorConfig.Mode.BEDROCK, "a.b", "us-east-1",
                Optional.empty(), 2, -1, Duration.ofSeconds(5))).hasMessageContaining("repair");
        assertThatThrownBy(() -> ModelTranslatorConfig.of(ModelTranslatorConfig.Mode.BEDROCK, "a.b", "us-east-1",
                Optional.of(URI.create("ftp://x")), 2, 2, Duration.ofSeconds(5))).hasMessageContaining("http");
        assertThat(ModelTranslatorConfig.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ModelTranslatorConfig.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ModelTranslatorConfig.parseDuration("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ModelTranslatorConfig.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ModelTranslatorConfig.parseDuration("PT45S")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> ModelTranslatorConfig.parseDuration("soon")).hasMessageContaining("duration");
        assertThat(ModelTranslatorConfig.Mode.parse("Hybrid")).isEqualTo(ModelTranslatorConfig.Mode.HYBRID);
        assertThatThrownBy(() -> ModelTranslatorConfig.Mode.parse("gpt")).hasMessageContaining("rules, bedrock or hybrid");
    }
}
