package com.cedarauthoring.cedar;

import java.util.Map;

/**
 * The statement shapes that overflowed the native parser's stack and killed the JVM (issue 8 items 1
 * and 5), in their reported sizes; shared by the tests of every path that hands text to Cedar.
 */
public final class DeepCedar {
    public static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-gw-1a2b3c";

    private DeepCedar() {}

    /** Shape name -> a statement of that shape scoped to {@code gatewayArn}. */
    public static Map<String, String> shapes(String gatewayArn) {
        return Map.of(
                "75 nested parentheses", when(gatewayArn, "(".repeat(75) + "true" + ")".repeat(75)),
                "sets 100 deep", when(gatewayArn, "[".repeat(100) + "1" + "]".repeat(100) + " == []"),
                "records 100 deep", when(gatewayArn, "{a: ".repeat(100) + "1" + "}".repeat(100) + " == {}"),
                "1,200-term && chain", when(gatewayArn, chain("true", " && ", 1_200)),
                "500-term && chain", when(gatewayArn, chain("true", " && ", 500)),
                "2,400-term + chain", when(gatewayArn, chain("1", "+", 2_400) + " == 1"),
                "2,000-step member chain", when(gatewayArn, "context" + ".a".repeat(2_000)));
    }

    public static String when(String gatewayArn, String condition) {
        return "permit(principal, action, resource == AgentCore::Gateway::\"" + gatewayArn + "\") when { "
                + condition + " };";
    }

    public static String chain(String term, String operator, int terms) {
        StringBuilder b = new StringBuilder(term);
        for (int i = 1; i < terms; i++) {
            b.append(operator).append(term);
        }
        return b.toString();
    }
}
