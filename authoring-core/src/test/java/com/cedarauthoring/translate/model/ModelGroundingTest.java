package com.cedarauthoring.translate.model;

import static com.cedarauthoring.translate.model.BedrockStub.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.generation.AssetDraft;
import com.cedarauthoring.generation.GenerationPipeline;
import com.cedarauthoring.generation.PipelineOutcome;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.RequirementSplitter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The model translator's candidates go through the same grounding check as the rules translator's: the
 * real SDK client against the loopback Converse stub answers with prompt v2's JSON (policy + alignment),
 * and the pipeline (real Cedar) judges it. Schema-valid policies with an invented literal, a half-named
 * attribute, an out-of-enum value or a dropped condition are never VALID, whatever alignment is claimed.
 */
class ModelGroundingTest {
    private static final Cedar CEDAR = new Cedar();
    private BedrockStub stub;
    private BedrockTranslator translator;

    @BeforeEach
    void start() throws Exception {
        stub = new BedrockStub();
        ModelTranslatorConfig config = new ModelTranslatorConfig(ModelTranslatorConfig.Mode.BEDROCK,
                BedrockTranslatorTest.MODEL, "us-west-2", Optional.of(stub.endpoint()), 2, 0, Duration.ofSeconds(10),
                new ModelTranslatorConfig.Retry(0, Duration.ofMillis(5), Duration.ofMillis(20)), true);
        translator = BedrockTranslator.create(config, CEDAR,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secretTEST")));
    }

    @AfterEach
    void stop() {
        translator.close();
        stub.close();
    }

    private static GatewaySchema schema(String key) {
        Fixtures.GatewayFixture g = Fixtures.gateways().get(key);
        return g.schema(CEDAR, g.testArn());
    }

    private static String permit(GatewaySchema schema, String action, String when) {
        return "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"" + action
                + "\", resource == AgentCore::Gateway::\"" + schema.gatewayArn() + "\") when { " + when + " };";
    }

    /** The model's answer in prompt v2's shape: one policy with its claimed alignment (role, target, words). */
    private static String answer(String sentence, String cedar, String[]... alignment) throws Exception {
        List<Map<String, String>> parts = java.util.Arrays.stream(alignment)
                .map(a -> Map.of("role", a[0], "target", a[1], "words", a[2])).toList();
        return Json.mapper().writeValueAsString(Map.of("policies", List.of(Map.of("rawTextFragment", sentence,
                "cedar", cedar, "ambiguities", List.of(), "alignment", parts))));
    }

    private AssetDraft generate(String gateway, String sentence, String cedar, String[]... alignment) throws Exception {
        GatewaySchema schema = schema(gateway);
        stub.then(Reply.text(answer(sentence, cedar, alignment)));
        GenerationPipeline pipeline = new GenerationPipeline(new RequirementSplitter()::split, translator, CEDAR,
                new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
        List<AssetDraft> assets = ((PipelineOutcome.Completed) pipeline.run(sentence, schema)).assets();
        assertThat(assets).hasSize(1);
        assertThat(assets.get(0).provenance().promptVersion()).isEqualTo("nl2cedar/v2");
        return assets.get(0);
    }

    private static void notValid(AssetDraft a, String code) {
        assertThat(a.findings()).extracting(Finding::type).doesNotContain(FindingType.VALID);
        assertThat(a.findings()).extracting(Finding::code).as(a.findings().toString()).contains(code);
        assertThat(a.hasError()).isTrue();
    }

    @Test
    void faithfulAnswerWithItsAlignmentIsValid() throws Exception {
        String sentence = "Allow user refund-agent to process refunds when the amount is under $500";
        String cedar = permit(schema("refund"), "RefundTarget___process_refund",
                "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500");
        AssetDraft a = generate("refund", sentence, cedar, new String[] {"EFFECT", "permit", "Allow"},
                new String[] {"CONDITION", "context.input.amount < 500", "the amount is under $500"});
        assertThat(a.findings()).containsExactly(Finding.valid());
        assertThat(a.alignment().parts()).anySatisfy(p -> {
            assertThat(p.role()).isEqualTo(Alignment.Role.CONDITION);
            assertThat(p.spans()).isNotEmpty();
        });
    }

    @Test
    void inventedLiteralIsNotValid() throws Exception {
        String sentence = "Allow user refund-agent to process refunds when the amount is under $500";
        String cedar = permit(schema("refund"), "RefundTarget___process_refund",
                "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 5000");
        notValid(generate("refund", sentence, cedar,
                new String[] {"CONDITION", "context.input.amount < 5000", "under $500"}), "UNGROUNDED_LITERAL");
    }

    @Test
    void halfNamedAttributeIsNotValid() throws Exception {
        String sentence = "Allow users with role planner to cancel bookings when the booking is sensible";
        String cedar = permit(schema("travel"), "TravelTarget___cancel_booking",
                "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"planner\" && context.input.booking_id == \"sensible\"");
        notValid(generate("travel", sentence, cedar,
                new String[] {"CONDITION", "context.input.booking_id == \"sensible\"", "the booking is sensible"}),
                "EVALUATIVE_VALUE");
        String named = "Allow users with role planner to cancel bookings when the booking is B-17";
        notValid(generate("travel", named, permit(schema("travel"), "TravelTarget___cancel_booking",
                "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"planner\" && context.input.booking_id == \"B-17\"")),
                "UNGROUNDED_ATTRIBUTE");
    }

    @Test
    void outOfEnumValueIsNotValid() throws Exception {
        String sentence = "Allow users with role agent to update coverage when the coverage type is earthquake";
        String cedar = permit(schema("insurance"), "InsuranceTarget___update_coverage",
                "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"agent\" && context.input.coverage_type == \"earthquake\"");
        notValid(generate("insurance", sentence, cedar), "ENUM_VALUE");
    }

    @Test
    void droppedConditionIsNotValid() throws Exception {
        String sentence = "Allow user refund-agent to process refunds when the amount is under $500 and the reason contains damaged";
        String cedar = permit(schema("refund"), "RefundTarget___process_refund",
                "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500");
        notValid(generate("refund", sentence, cedar, new String[] {"CONDITION", "context.input.amount < 500", "under $500"}),
                "UNCONSUMED_WORDS");
    }

    @Test
    void claimedWordsTheRequirementDoesNotHoldAreInvalid() throws Exception {
        String sentence = "Allow user refund-agent to process refunds when the amount is under $500";
        String cedar = permit(schema("refund"), "RefundTarget___process_refund",
                "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500");
        notValid(generate("refund", sentence, cedar,
                new String[] {"CONDITION", "context.input.amount < 500", "the total stays below five hundred"}),
                "ALIGNMENT_MISMATCH");
    }
}
