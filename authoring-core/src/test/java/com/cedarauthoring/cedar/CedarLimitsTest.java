package com.cedarauthoring.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pre-scan refuses every shape that crashed the native parser, naming the bound, and lets through
 * (to the real Cedar, in this JVM) the deepest text each bound allows.
 */
class CedarLimitsTest {
    private static final Cedar CEDAR = new Cedar();

    @Test
    void everyCrashingShapeIsRefusedWithTheLimitItExceeds() {
        Map<String, String> expected = Map.of(
                "75 nested parentheses", "nests brackets more than 32 levels deep",
                "sets 100 deep", "nests brackets more than 32 levels deep",
                "records 100 deep", "nests brackets more than 32 levels deep",
                "1,200-term && chain", "more than 256 operators in one policy",
                "500-term && chain", "more than 256 operators in one policy",
                "2,400-term + chain", "more than 256 operators in one policy",
                "2,000-step member chain", "chains more than 32 member accesses");
        DeepCedar.shapes(DeepCedar.ARN).forEach((shape, text) -> {
            assertThat(CedarLimits.checkPolicy(text)).as(shape).hasValueSatisfying(m -> assertThat(m).contains(expected.get(shape)));
            // every entry point refuses before JNI: parse and validate report it, est refuses, format leaves it alone
            assertThat(CEDAR.parse(text)).as(shape).isInstanceOf(ParseOutcome.SyntaxError.class);
            assertThat(((ParseOutcome.SyntaxError) CEDAR.parse(text)).message()).contains(expected.get(shape));
            assertThat(CEDAR.validate("", text)).as(shape).singleElement().asString().contains(expected.get(shape));
            assertThat(CEDAR.format(text)).isEqualTo(text);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CEDAR.est(text)).isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void textAtEachBoundReachesCedarAndComesBackAsData() {
        String nested = DeepCedar.when(DeepCedar.ARN, "(".repeat(31) + "true" + ")".repeat(31));
        String operators = DeepCedar.when(DeepCedar.ARN, DeepCedar.chain("context.a == 1", " && ", 128)); // 255 operators
        String members = DeepCedar.when(DeepCedar.ARN, "context" + ".a".repeat(32));
        for (String text : List.of(nested, operators, members)) {
            assertThat(CedarLimits.checkPolicy(text)).as(text).isEmpty();
            assertThat(CEDAR.parse(text)).isInstanceOf(ParseOutcome.Parsed.class);
            // the EST of 255 operators is ~520 JSON levels deep: read, not a 500
            assertThat(CEDAR.est(text).path("effect").asText()).isEqualTo("permit");
            assertThat(CEDAR.format(text)).contains("permit");
        }
        assertThat(CedarLimits.checkPolicy(DeepCedar.when(DeepCedar.ARN, "(".repeat(32) + "true" + ")".repeat(32))))
                .as("one level past the bound").isPresent();
        assertThat(CedarLimits.checkPolicy(DeepCedar.when(DeepCedar.ARN, "context" + ".a".repeat(33)))).isPresent();
    }

    @Test
    void bracketsAndOperatorsInsideStringsAndCommentsAreNotCounted() {
        String text = "// ((((((((((((((((((((((((((((((((((((((( && && &&\n"
                + DeepCedar.when(DeepCedar.ARN, "context.note == \"" + "(".repeat(100) + "\\\" &&".repeat(300) + "\"");
        assertThat(CedarLimits.checkPolicy(text)).isEmpty();
        assertThat(CEDAR.parse(text)).isInstanceOf(ParseOutcome.Parsed.class);
    }

    @Test
    void operatorCountsRestartAtEachPolicy() {
        String policy = DeepCedar.when(DeepCedar.ARN, DeepCedar.chain("true", " && ", 200));
        assertThat(CedarLimits.checkPolicy(policy + "\n" + policy)).isEmpty();
        assertThat(CEDAR.parse(policy + "\n" + policy)).isInstanceOfSatisfying(ParseOutcome.Parsed.class,
                p -> assertThat(p.policies()).hasSize(2));
    }

    @Test
    void deepSchemaTextIsRefusedBeforeTheNativeSchemaParser() {
        String deep = "namespace A { entity U; action \"x\" appliesTo { principal: U, resource: U, context: "
                + "{a: ".repeat(300) + "Long" + "}".repeat(300) + " }; }";
        String deepSets = "namespace A { entity U; action \"x\" appliesTo { principal: U, resource: U, context: { a: "
                + "Set<".repeat(700) + "Long" + ">".repeat(700) + " } }; }";
        for (String schema : List.of(deep, deepSets)) {
            assertThat(CEDAR.schemaError(schema)).hasValueSatisfying(m -> assertThat(m).contains("nests brackets more than 32"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CEDAR.schemaToJson(schema))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 32 levels");
        }
        String ok = "namespace A { entity U; action \"x\" appliesTo { principal: U, resource: U, context: "
                + "{a: ".repeat(25) + "Long" + "}".repeat(25) + " }; }";
        assertThat(CEDAR.schemaError(ok)).isEmpty();
    }

    @Test
    void authorizationRefusesAnUnboundedPolicyInsteadOfCrashing() {
        String deep = DeepCedar.shapes(DeepCedar.ARN).get("75 nested parentheses");
        AuthRequest request = new AuthRequest("OAuthUser", "alice", Map.of(), "RefundTarget___process_refund",
                DeepCedar.ARN, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> CEDAR.authorize(Map.of("p", deep), request, Optional.<GatewaySchema>empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 32 levels");
    }
}
