package com.cedarauthoring.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.generation.AssetDraft;
import com.cedarauthoring.generation.GenerationPipeline;
import com.cedarauthoring.generation.PipelineOutcome;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Provenance;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grounding check through the real pipeline (real Cedar, fixture gateways) on candidates written
 * by hand, as any translator might propose them: the unfaithful readings of issue 7 never stay VALID,
 * whichever translator made them, and faithful ones do.
 */
class GroundingCheckTest {
    private static final Cedar CEDAR = new Cedar();
    private static final Map<String, GatewaySchema> SCHEMAS = new HashMap<>();
    private static final Provenance MODEL = new Provenance("bedrock", "m", "nl2cedar/v2", "x", 1, Map.of());

    static GatewaySchema schema(String gateway) {
        return SCHEMAS.computeIfAbsent(gateway, k -> {
            Fixtures.GatewayFixture g = Fixtures.gateways().get(k);
            return g.schema(CEDAR, g.testArn());
        });
    }

    /** A policy of the gateway: effect, principal scope, action id (or null for every action), condition. */
    static String policy(GatewaySchema schema, String effect, String principal, String action, String when) {
        String actionScope = action == null ? "action" : "action == AgentCore::Action::\"" + action + "\"";
        return effect + " (" + principal + ", " + actionScope + ", resource == AgentCore::Gateway::\""
                + schema.gatewayArn() + "\")" + (when == null ? ";" : " when { " + when + " };");
    }

    static AssetDraft run(String gateway, String sentence, String cedar, Alignment alignment) {
        GatewaySchema schema = schema(gateway);
        Translator fixed = new Translator() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public TranslationOutcome translate(TranslationRequest request) {
                return new TranslationOutcome.Candidates(List.of(new Candidate(sentence, new Span(0, sentence.length()),
                        Optional.of(cedar), List.of(), MODEL, alignment)));
            }
        };
        GenerationPipeline pipeline = new GenerationPipeline(raw -> List.of(new Requirement(raw, new Span(0, raw.length()))),
                fixed, CEDAR, new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
        List<AssetDraft> assets = ((PipelineOutcome.Completed) pipeline.run(sentence, schema)).assets();
        assertThat(assets).hasSize(1);
        return assets.get(0);
    }

