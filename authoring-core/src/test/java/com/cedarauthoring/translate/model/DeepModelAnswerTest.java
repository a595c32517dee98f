package com.cedarauthoring.translate.model;

import static com.cedarauthoring.translate.model.BedrockStub.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.DeepCedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.generation.AssetDraft;
import com.cedarauthoring.generation.GenerationPipeline;
import com.cedarauthoring.generation.PipelineOutcome;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.translate.Requirement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A model answering with a statement of each shape that used to kill the JVM (and the 500-term chain
 * that used to end "internal error"): the real SDK client against the Converse stub, then the whole
 * generation pipeline. Each ends an INVALID asset whose finding names the bound; the JVM lives on.
 */
class DeepModelAnswerTest {
    private static final Cedar CEDAR = new Cedar();
    private static final String REQUIREMENT = "Allow refunds.";

    @Test
    void everyDeepShapeEndsAnInvalidAssetNamingTheLimit() throws Exception {
        try (BedrockStub stub = new BedrockStub()) {
            ModelTranslatorConfig config = new ModelTranslatorConfig(ModelTranslatorConfig.Mode.BEDROCK,
                    BedrockTranslatorTest.MODEL, "us-west-2", Optional.of(stub.endpoint()), 2, 1, Duration.ofSeconds(10),
                    new ModelTranslatorConfig.Retry(0, Duration.ofMillis(5), Duration.ofMillis(20)), true);
            try (BedrockTranslator translator = BedrockTranslator.create(config, CEDAR,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secretTEST")))) {
                GenerationPipeline pipeline = new GenerationPipeline(
                        raw -> List.of(new Requirement(raw, new Span(0, raw.length()))), translator, CEDAR,
                        new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
                for (Map.Entry<String, String> shape : DeepCedar.shapes(TestGateways.ARN).entrySet()) {
                    stub.then(Reply.text(Json.mapper().writeValueAsString(Map.of("policies", List.of(Map.of(
                            "rawTextFragment", REQUIREMENT, "cedar", shape.getValue(), "ambiguities", List.of()))))));

                    PipelineOutcome outcome = pipeline.run(REQUIREMENT, TestGateways.refunds());

                    assertThat(outcome).as(shape.getKey()).isInstanceOf(PipelineOutcome.Completed.class);
                    List<AssetDraft> assets = ((PipelineOutcome.Completed) outcome).assets();
                    assertThat(assets).as(shape.getKey()).hasSize(1);
                    List<Finding> findings = assets.get(0).findings();
                    assertThat(findings).as(shape.getKey()).extracting(Finding::type).contains(FindingType.INVALID);
                    assertThat(findings.stream().map(Finding::description).toList()).as(shape.getKey())
                            .anySatisfy(d -> assertThat(d).containsAnyOf("more than 32 levels", "more than 256 operators",
                                    "more than 32 member accesses"))
                            .noneSatisfy(d -> assertThat(d).containsIgnoringCase("internal error"));
                }
            }
        }
    }
}
