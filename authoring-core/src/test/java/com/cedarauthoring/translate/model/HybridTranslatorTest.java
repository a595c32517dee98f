package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.HybridTranslator;
import com.cedarauthoring.translate.Provenance;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The model (real SDK against the stub) cross-checked by a rules translator with a fixed answer. */
class HybridTranslatorTest {
    static final String TEXT = BedrockTranslatorTest.REQUIREMENT;
    private static final Cedar CEDAR = new Cedar();

    private BedrockStub stub;
    private BedrockTranslator model;

    @BeforeEach
    void start() throws Exception {
        stub = new BedrockStub();
        model = BedrockTranslator.create(new ModelTranslatorConfig(ModelTranslatorConfig.Mode.HYBRID,
                        BedrockTranslatorTest.MODEL, "us-west-2", Optional.of(stub.endpoint()), 2, 1,
                        Duration.ofSeconds(10), ModelTranslatorConfig.Retry.DEFAULT, true), CEDAR,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secretTEST")));
    }

    @AfterEach
    void stop() {
        model.close();
        stub.close();
    }

    /** A rules translator that gives one fixed reading (or none). */
    private static Translator rules(Optional<String> cedar, FindingType... findings) {
        return new Translator() {
            public String name() {
                return "rules";
            }

            public TranslationOutcome translate(TranslationRequest request) {
                List<Finding> fs = java.util.Arrays.stream(findings)
                        .map(t -> Finding.of(t, "UNKNOWN_TOOL", "scripted")).toList();
                return new TranslationOutcome.Candidates(List.of(new Candidate(request.requirement().text(),
                        request.requirement().span(), cedar, fs, Provenance.rules())));
            }
        };
    }

    private void modelAnswers(String cedar) throws Exception {
        stub.then(BedrockStub.Reply.text(Json.mapper().writeValueAsString(Map.of("policies", List.of(
                Map.of("rawTextFragment", TEXT, "cedar", cedar, "ambiguities", List.of()))))));
    }

    private static Candidate only(TranslationOutcome outcome) {
        assertThat(outcome).isInstanceOf(TranslationOutcome.Candidates.class);
        return ((TranslationOutcome.Candidates) outcome).candidates().get(0);
    }

    private static TranslationRequest request() {
        return new TranslationRequest(new Requirement(TEXT, new Span(0, TEXT.length())), TEXT, TestGateways.refunds());
    }

    @Test
    void agreementIsRecordedAsCrossChecked() throws Exception {
        modelAnswers(TestGateways.GOOD);
        HybridTranslator hybrid = new HybridTranslator(model, rules(Optional.of(TestGateways.GOOD)), new Equivalence(CEDAR));

        TranslationRequest request = request();
        Candidate c = only(hybrid.translate(request));

        assertThat(c.findings()).isEmpty();
        // the model's cedar is handed on unchanged, and with it the model translator's passed check
        assertThat(c.checked()).hasValueSatisfying(v -> assertThat(v.covers(c.cedar().orElseThrow(), request.schema())).isTrue());
        assertThat(c.provenance().translator()).isEqualTo("hybrid");
        assertThat(c.provenance().modelId()).isEqualTo(BedrockTranslatorTest.MODEL);
        assertThat(c.provenance().details()).containsEntry("crossChecked", "true").containsEntry("rulesUnderstood", "true");
    }

    @Test
    void disagreementIsAnAmbiguousFindingShowingTheRequest() throws Exception {
        modelAnswers(TestGateways.policy(TestGateways.ARN, "RefundTarget___process_refund",
                "principal.hasTag(\"username\") &&\n  principal.getTag(\"username\") == \"refund-agent\" &&\n  context.input.amount <= 500"));
        HybridTranslator hybrid = new HybridTranslator(model, rules(Optional.of(TestGateways.GOOD)), new Equivalence(CEDAR));

        Candidate c = only(hybrid.translate(request()));

        assertThat(c.findings()).hasSize(1);
        Finding f = c.findings().get(0);
        assertThat(f.type()).isEqualTo(FindingType.AMBIGUOUS);
        assertThat(f.code()).isEqualTo("MODEL_RULES_DISAGREE");
        assertThat(f.description()).contains("RefundTarget___process_refund").contains("500").contains("allows")
                .contains("denies");
        assertThat(c.provenance().details()).containsEntry("crossChecked", "false");
    }

    @Test
    void whereTheRulesTranslatorDoesNotUnderstandTheModelStandsUnchecked() throws Exception {
        modelAnswers(TestGateways.GOOD);
        HybridTranslator hybrid = new HybridTranslator(model, rules(Optional.empty(), FindingType.NOT_TRANSLATABLE),
                new Equivalence(CEDAR));

        Candidate c = only(hybrid.translate(request()));

        assertThat(c.findings()).isEmpty();
        assertThat(c.provenance().details()).containsEntry("crossChecked", "false").containsEntry("rulesUnderstood", "false");
    }

    @Test
    void modelFailureStaysAFailure() {
        stub.then(BedrockStub.Reply.error(403, "ExpiredTokenException"));
        HybridTranslator hybrid = new HybridTranslator(model, rules(Optional.of(TestGateways.GOOD)), new Equivalence(CEDAR));

        TranslationOutcome outcome = hybrid.translate(request());

        assertThat(outcome).isInstanceOf(TranslationOutcome.Failed.class);
        assertThat(((TranslationOutcome.Failed) outcome).retryable()).isFalse();
    }
}
