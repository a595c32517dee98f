package com.cedarauthoring.explain;

import static com.cedarauthoring.explain.TestSchemas.ARN;
import static com.cedarauthoring.explain.TestSchemas.permit;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.GatewaySchema;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private static final Cedar CEDAR = new Cedar();
    private static final GatewaySchema SCHEMA = TestSchemas.refunds();
    private final Explainer explainer = new Explainer(CEDAR);

    @Test
    void explainsTheCanonicalRefundPolicy() {
        assertThat(explainer.explain(permit("principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\""
                + " && context.input.amount < 500"), SCHEMA)).isEqualTo(
                "Allows OAuth users whose username tag is \"refund-agent\" to call RefundTarget___process_refund"
                        + " (process_refund: Process customer refund) on gateway " + ARN + " when amount is less than 500.");
    }

    @Test
    void explainsScopesUnlessAndShutdowns() {
        assertThat(explainer.explain(TestSchemas.scope("forbid", "principal",
                "action == AgentCore::Action::\"RefundTarget___process_refund\"") + ";", SCHEMA))
                .isEqualTo("Forbids every caller from calling RefundTarget___process_refund (process_refund: Process customer"
                        + " refund) on gateway " + ARN + ", with no further conditions.");
        assertThat(explainer.explain(TestSchemas.scope("forbid", "principal is AgentCore::OAuthUser",
                "action in AgentCore::Action::\"RefundTarget\"") + " unless { context.input has reason && context.input has count };", SCHEMA))
                .isEqualTo("Forbids OAuth users from calling any tool of target RefundTarget on gateway " + ARN
                        + " unless reason is provided and count is provided.");
        assertThat(explainer.explain(TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action") + ";", SCHEMA))
                .startsWith("Allows OAuth users to call any tool on gateway");
        assertThat(explainer.explain(TestSchemas.scope("permit", "principal is AgentCore::OAuthUser",
                "action in [AgentCore::Action::\"RefundTarget___process_refund\", AgentCore::Action::\"RefundTarget___check_status\"]") + ";", SCHEMA))
                .contains("to call any of RefundTarget___process_refund (process_refund: Process customer refund) or"
                        + " RefundTarget___check_status (check_status: Check refund status)");
    }

    @Test
    void explainsConditionForms() {
        String e = explainer.explain(permit("principal.hasTag(\"role\") && [\"admin\", \"ops\"].contains(principal.getTag(\"role\"))"
                + " && principal.hasTag(\"scope\") && principal.getTag(\"scope\") like \"*refund:write*\""
                + " && (context.input has region && !([\"EU\", \"APAC\"].contains(context.input.region)))"
                + " && (context.input has reason && context.input.reason like \"ORD-*\")"
                + " && !(context.input has count) && context.input.eligible == true"
                + " && (context.input.amount >= 10 || context.input.orderId != \"X\")"
                + " && context.input has rate && context.input.rate.lessThanOrEqual(decimal(\"2.5\"))"
                + " && (context.input has labels && context.input.labels.contains(\"vip\"))"), SCHEMA);
        assertThat(e).contains("whose role tag is one of \"admin\" or \"ops\"")
                .contains("whose scope tag contains \"refund:write\"")
                .contains("region is not one of \"EU\" or \"APAC\"")
                .contains("reason starts with \"ORD-\"")
                .contains("count is not provided")
                .contains("eligible is true")
                .contains("(amount is at least 10 or orderId is not \"X\")")
                .contains("rate is at most 2.5")
                .contains("labels contains \"vip\"")
                .doesNotContain("has a role tag").doesNotContain("region is provided");
        assertThat(explainer.explain(permit("context.input has reason && !(context.input.reason like \"*spam*\")"), SCHEMA))
                .endsWith("when reason does not contain \"spam\".");
    }

    @Test
    void isFastAfterWarmUp() {
        String p = permit("principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500");
        DecisionExamples examples = new DecisionExamples(CEDAR);
        com.cedarauthoring.findings.PolicyAnalyzer analyzer = new com.cedarauthoring.findings.PolicyAnalyzer(CEDAR);
        for (int i = 0; i < 200; i++) {
            explainer.explain(p, SCHEMA);
            examples.examples(p, SCHEMA);
            analyzer.analyze(p, SCHEMA);
        }
        long t = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            explainer.explain(p, SCHEMA);
            examples.examples(p, SCHEMA);
            analyzer.analyze(p, SCHEMA);
        }
        assertThat((System.nanoTime() - t) / 50 / 1_000_000.0).as("ms per policy").isLessThan(100.0);
    }

    @Test
    void keepsPrecedenceOfOrAndAnd() {
        assertThat(explainer.explain(permit("context.input.eligible == true || (context.input.amount > 30 && context.input.orderId == \"US\")"), SCHEMA))
                .endsWith("when eligible is true or (amount is greater than 30 and orderId is \"US\").");
    }

    @Test
    void namesBothSidesOfAComparisonAndSetOperations() {
        // two attributes compared read as two names; the EST walk used to add "is true" after the right one
        assertThat(explainer.explain(permit("context.input.amount < context.input.count"), SCHEMA))
                .endsWith("when amount is less than count.");
        assertThat(explainer.explain(permit("principal is AgentCore::OAuthUser in AgentCore::OAuthUser::\"admins\""), SCHEMA))
                .contains("is a AgentCore::OAuthUser in AgentCore::OAuthUser::\"admins\"");
        assertThat(explainer.explain(permit("if context.input.amount > 5 then true else false"), SCHEMA))
                .contains("when the condition {\"if-then-else\":");
    }
}
