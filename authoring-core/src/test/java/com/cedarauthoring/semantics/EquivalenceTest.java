package com.cedarauthoring.semantics;

import static com.cedarauthoring.explain.TestSchemas.permit;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.explain.TestSchemas;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EquivalenceTest {
    private static final Cedar CEDAR = new Cedar();
    private static final GatewaySchema SCHEMA = TestSchemas.refunds();
    private static final String USER = "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\"";
    private final Equivalence equivalence = new Equivalence(CEDAR);

    private Optional<Equivalence.Difference> compare(String expected, String actual) {
        assertThat(CEDAR.validate(SCHEMA, expected)).isEmpty();
        assertThat(CEDAR.validate(SCHEMA, actual)).isEmpty();
        return equivalence.compare(List.of(expected), List.of(actual), SCHEMA);
    }

    @Test
    void equivalentRewritesAgree() {
        assertThat(compare(permit(USER + " && context.input.amount < 500"),
                permit("context.input.amount <= 499 && " + USER))).isEmpty();
        assertThat(compare(permit("context.input has region && [\"US\", \"EU\"].contains(context.input.region)"),
                permit("context.input has region && (context.input.region == \"EU\" || context.input.region == \"US\")"))).isEmpty();
        assertThat(compare(permit("!(context.input.amount >= 10)"), permit("context.input.amount < 10"))).isEmpty();
        assertThat(compare(
                TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action in AgentCore::Action::\"RefundTarget\"") + ";",
                TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action in [AgentCore::Action::\"RefundTarget___process_refund\", AgentCore::Action::\"RefundTarget___check_status\"]") + ";"))
                .isEmpty();
    }

    @Test
    void offByOneIsDetected() {
        Optional<Equivalence.Difference> d = compare(permit("context.input.amount < 500"), permit("context.input.amount <= 500"));
        assertThat(d).isPresent();
        assertThat(d.get().request().input().get("amount").asLong()).isEqualTo(500);
        assertThat(d.get().expectedAllowed()).isFalse();
        assertThat(d.get().actualAllowed()).isTrue();
    }

    @Test
    void hasGuardDifferenceIsDetected() {
        // unless over an optional attribute: with the guard an absent reason blocks, without it the forbid errors and is skipped
        String allow = permit(null);
        String guarded = TestSchemas.forbid(null).replace(";", " unless { context.input has reason && context.input.reason like \"*ok*\" };");
        String unguarded = TestSchemas.forbid(null).replace(";", " when { context.input has reason && !(context.input.reason like \"*ok*\") };");
        Optional<Equivalence.Difference> d = equivalence.compare(List.of(allow, guarded), List.of(allow, unguarded), SCHEMA);
        assertThat(d).isPresent();
        assertThat(d.get().request().input().has("reason")).isFalse();
    }

    @Test
    void tagValueDifferenceIsDetected() {
        Optional<Equivalence.Difference> d = compare(permit(USER),
                permit("principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent2\""));
        assertThat(d).isPresent();
        assertThat(d.get().request().tags()).containsKey("username");
    }

    @Test
    void gatewayScopeDifferenceIsDetected() {
        Optional<Equivalence.Difference> d = compare(permit(null),
                "permit (principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\", resource);");
        assertThat(d).isPresent();
        assertThat(d.get().request().gatewayArn()).isEqualTo(RequestGenerator.OTHER_GATEWAY);
    }

    @Test
    void decimalBoundariesAreGenerated() {
        Optional<Equivalence.Difference> d = compare(
                permit("context.input has rate && context.input.rate.lessThan(decimal(\"5.5\"))"),
                permit("context.input has rate && context.input.rate.lessThanOrEqual(decimal(\"5.5\"))"));
        assertThat(d).isPresent();
        assertThat(d.get().request().input().get("rate").asText()).isEqualTo("5.5");
    }

    @Test
    void requestsAreDeterministicBoundedAndScenarioDriven() {
        String p = permit(USER + " && context.input.amount < 500 && context.input has region && context.input.region == \"EU\"");
        RequestGenerator g = new RequestGenerator(CEDAR);
        List<AuthRequest> a = g.generate(SCHEMA, List.of(p));
        assertThat(a).isEqualTo(g.generate(SCHEMA, List.of(p)));
        assertThat(a.size()).isLessThanOrEqualTo(RequestGenerator.MAX_REQUESTS);
        long allowed = a.stream().filter(r -> CEDAR.authorize(java.util.Map.of("p", p), r, Optional.of(SCHEMA)).allowed()).count();
        assertThat(allowed).isPositive();
        assertThat(a).anyMatch(r -> r.actionId().equals("TravelTarget___create_booking"));
    }

    @Test
    void setAttributeLiteralsAreExercised() {
        assertThat(compare(permit("context.input has labels && context.input.labels.contains(\"vip\")"),
                permit("context.input has labels && context.input.labels.contains(\"gold\")"))).isPresent();
    }

    @Test
    void missingHasGuardIsDetected() {
        // Cedar skips a policy whose condition errors: without the guard, an absent reason disables the forbid
        String allow = permit(null);
        String guarded = TestSchemas.forbid(null).replace(";", " unless { context.input has reason && context.input.reason like \"*ok*\" };");
        String unguarded = TestSchemas.forbid(null).replace(";", " unless { context.input.reason like \"*ok*\" };");
        Optional<Equivalence.Difference> d = equivalence.compare(List.of(allow, guarded), List.of(allow, unguarded), SCHEMA);
        assertThat(d).isPresent();
        assertThat(d.get().request().input().has("reason")).isFalse();
        assertThat(d.get().expectedAllowed()).isFalse();
        assertThat(d.get().actualAllowed()).isTrue();
    }

    @Test
    void targetGroupInAListEqualsItsTools() {
        assertThat(compare(
                TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action in [AgentCore::Action::\"RefundTarget\"]") + ";",
                TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action in [AgentCore::Action::\"RefundTarget___process_refund\", AgentCore::Action::\"RefundTarget___check_status\"]") + ";"))
                .isEmpty();
        assertThat(compare(
                TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action in AgentCore::Action::\"RefundTarget\"") + ";",
                TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action == AgentCore::Action::\"RefundTarget___process_refund\"") + ";"))
                .hasValueSatisfying(d -> assertThat(d.request().actionId()).isEqualTo("RefundTarget___check_status"));
    }
}
