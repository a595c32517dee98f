package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.ScopeRules;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one scope rule set (findings.ScopeRules) as the model translator relies on it. */
class ScopeRulesTest {
    private static final Cedar CEDAR = new Cedar();
    private static final String GW = "resource == AgentCore::Gateway::\"" + TestGateways.ARN + "\"";
    private static final String REFUND = "AgentCore::Action::\"RefundTarget___process_refund\"";
    private static final String STATUS = "AgentCore::Action::\"RefundTarget___check_refund_status\"";

    private static List<String> problems(String policy) {
        return ScopeRules.violations(CEDAR.view(policy), TestGateways.refunds());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "permit(principal is AgentCore::OAuthUser, action == " + REFUND + ", " + GW + ") when { context.input has reason && context.input.reason == \"x\" };",
            "permit(principal is AgentCore::OAuthUser, action == " + REFUND + ", " + GW + ") when { (context.input has region && context.input.region != \"EU\") && context.input.amount < 5 };",
            "permit(principal is AgentCore::OAuthUser, action in [" + REFUND + ", " + STATUS + "], " + GW + ") when { principal.hasTag(\"role\") && [\"a\", \"b\"].contains(principal.getTag(\"role\")) };",
            "permit(principal, action in AgentCore::Action::\"RefundTarget\", " + GW + ");",
            "forbid(principal, action, " + GW + ");",
            "forbid(principal is AgentCore::OAuthUser, action == " + REFUND + ", " + GW + ") unless { context.input has reason };",
            "permit(principal is AgentCore::OAuthUser, action == " + REFUND + ", " + GW + ") when { principal.hasTag(\"scope\") && principal.getTag(\"scope\") like \"*pay*\" || context.input.amount < 5 };"})
    void conventionalPoliciesPass(String policy) {
        assertThat(problems(policy)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "permit(principal, action == " + REFUND + ", resource);",
            "permit(principal, action == " + REFUND + ", resource == AgentCore::Gateway::\"" + TestGateways.OTHER_ARN + "\");",
            "permit(principal, action == " + REFUND + ", resource in AgentCore::Gateway::\"" + TestGateways.ARN + "\");",
            "permit(principal, action == AgentCore::Action::\"Other___tool\", " + GW + ");",
            "permit(principal, action == AgentCore::Action::\"RefundTarget\", " + GW + ");",
            "permit(principal, action == " + REFUND + ", " + GW + ") when { principal.getTag(\"role\") == \"a\" };",
            "permit(principal, action == " + REFUND + ", " + GW + ") when { principal.hasTag(\"role\") || principal.getTag(\"role\") == \"a\" };",
            "permit(principal, action == " + REFUND + ", " + GW + ") when { context.input.reason == \"x\" && context.input has reason };",
            "permit(principal, action, " + GW + ") when { context.input.region == \"US\" };"})
    void wideningOrUnguardedPoliciesAreViolations(String policy) {
        assertThat(problems(policy)).isNotEmpty();
    }
}
