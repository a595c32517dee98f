package com.cedarauthoring.translate.model;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.List;

/** A hand-built refund gateway schema (the shape cedar-conventions.md section 1 derives). */
final class TestGateways {
    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-gw-1a2b3c";
    static final String OTHER_ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/other-gw-9z8y7x";

    private TestGateways() {}

    static GatewaySchema refunds() {
        ToolAction process = new ToolAction("RefundTarget", "process_refund", "Process a customer refund",
                new CedarType.RecordType(List.of(
                        new Attribute("amount", new CedarType.LongType(), true, "Refund amount in dollars", null),
                        new Attribute("reason", new CedarType.StringType(), false, "Why the refund is made", null),
                        new Attribute("region", new CedarType.StringType(), false, "Customer region", List.of("US", "EU")))));
        ToolAction status = new ToolAction("RefundTarget", "check_refund_status", "Check the status of a refund",
                new CedarType.RecordType(List.of(
                        new Attribute("refundId", new CedarType.StringType(), true, "The refund id", null))));
        String text = """
                namespace AgentCore {
                  entity OAuthUser = { "id": String } tags String;
                  entity IamEntity = { "id": String };
                  entity Gateway;
                  action "CallTool";
                  action "RefundTarget" in ["CallTool"];
                  action "RefundTarget___process_refund" in ["RefundTarget"] appliesTo {
                    principal: [OAuthUser], resource: [Gateway],
                    context: { "input": { "amount": Long, "reason"?: String, "region"?: String } }
                  };
                  action "RefundTarget___check_refund_status" in ["RefundTarget"] appliesTo {
                    principal: [OAuthUser], resource: [Gateway],
                    context: { "input": { "refundId": String } }
                  };
                }
                """;
        return new GatewaySchema(ARN, AuthorizerType.CUSTOM_JWT, List.of(process, status), text, "{}");
    }

    static String policy(String arn, String action, String when) {
        return "permit(\n  principal is AgentCore::OAuthUser,\n  action == AgentCore::Action::\"" + action + "\",\n"
                + "  resource == AgentCore::Gateway::\"" + arn + "\"\n)" + (when == null ? ";" : "\nwhen {\n  " + when + "\n};");
    }

    static final String GOOD = policy(ARN, "RefundTarget___process_refund",
            "principal.hasTag(\"username\") &&\n  principal.getTag(\"username\") == \"refund-agent\" &&\n  context.input.amount < 500");
}
