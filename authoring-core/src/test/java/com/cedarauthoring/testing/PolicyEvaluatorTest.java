package com.cedarauthoring.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.SchemaDeriver;
import com.cedarauthoring.gateway.Tool;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.policy.EnforcementMode;
import com.cedarauthoring.policy.Policy;
import com.cedarauthoring.policy.PolicyStatus;
import com.cedarauthoring.policy.StatementKind;
import com.cedarauthoring.policy.ValidationMode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyEvaluator} against real cedar-java: an engine's policies are read on every request, and a
 * snapshot kept from an earlier read is reused only while its policies decide alike.
 */
class PolicyEvaluatorTest {
    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-gateway-abcdefghij";
    static final Cedar CEDAR = new Cedar();
    static final GatewaySchema SCHEMA = refundSchema();
    static final String UNDER_500 = "permit(principal, action == AgentCore::Action::\"RefundTool___process_refund\", resource) "
            + "when { context.input.amount < 500 };";
    static final String UNDER_100 = UNDER_500.replace("500", "100");

    final AtomicReference<List<Policy>> stored = new AtomicReference<>(List.of());
    final PolicyEvaluator evaluator = new PolicyEvaluator(id -> stored.get(), new GatewayDirectory() {
        @Override
        public Optional<GatewaySchema> schemaByArn(String gatewayArn) {
            return gatewayArn.equals(ARN) ? Optional.of(SCHEMA) : Optional.empty();
        }

        @Override
        public List<GatewaySchema> schemasAttachedTo(String policyEngineArn) {
            return List.of(SCHEMA);
        }
    }, CEDAR);