    static Stream<Arguments> unfaithful() {
        String user = "principal is AgentCore::OAuthUser";
        return Stream.of(
                Arguments.of("travel", "Allow users to create flight bookings under $300", user,
                        "TravelTarget___create_flight_booking", "context.input.passenger_count < 300", FindingCode.UNIT_MISMATCH),
                Arguments.of("refund", "Allow users to view order history under $50", user,
                        "RefundTarget___view_order_history", "context.input has limit && context.input.limit < 50",
                        FindingCode.UNIT_MISMATCH),
                Arguments.of("travel", "Allow users to cancel bookings when the booking is sensible", user,
                        "TravelTarget___cancel_booking", "context.input.booking_id == \"sensible\"", FindingCode.EVALUATIVE_VALUE),
                Arguments.of("travel", "Allow users to cancel bookings when the booking is ABC123", user,
                        "TravelTarget___cancel_booking", "context.input.booking_id == \"ABC123\"",
                        FindingCode.UNGROUNDED_ATTRIBUTE),
                Arguments.of("insurance", "Allow users to update coverage when the coverage type is earthquake", user,
                        "InsuranceTarget___update_coverage", "context.input.coverage_type == \"earthquake\"",
                        FindingCode.ENUM_VALUE),
                Arguments.of("refund", "Allow customers to check refund status", user,
                        "RefundTarget___check_refund_status", null, FindingCode.GROUP_PRINCIPAL),
                Arguments.of("refund", "Allow staff to check refund status", user, "RefundTarget___check_refund_status",
                        "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"staff\"",
                        FindingCode.GROUP_PRINCIPAL),
                Arguments.of("refund", "Allow users to process refunds over 2.000", user, "RefundTarget___process_refund",
                        "context.input.amount > 2", FindingCode.NUMBER_FORMAT),
                Arguments.of("payment", "Allow users to process payments at or above $2,500", user,
                        "PaymentTarget___process_payment", "context.input.amount > 2500", FindingCode.COMPARATOR_MISMATCH),
                Arguments.of("payment", "Block wire payments above 2 million", "principal",
                        "PaymentTarget___process_payment", "context.input.amount > 2000000", FindingCode.UNCONSUMED_WORDS),
                Arguments.of("payment", "Allow users to transfer funds when the amount is less than 1000 EUR", user,
                        "PaymentTarget___transfer_funds", "context.input.amount < 1000", FindingCode.CURRENCY_IGNORED),
                Arguments.of("refund", "Allow users with role auditor to", user, null,
                        "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"auditor\"", FindingCode.NO_TOOL),
                Arguments.of("refund", "Only users with role manager may process refunds", user,
                        "RefundTarget___process_refund",
                        "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"manager\"", FindingCode.ONLY_CONSTRUCT),
                Arguments.of("refund", "Allow users to process refunds when the amount is under $500", user,
                        "RefundTarget___process_refund", "context.input.amount < 5000", FindingCode.UNGROUNDED_LITERAL),
                Arguments.of("refund", "Block users from processing refunds", user, "RefundTarget___process_refund",
                        "context.input.amount < 5000 || context.input.amount >= 5000", FindingCode.UNGROUNDED_LITERAL),
                Arguments.of("refund", "Block users from processing refunds when the amount is over $100", user,
                        "RefundTarget___process_refund", "context.input.amount > 100", null),
                Arguments.of("refund", "Allow user \u0430dmin-agent to check refund status", user,
                        "RefundTarget___check_refund_status",
                        "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"\u0430dmin-agent\"",
                        FindingCode.MIXED_SCRIPT),
                Arguments.of("refund", "Allow user refund\u202E-agent to check refund status", user,
                        "RefundTarget___check_refund_status",
                        "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund\u202E-agent\"",
                        FindingCode.CONTROL_CHARACTERS),
                Arguments.of("refund", "Allow users to process refunds when the amount is under $500 and a reason is given",
                        user, "RefundTarget___process_refund", "context.input.amount < 500", FindingCode.UNCONSUMED_WORDS),
                Arguments.of("refund", "Allow users to process refunds", user, "RefundTarget___process_refund",
                        "context.input.orderId == \"A-1\"", FindingCode.UNGROUNDED_LITERAL));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unfaithful")
    void unfaithfulCandidatesAreNeverValid(String gateway, String sentence, String principal, String action, String when,
                                           FindingCode expected) {
        GatewaySchema schema = schema(gateway);
        String effect = sentence.startsWith("Block") ? "forbid" : "permit";
        String wrongEffect = expected == null ? "permit" : effect;
        AssetDraft a = run(gateway, sentence, policy(schema, wrongEffect, principal, action, when), Alignment.none());
        assertThat(a.findings()).extracting(Finding::type).doesNotContain(FindingType.VALID);
        if (expected == null) {
            assertThat(a.findings()).extracting(Finding::code).contains(FindingCode.UNGROUNDED_EFFECT.name());
            return;
        }
        assertThat(a.findings()).extracting(Finding::code).as(a.findings().toString()).contains(expected.name());
        Finding f = a.findings().stream().filter(x -> x.code().equals(expected.name())).findFirst().orElseThrow();
        assertThat(f.type()).isEqualTo(expected.type());
        assertThat(f.description()).isNotBlank();
    }

    @Test
    void onlyXMayIsAPermitAndAForbidBothGroundedButAForbidAloneIsNot() {
        String sentence = "Only users with role manager may process refunds";
        GatewaySchema schema = schema("refund");
        String manager = "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"manager\"";
        String permit = policy(schema, "permit", "principal is AgentCore::OAuthUser", "RefundTarget___process_refund", manager);
        String forbid = policy(schema, "forbid", "principal", "RefundTarget___process_refund", null)
                .replace(";", " unless { " + manager + " };");
        List<AssetDraft> pair = runAll("refund", sentence, List.of(permit, forbid));
        assertThat(pair).allSatisfy(a -> assertThat(a.findings()).containsExactly(Finding.valid()));
        // the forbid is said by "only" only beside its permit; alone it forbids what the sentence allows
        assertThat(runAll("refund", sentence, List.of(forbid)).get(0).findings())
                .anySatisfy(f -> assertThat(f.code()).isEqualTo(FindingCode.UNGROUNDED_EFFECT.name()));
    }

    static List<AssetDraft> runAll(String gateway, String sentence, List<String> cedars) {
        Translator fixed = new Translator() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public TranslationOutcome translate(TranslationRequest request) {
                return new TranslationOutcome.Candidates(cedars.stream().map(c -> new Candidate(sentence,
                        new Span(0, sentence.length()), Optional.of(c), List.of(), MODEL, Alignment.none())).toList());
            }
        };
        GenerationPipeline pipeline = new GenerationPipeline(raw -> List.of(new Requirement(raw, new Span(0, raw.length()))),
                fixed, CEDAR, new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
        return ((PipelineOutcome.Completed) pipeline.run(sentence, schema(gateway))).assets();
    }

    @Test
    void groundedPolicyIsValidAndItsPartsPointAtTheirWords() {
        String sentence = "Allow users with role clerk to process refunds when the amount is under $500";
        GatewaySchema schema = schema("refund");
        AssetDraft a = run("refund", sentence, policy(schema, "permit", "principal is AgentCore::OAuthUser",
                "RefundTarget___process_refund", "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"clerk\" "
                        + "&& context.input.amount < 500"), Alignment.none());
        assertThat(a.findings()).containsExactly(Finding.valid());
        Map<Alignment.Role, List<String>> said = new HashMap<>();
        for (Alignment.Part p : a.alignment().parts()) {
            for (Span s : p.spans()) {
                said.computeIfAbsent(p.role(), k -> new java.util.ArrayList<>()).add(sentence.substring(s.start(), s.end()));
            }
        }
        assertThat(said.get(Alignment.Role.EFFECT)).containsExactly("Allow");
        assertThat(said.get(Alignment.Role.PRINCIPAL)).contains("clerk", "role");
        assertThat(said.get(Alignment.Role.TOOL)).contains("process refunds");
        assertThat(said.get(Alignment.Role.CONDITION)).contains("$500", "amount");
        assertThat(a.alignment().parts()).anySatisfy(p -> assertThat(p.target()).isEqualTo("context.input.amount < 500"));
    }

    @Test
    void testsTheSchemaMakesConstantGetTheAnalysersFinding() {
        GatewaySchema schema = schema("ops");
        String sentence = "Block users from restarting services when the environment is dev, staging, or prod";
        AssetDraft a = run("ops", sentence, policy(schema, "forbid", "principal is AgentCore::IamEntity",
                "OpsTarget___restart_service", "[\"dev\", \"staging\", \"prod\"].contains(context.input.environment)"),
                Alignment.none());
        assertThat(a.findings()).extracting(Finding::type).containsExactly(FindingType.DENY_ALL);
        AssetDraft has = run("ops", "Allow users to restart services when a service name is provided",
                policy(schema, "permit", "principal is AgentCore::IamEntity", "OpsTarget___restart_service",
                        "context.input has service_name"), Alignment.none());
        assertThat(has.findings()).extracting(Finding::type).containsExactly(FindingType.ALLOW_ALL);
    }

    @Test
    void numberWordsAndThousandsSeparatorsAreNumbers() {
        GatewaySchema schema = schema("refund");
        String cedar = policy(schema, "permit", "principal is AgentCore::OAuthUser", "RefundTarget___process_refund",
                "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"clerk\" && context.input.amount < 2000");
        assertThat(run("refund", "Allow users with role clerk to process refunds when the amount is under two thousand "
                + "dollars", cedar, Alignment.none()).findings()).containsExactly(Finding.valid());
        assertThat(run("refund", "Allow users with role clerk to process refunds when the amount is under $2k", cedar,
                Alignment.none()).findings()).containsExactly(Finding.valid());
    }

    @Test
    void aClaimedAlignmentIsVerifiedNotTrusted() {
        String sentence = "Allow users with role clerk to process refunds when the reason is damaged";
        GatewaySchema schema = schema("refund");
        String cedar = policy(schema, "permit", "principal is AgentCore::OAuthUser", "RefundTarget___process_refund",
                "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"clerk\" && "
                        + "(context.input has reason && context.input.reason == \"damaged\")");
        Alignment honest = new Alignment(List.of(new Alignment.Part(Alignment.Role.CONDITION,
                "context.input.reason == \"damaged\"", List.of(new Span(sentence.indexOf("the reason"), sentence.length())))));
        assertThat(run("refund", sentence, cedar, honest).findings()).containsExactly(Finding.valid());
        Alignment wrong = new Alignment(List.of(new Alignment.Part(Alignment.Role.CONDITION,
                "context.input.reason == \"damaged\"", List.of(new Span(0, 5)))));
        assertThat(run("refund", sentence, cedar, wrong).findings()).extracting(Finding::code)
                .contains(FindingCode.ALIGNMENT_MISMATCH.name());
        Alignment outside = new Alignment(List.of(new Alignment.Part(Alignment.Role.EFFECT, "permit",
                List.of(new Span(0, 500)))));
        assertThat(run("refund", sentence, cedar, outside).findings()).extracting(Finding::type)
                .contains(FindingType.INVALID);
    }
}
