package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import java.util.ArrayList;
import java.util.List;

/** Hand-built gateway schemas for translator tests (independent of the schema deriver). */
final class TestSchemas {
    static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/test-gw";

    private TestSchemas() {}

    static Attribute req(String name, CedarType type) {
        return new Attribute(name, type, true, "", List.of());
    }

    static Attribute opt(String name, CedarType type) {
        return new Attribute(name, type, false, "", List.of());
    }

    static Attribute enumOf(String name, boolean required, String... values) {
        return new Attribute(name, new CedarType.StringType(), required, "", List.of(values));
    }

    static ToolAction tool(String target, String name, String description, Attribute... attrs) {
        return new ToolAction(target, name, description, new CedarType.RecordType(List.of(attrs)));
    }

    static final CedarType STR = new CedarType.StringType();
    static final CedarType LONG = new CedarType.LongType();
    static final CedarType BOOL = new CedarType.BoolType();
    static final CedarType DEC = new CedarType.DecimalType();

    static GatewaySchema schema(AuthorizerType auth, ToolAction... tools) {
        String principal = auth.principalEntity();
        StringBuilder sb = new StringBuilder("namespace AgentCore {\n");
        sb.append("  entity OAuthUser = { \"id\": String } tags String;\n");
        sb.append("  entity IamEntity = { \"id\": String };\n");
        sb.append("  entity Gateway;\n  action \"CallTool\";\n");
        List<String> targets = new ArrayList<>();
        for (ToolAction t : tools) {
            if (!targets.contains(t.targetName())) {
                targets.add(t.targetName());
                sb.append("  action \"").append(t.targetName()).append("\" in [\"CallTool\"];\n");
            }
        }
        for (ToolAction t : tools) {
            sb.append("  action \"").append(t.actionId()).append("\" in [\"").append(t.targetName())
                    .append("\"] appliesTo { principal: [").append(principal).append("], resource: [Gateway], context: { \"input\": ")
                    .append(t.input().cedarSyntax()).append(" } };\n");
        }
        sb.append("}\n");
        return new GatewaySchema(ARN, auth, List.of(tools), sb.toString(), "{}");
    }

    /** A refund/payment/shipping style gateway exercising every attribute type. */
    static GatewaySchema shop() {
        return schema(AuthorizerType.CUSTOM_JWT,
                tool("RefundTarget", "process_refund", "Process a customer refund",
                        req("orderId", STR), req("amount", LONG), opt("reason", STR), opt("approval_status", STR),
                        enumOf("risk_level", false, "low", "medium", "high")),
                tool("RefundTarget", "check_refund_status", "Check the status of a refund", req("refundId", STR)),
                tool("ShippingTarget", "ship_package", "Ship a package",
                        req("destination_country", STR), req("express", BOOL), req("weight", DEC), opt("region", STR),
                        opt("product_eligible", BOOL), opt("application_id", STR), opt("labels", new CedarType.SetType(STR)),
                        opt("dimensions", new CedarType.RecordType(List.of(req("height", DEC), req("width", DEC))))),
                tool("TravelTarget", "create_flight_booking", "Create a flight booking",
                        req("passenger_count", LONG), opt("fare_class", STR)),
                tool("TicketTarget", "search_tickets", "Search support tickets", req("query", STR)),
                tool("KnowledgeTarget", "searchArticles", "Search knowledge articles", req("query", STR)));
    }

    static GatewaySchema iam() {
        return schema(AuthorizerType.AWS_IAM,
                tool("OpsTarget", "restart_service", "Restart a service", req("service_name", STR),
                        enumOf("environment", true, "dev", "prod")));
    }
}
