package com.cedarauthoring.findings;

import static com.cedarauthoring.explain.TestSchemas.forbid;
import static com.cedarauthoring.explain.TestSchemas.permit;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.TestSchemas;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyAnalyzerTest {
    private static final Cedar CEDAR = new Cedar();
    private static final GatewaySchema SCHEMA = TestSchemas.refunds();
    private final PolicyAnalyzer analyzer = new PolicyAnalyzer(CEDAR);

    static Stream<Arguments> table() {
        String user = "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\"";
        return Stream.of(
                Arguments.of(permit(null), "ALLOW_ALL", true),
                Arguments.of(TestSchemas.scope("forbid", "principal", "action == AgentCore::Action::\"RefundTarget___process_refund\"") + ";", "DENY_ALL", true),
                Arguments.of(permit("context.input.amount < 5 && context.input.amount > 10"), "ALLOW_NONE", true),
                Arguments.of(permit("context.input.orderId == \"A\" && context.input.orderId == \"B\""), "ALLOW_NONE", true),
                Arguments.of(permit("!(context.input has count) && context.input.count == 1"), "ALLOW_NONE", false),
                Arguments.of(permit("context.input.amount < 5 && context.input.amount > 4"), "ALLOW_NONE", true),
                Arguments.of(permit("context.input.amount <= 5 && context.input.amount >= 5"), "NONE", true),
                Arguments.of(forbid("context.input.amount >= 100 && context.input.amount < 100"), "DENY_NONE", true),
                Arguments.of(permit(user + " && context.input.amount < 500"), "NONE", true),
                Arguments.of(permit(user), "NONE", true),
                Arguments.of(permit("context.input.amount < 10 || context.input.amount >= 10"), "ALLOW_ALL", true),
                Arguments.of(permit("context.input has count && (context.input.count < 10 || context.input.count >= 10)"), "NONE", true),
                Arguments.of(permit("context.input.eligible == true || context.input.eligible == false"), "ALLOW_ALL", true),
                Arguments.of(permit("context.input.eligible == true && !(context.input.eligible)"), "ALLOW_NONE", true),
                Arguments.of(permit("[\"US\", \"EU\"].contains(context.input.orderId) && context.input.orderId == \"APAC\""), "ALLOW_NONE", true),
                Arguments.of(permit("!([\"US\", \"EU\"].contains(context.input.orderId)) && context.input.orderId == \"US\""), "ALLOW_NONE", true),
                Arguments.of(permit("principal.hasTag(\"role\") && principal.getTag(\"role\") == \"a\" && principal.getTag(\"role\") != \"a\""), "ALLOW_NONE", true),
                Arguments.of(permit("!(principal.hasTag(\"role\")) && principal.getTag(\"role\") == \"a\""), "ALLOW_NONE", false),
                Arguments.of(permit("context.input has reason && context.input.reason like \"*damaged*\""), "NONE", true),
                Arguments.of(permit("context.input.orderId like \"ORD-*\" && context.input.orderId == \"X-1\""), "ALLOW_NONE", true),
                Arguments.of(permit("context.input.orderId like \"ORD-*\" && context.input.orderId like \"*-7\""), "NONE", true),
                Arguments.of(permit("context.input has rate && context.input.rate.lessThan(decimal(\"5.0\")) && context.input.rate.greaterThan(decimal(\"4.9999\"))"), "ALLOW_NONE", true),
                Arguments.of(permit("context.input has rate && context.input.rate.lessThan(decimal(\"5.0\")) && context.input.rate.greaterThan(decimal(\"4.999\"))"), "NONE", true),
                Arguments.of(forbid(null) .replace(";", " unless { context.input.amount < 10 || context.input.amount >= 10 };"), "DENY_NONE", true),
                Arguments.of(permit("context.input has labels && context.input.labels.contains(\"x\")"), "NONE", true),
                Arguments.of(permit("context.input has labels && context.input.labels.contains(\"x\") && context.input.amount < 1 && context.input.amount > 1"), "ALLOW_NONE", true),
                Arguments.of(permit("true"), "ALLOW_ALL", true),
                Arguments.of(permit("!(context.input.amount != 7) && context.input.amount > 7"), "ALLOW_NONE", true),
                Arguments.of(permit("!(context.input.amount != 7) && context.input.amount >= 7"), "NONE", true),
                Arguments.of(permit("context.input.amount >= 10 && context.input.amount <= 5"), "ALLOW_NONE", true),
                Arguments.of(permit("context.input.amount != 1 || context.input.amount != 2"), "ALLOW_ALL", true),
                Arguments.of(TestSchemas.scope("permit", "principal is AgentCore::OAuthUser", "action") + " unless { true };", "ALLOW_NONE", true),
                Arguments.of(permit("!(context.input has count) || context.input.count < 5 || context.input.count >= 5"), "ALLOW_ALL", false));
    }

    @ParameterizedTest
    @MethodSource("table")
    void classifiesScope(String policy, String expected, boolean strictlyValid) {
        // a few rows are outside the strict validator on purpose: the analysis must still judge them
        assertThat(CEDAR.validate(SCHEMA, policy).isEmpty()).as("strictly valid").isEqualTo(strictlyValid);
        List<Finding> findings = analyzer.analyze(policy, SCHEMA);
        if (expected.equals("NONE")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).extracting(Finding::code).containsExactly(expected);
        }
    }

    @Test
    void describesAllowAllAndContradictionsInAgentCoreStyle() {
        assertThat(analyzer.analyze(permit(null), SCHEMA).get(0).description()).isEqualTo(
                "Overly Permissive: Policy Engine will allow every request for the specified principal"
                        + " (AgentCore::OAuthUser), action (AgentCore::Action::\"RefundTarget___process_refund\") and resource"
                        + " (AgentCore::Gateway::\"" + TestSchemas.ARN + "\") combination if the policy is added or updated");
        assertThat(analyzer.analyze(permit("context.input.amount < 5 && context.input.amount > 10"), SCHEMA).get(0)
                .description()).contains("context.input.amount < 5 and context.input.amount > 10 can never both hold");
    }

    @Test
    void isFastAfterWarmUp() {
        String p = permit("principal.hasTag(\"username\") && principal.getTag(\"username\") == \"a\" && context.input.amount < 500"
                + " && (context.input has region && [\"US\", \"EU\"].contains(context.input.region))");
        for (int i = 0; i < 300; i++) {
            analyzer.analyze(p, SCHEMA);
        }
        long t = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            analyzer.analyze(p, SCHEMA);
        }
        assertThat((System.nanoTime() - t) / 100 / 1_000_000.0).isLessThan(5.0);
    }

    @Test
    void namesTheContradictionForNegationsAndPresence() {
        assertThat(analyzer.analyze(permit("context.input.eligible == true && !(context.input.eligible == true)"), SCHEMA)
                .get(0).description()).contains("context.input.eligible == true and !(context.input.eligible == true) can never both hold");
        assertThat(analyzer.analyze(permit("!(context.input has count) && context.input.count == 1"), SCHEMA)
                .get(0).description()).contains("!(context.input has count) and context.input.count == 1 can never both hold");
        assertThat(analyzer.analyze(forbid("context.input.amount >= 100 && context.input.amount < 100"), SCHEMA).get(0)
                .description()).startsWith("Ineffective: Policy Engine will not deny any request");
    }
}