    static GatewaySchema refundSchema() {
        try {
            ObjectNode input = (ObjectNode) Json.mapper().readTree("{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"string\"},"
                    + "\"amount\":{\"type\":\"integer\"},\"reason\":{\"type\":\"string\"}},\"required\":[\"orderId\",\"amount\"]}");
            return new SchemaDeriver(CEDAR).derive(ARN, AuthorizerType.CUSTOM_JWT, List.of(new SchemaDeriver.TargetTools("RefundTool",
                    List.of(new Tool("process_refund", "refund", input), new Tool("lookup_order", "look up", input)))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Policy policy(String id, String statement, EnforcementMode mode, PolicyStatus status) {
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        return new Policy(id, "E1", "P" + id, "arn:" + id, null, StatementKind.CEDAR, statement, null,
                ValidationMode.IGNORE_ALL_FINDINGS, mode, status, List.of(), now, now);
    }

    static AuthRequest refund(int amount) {
        return new AuthRequest("OAuthUser", "u1", Map.of("username", "refund-agent"), "RefundTool___process_refund", ARN,
                Json.mapper().createObjectNode().put("orderId", "1").put("amount", amount));
    }

    @Test
    void everyChangeToTheEnginesPoliciesIsSeenByTheNextRequest() {
        stored.set(List.of(policy("p1", UNDER_500, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE)));
        assertThat(evaluator.evaluate("E1", refund(450), Map.of()).enforced().allowed()).isTrue();
        assertThat(evaluator.evaluate("E1", refund(450), Map.of()).enforced().determiningPolicies()).containsExactly("p1");

        // the same policy id with another statement (UpdatePolicy)
        stored.set(List.of(policy("p1", UNDER_100, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE)));
        assertThat(evaluator.evaluate("E1", refund(450), Map.of()).enforced().allowed()).isFalse();

        // switched to LOG_ONLY: no longer enforced, still reported
        stored.set(List.of(policy("p1", UNDER_500, EnforcementMode.LOG_ONLY, PolicyStatus.ACTIVE)));
        Evaluation logOnly = evaluator.evaluate("E1", refund(450), Map.of());
        assertThat(logOnly.enforced().allowed()).isFalse();
        assertThat(logOnly.logOnly().allowed()).isTrue();

        // a policy that did not settle ACTIVE takes no part; one that did, does
        stored.set(List.of(policy("p1", UNDER_500, EnforcementMode.ACTIVE, PolicyStatus.CREATE_FAILED)));
        assertThat(evaluator.evaluate("E1", refund(450), Map.of()).enforced().allowed()).isFalse();
        stored.set(List.of(policy("p1", UNDER_500, EnforcementMode.ACTIVE, PolicyStatus.CREATE_FAILED),
                policy("p2", UNDER_500, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE)));
        assertThat(evaluator.evaluate("E1", refund(450), Map.of()).enforced().determiningPolicies()).containsExactly("p2");

        // candidates count as added, without changing what the engine alone decides next
        assertThat(evaluator.evaluate("E1", refund(450), Map.of("candidate-1", "forbid(principal, action, resource);"))
                .enforced().allowed()).isFalse();
        assertThat(evaluator.evaluate("E1", refund(450), Map.of()).enforced().allowed()).isTrue();
    }

    @Test
    void twoReadsDecideAlikeOnlyWithTheSameActivePoliciesIdsStatementsAndModes() {
        Policy a = policy("a", UNDER_500, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE);
        Policy b = policy("b", UNDER_100, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE);
        Policy failed = policy("f", UNDER_100, EnforcementMode.ACTIVE, PolicyStatus.UPDATE_FAILED);
        assertThat(PolicyEvaluator.sameDecisions(List.of(a, b), List.of(a, failed, b))).isTrue();
        assertThat(PolicyEvaluator.sameDecisions(List.of(), List.of(failed))).isTrue();
        assertThat(PolicyEvaluator.sameDecisions(List.of(a, b), List.of(a))).isFalse();
        assertThat(PolicyEvaluator.sameDecisions(List.of(a), List.of(a, b))).isFalse();
        assertThat(PolicyEvaluator.sameDecisions(List.of(a), List.of(policy("a", UNDER_100, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE))))
                .isFalse();
        assertThat(PolicyEvaluator.sameDecisions(List.of(a), List.of(policy("a", UNDER_500, EnforcementMode.LOG_ONLY, PolicyStatus.ACTIVE))))
                .isFalse();
        assertThat(PolicyEvaluator.sameDecisions(List.of(a), List.of(policy("x", UNDER_500, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE))))
                .isFalse();
    }

    private java.util.Set<String> toolsFor(String username, Policy... policies) {
        stored.set(List.of(policies));
        return evaluator.callableTools(evaluator.snapshot("E1", Map.of()), SCHEMA, "OAuthUser", "u1", Map.of("username", username));
    }

    static Policy active(String id, String statement) {
        return policy(id, statement, EnforcementMode.ACTIVE, PolicyStatus.ACTIVE);
    }

    @Test
    void toolsListShowsAToolUnlessPartialEvaluationWithTheInputUnknownDeniesItOutright() {
        // the seed's Step 2 policy: allowed for some input (amount < 500), for refund-agent only
        String seed = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTool___process_refund\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\") when { principal.hasTag(\"username\") && "
                + "principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500 };";
        assertThat(toolsFor("refund-agent", active("seed", seed))).containsExactly("RefundTool___process_refund");
        assertThat(toolsFor("intern", active("seed", seed))).isEmpty();

        // a forbid on one tool with no condition: that tool is denied whatever the input
        String permitAll = "permit(principal, action, resource);";
        String forbidRefunds = "forbid(principal, action == AgentCore::Action::\"RefundTool___process_refund\", resource);";
        assertThat(toolsFor("refund-agent", active("all", permitAll), active("no-refunds", forbidRefunds)))
                .containsExactly("RefundTool___lookup_order");

        // a forbid that depends on an input field leaves the tool callable with other input
        String forbidLarge = "forbid(principal, action, resource) when { context.input.amount > 1000 };";
        assertThat(toolsFor("refund-agent", active("all", permitAll), active("large", forbidLarge)))
                .containsExactly("RefundTool___process_refund", "RefundTool___lookup_order");

        // a permit conditioned on an optional input field: callable (with a reason)
        String withReason = "permit(principal, action == AgentCore::Action::\"RefundTool___lookup_order\", resource) "
                + "when { context.input has reason && context.input.reason == \"audit\" };";
        assertThat(toolsFor("refund-agent", active("reason", withReason))).containsExactly("RefundTool___lookup_order");

        // the action group: a permit on the target covers both tools; nothing permitted: nothing listed
        assertThat(toolsFor("x", active("target", "permit(principal, action in AgentCore::Action::\"RefundTool\", resource);")))
                .containsExactly("RefundTool___process_refund", "RefundTool___lookup_order");
        assertThat(toolsFor("x", policy("off", permitAll, EnforcementMode.LOG_ONLY, PolicyStatus.ACTIVE))).isEmpty();
    }
}
