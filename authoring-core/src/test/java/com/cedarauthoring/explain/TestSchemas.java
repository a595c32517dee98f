package com.cedarauthoring.explain;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.List;

/** Hand-built gateway schemas, so analysis tests do not depend on schema derivation. */
public final class TestSchemas {
    public static final String ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/refunds-gw-abc1234567";

    private TestSchemas() {}

    public static GatewaySchema refunds() {
        ToolAction refund = new ToolAction("RefundTarget", "process_refund", "Process customer refund",
                new CedarType.RecordType(List.of(
                        new Attribute("amount", new CedarType.LongType(), true, "Refund amount in dollars", null),
                        new Attribute("orderId", new CedarType.StringType(), true, "Order id", null),
                        new Attribute("reason", new CedarType.StringType(), false, "Reason", null),
                        new Attribute("count", new CedarType.LongType(), false, "Item count", null),
                        new Attribute("region", new CedarType.StringType(), false, "Region",
                                List.of("US", "EU", "APAC")),
                        new Attribute("eligible", new CedarType.BoolType(), true, "Eligible", null),
                        new Attribute("rate", new CedarType.DecimalType(), false, "Rate", null),
                        new Attribute("labels", new CedarType.SetType(new CedarType.StringType()), false, "Labels", null))));
        ToolAction status = new ToolAction("RefundTarget", "check_status", "Check refund status",
                new CedarType.RecordType(List.of(
                        new Attribute("orderId", new CedarType.StringType(), true, "Order id", null))));
        ToolAction book = new ToolAction("TravelTarget", "create_booking", "Create a booking",
                new CedarType.RecordType(List.of(
                        new Attribute("price", new CedarType.DecimalType(), true, "Price", null))));
        List<ToolAction> actions = List.of(refund, status, book);
        return new GatewaySchema(ARN, AuthorizerType.CUSTOM_JWT, actions, cedarText(actions, "OAuthUser"), "{}");
    }

    static String cedarText(List<ToolAction> actions, String principal) {
        StringBuilder sb = new StringBuilder("namespace AgentCore {\n")
                .append("  entity OAuthUser = { \"id\": String } tags String;\n")
                .append("  entity IamEntity = { \"id\": String };\n")
                .append("  entity Gateway;\n  action \"CallTool\";\n");
        actions.stream().map(ToolAction::targetName).distinct()
                .forEach(t -> sb.append("  action \"").append(t).append("\" in [\"CallTool\"];\n"));
        for (ToolAction a : actions) {
            sb.append("  action \"").append(a.actionId()).append("\" in [\"").append(a.targetName())
                    .append("\"] appliesTo {\n    principal: [").append(principal).append("], resource: [Gateway],\n")
                    .append("    context: { \"input\": ").append(a.input().cedarSyntax()).append(" }\n  };\n");
        }
        return sb.append("}\n").toString();
    }

    public static String scope(String effect, String principal, String action) {
        return effect + " (" + principal + ", " + action + ", resource == AgentCore::Gateway::\"" + ARN + "\")";
    }

    public static String permit(String when) {
        return scope("permit", "principal is AgentCore::OAuthUser",
                "action == AgentCore::Action::\"RefundTarget___process_refund\"") + (when == null ? ";" : " when { " + when + " };");
    }

    public static String forbid(String when) {
        return scope("forbid", "principal is AgentCore::OAuthUser",
                "action == AgentCore::Action::\"RefundTarget___process_refund\"") + (when == null ? ";" : " when { " + when + " };");
    }
}
