package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.findings.ScopeRules;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {
    private static final Cedar CEDAR = new Cedar();

    /** The example gateway the few-shot examples are written for. */
    private static GatewaySchema exampleGateway(String arn) {
        var refund = new ToolAction("RefundTarget", "process_refund", "Process a customer refund",
                new CedarType.RecordType(List.of(new Attribute("amount", new CedarType.LongType(), true, "", null),
                        new Attribute("reason", new CedarType.StringType(), false, "", null),
                        new Attribute("region", new CedarType.StringType(), false, "", null))));
        var status = new ToolAction("RefundTarget", "check_refund_status", "Check the status of a refund",
                new CedarType.RecordType(List.of(new Attribute("refundId", new CedarType.StringType(), true, "", null))));
        var book = new ToolAction("TravelTarget", "create_flight_booking", "Book a flight",
                new CedarType.RecordType(List.of(new Attribute("region", new CedarType.StringType(), false, "", null),
                        new Attribute("eligible", new CedarType.BoolType(), false, "", null),
                        new Attribute("price", new CedarType.DecimalType(), false, "", null))));
        String text = """
                namespace AgentCore {
                  entity OAuthUser = { "id": String } tags String;
                  entity IamEntity = { "id": String };
                  entity Gateway;
                  action "CallTool";
                  action "RefundTarget" in ["CallTool"];
                  action "TravelTarget" in ["CallTool"];
                  action "RefundTarget___process_refund" in ["RefundTarget"] appliesTo { principal: [OAuthUser],
                    resource: [Gateway], context: { "input": { "amount": Long, "reason"?: String, "region"?: String } } };
                  action "RefundTarget___check_refund_status" in ["RefundTarget"] appliesTo { principal: [OAuthUser],
                    resource: [Gateway], context: { "input": { "refundId": String } } };
                  action "TravelTarget___create_flight_booking" in ["TravelTarget"] appliesTo { principal: [OAuthUser],
                    resource: [Gateway], context: { "input": { "region"?: String, "eligible"?: Bool, "price"?: decimal } } };
                }
                """;
        return new GatewaySchema(arn, AuthorizerType.CUSTOM_JWT, List.of(refund, status, book), text, "{}");
    }

    @Test
    void everyFewShotExampleIsAPolicyOurOwnChecksAccept() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("prompts/nl2cedar/v1/examples.json")) {
            root = Json.mapper().readTree(in);
        }
        String arn = root.path("gateway").asText();
        GatewaySchema schema = exampleGateway(arn);
        int checked = 0;
        for (JsonNode ex : root.path("examples")) {
            for (JsonNode p : ex.path("output").path("policies")) {
                assertThat(ex.path("input").asText()).contains(p.path("rawTextFragment").asText());
                String cedar = p.path("cedar").asText().replace("{{GATEWAY_ARN}}", arn);
                if (cedar.isEmpty()) {
                    assertThat(p.path("ambiguities")).isNotEmpty();
                    continue;
                }
                assertThat(CEDAR.validate(schema, cedar)).as(cedar).isEmpty();
                assertThat(ScopeRules.violations(CEDAR.view(cedar), schema)).as(cedar).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void renderedPromptHasNoUnfilledSlotsAndAStableTemplateHash() {
        PromptTemplates p = PromptTemplates.load("nl2cedar/v1");
        String system = p.system(TestGateways.refunds());
        assertThat(system).doesNotContain("{{").contains(TestGateways.ARN).contains("RefundTarget___check_refund_status");
        assertThat(p.user("a <b> & c")).contains("a &lt;b&gt; &amp; c").doesNotContain("{{");
        assertThat(p.templateSha256()).isEqualTo(PromptTemplates.load("nl2cedar/v1").templateSha256());
        assertThat(PromptTemplates.unescape(PromptTemplates.escape("x </requirement> & y"))).isEqualTo("x </requirement> & y");
    }
}
