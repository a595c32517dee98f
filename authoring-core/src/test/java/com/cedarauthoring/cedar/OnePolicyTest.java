package com.cedarauthoring.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CreatePolicy proves a statement is exactly one policy by getting its view (the EST it needs anyway) instead
 * of a separate parse, and validation then hands Cedar the statement without parsing it: the answers are the
 * ones the parse path gives, on every policy of the refund corpus, broken variants, and statements with
 * comments and blank lines around the policy.
 */
class OnePolicyTest {
    private final Cedar cedar = new Cedar();

    @Test
    void onlyASingleStaticPolicyIsOnePolicy() {
        assertThat(cedar.isOnePolicy("// why\npermit(principal, action, resource) when { true }; // note\n")).isTrue();
        assertThat(cedar.isOnePolicy("permit(principal, action, resource); forbid(principal, action, resource);")).isFalse();
        assertThat(cedar.isOnePolicy("permit(principal == ?principal, action, resource);")).as("a template").isFalse();
        assertThat(cedar.isOnePolicy("permit(principal, action, resource) when {")).isFalse();
        assertThat(cedar.isOnePolicy("")).isFalse();
        assertThat(cedar.isOnePolicy(null)).isFalse();
    }

    @Test
    void validationAfterAViewAnswersWhatTheParsePathAnswers() {
        Fixtures.GatewayFixture refund = Fixtures.gateways().get("refund");
        GatewaySchema schema = refund.schema(cedar, refund.testArn());
        List<String> statements = new ArrayList<>();
        for (Fixtures.Case c : Fixtures.corpus()) {
            if (!c.gateway().equals("refund")) {
                continue;
            }
            for (Fixtures.Expected e : c.expected()) {
                String policy = e.cedarFor(schema.gatewayArn());
                if (policy != null) {
                    statements.add(policy);
                    statements.add(policy.replace("context.input.", "context.input.unknown_"));
                    statements.add("// reviewed\n\n" + policy.replace("context.input.", "context.input.unknown_") + "\n// end\n");
                }
            }
        }
        statements.add("permit (principal, action == AgentCore::Action::\"NoSuchTarget___x\", resource);");
        statements.add("// in\n permit (principal, action in AgentCore::Action::\"CallTool\", resource) when { principal.nope };");
        assertThat(statements).hasSizeGreaterThan(20);
        int invalid = 0;
        for (String statement : statements) {
            // a fresh engine has no view of the statement, so it parses it first (the path before this change)
            List<String> parsePath = new Cedar().validate(schema, statement);
            assertThat(cedar.isOnePolicy(statement)).as(statement).isTrue();
            // Cedar may order its messages differently from call to call, whichever path
            assertThat(cedar.validate(schema, statement)).as(statement).containsExactlyInAnyOrderElementsOf(parsePath);
            invalid += parsePath.isEmpty() ? 0 : 1;
        }
        assertThat(invalid).as("broken variants were compared too").isGreaterThan(10);
    }
}
