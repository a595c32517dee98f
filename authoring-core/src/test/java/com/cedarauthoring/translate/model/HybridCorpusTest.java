package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.HybridTranslator;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.rules.RulesTranslator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Hybrid over the corpus with the real rules translator and real derived gateway schemas: a model that
 * answers the corpus's expected policy passes every check (prompt rendered for every gateway, strict
 * validation, scope check) and is cross-checked wherever the rules translator reads the sentence the same way.
 */
class HybridCorpusTest {
    private static final Cedar CEDAR = new Cedar();

    @Test
    void expectedPoliciesFromTheModelAreAcceptedAndCrossChecked() throws Exception {
        Map<String, Fixtures.GatewayFixture> gateways = Fixtures.gateways();
        List<Fixtures.Case> cases = Fixtures.corpus().stream()
                .filter(c -> c.expected().size() == 1 && c.expected().get(0).cedar() != null
                        && c.expected().get(0).findings().equals(List.of("VALID"))
                        && c.input().strip().equals(c.expected().get(0).fragment()))
                .limit(25).toList();
        assertThat(cases).hasSize(25);
        AtomicReference<BedrockStub.Reply> answer = new AtomicReference<>();
        int crossChecked = 0;
        List<String> problems = new ArrayList<>();
        try (BedrockStub stub = new BedrockStub();
             BedrockTranslator model = BedrockTranslator.create(new ModelTranslatorConfig(ModelTranslatorConfig.Mode.HYBRID,
                             BedrockTranslatorTest.MODEL, "us-west-2", Optional.of(stub.endpoint()), 2, 0,
                             Duration.ofSeconds(10), ModelTranslatorConfig.Retry.DEFAULT, true), CEDAR,
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secretTEST")))) {
            stub.then(r -> answer.get());
            HybridTranslator hybrid = new HybridTranslator(model, new RulesTranslator(CEDAR), new Equivalence(CEDAR));
            for (Fixtures.Case c : cases) {
                Fixtures.GatewayFixture gw = gateways.get(c.gateway());
                GatewaySchema schema = gw.schema(CEDAR, gw.testArn());
                String text = c.input().strip();
                String expected = c.expected().get(0).cedarFor(gw.testArn());
                answer.set(BedrockStub.Reply.text(Json.mapper().writeValueAsString(Map.of("policies", List.of(
                        Map.of("rawTextFragment", text, "cedar", expected, "ambiguities", List.of()))))));

                TranslationOutcome outcome = hybrid.translate(new TranslationRequest(
                        new Requirement(text, new Span(0, text.length())), text, schema));

                assertThat(outcome).as(c.id()).isInstanceOf(TranslationOutcome.Candidates.class);
                Candidate got = ((TranslationOutcome.Candidates) outcome).candidates().get(0);
                assertThat(got.findings()).as(c.id() + " " + got.findings())
                        .noneMatch(f -> f.type().isError());
                if ("true".equals(got.provenance().details().get("crossChecked"))) {
                    crossChecked++;
                } else if (got.findings().stream().anyMatch(f -> f.code().equals(HybridTranslator.CODE_DISAGREE))) {
                    problems.add(c.id() + ": " + got.findings());
                }
            }
        }
        // The rules translator matches the corpus on nearly every clean case; where it reads a sentence
        // differently the disagreement is reported, which is the point of the cross-check.
        assertThat(crossChecked).as("disagreements: " + problems).isGreaterThanOrEqualTo(cases.size() * 9 / 10);
    }
}
