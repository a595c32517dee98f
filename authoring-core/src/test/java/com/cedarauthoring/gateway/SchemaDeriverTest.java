package com.cedarauthoring.gateway;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.CedarType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDeriverTest {
    private static final String ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-gw-abcdefghij";
    private static final Cedar CEDAR = new Cedar();
    private final SchemaDeriver deriver = new SchemaDeriver(CEDAR);

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Tool tool(String name, String schema) {
        return new Tool(name, "", schema == null ? null : json(schema));
    }

    private GatewaySchema derive(AuthorizerType authorizer, Tool... tools) {
        return deriver.derive(ARN, authorizer, List.of(new SchemaDeriver.TargetTools("RefundTarget", List.of(tools))));
    }

    private static CedarType.RecordType input(GatewaySchema schema, String tool) {
        return schema.action("RefundTarget___" + tool).orElseThrow().input();
    }

    @Test
    void refundToolSchemaTextIsExactlyTheConvention() {
        GatewaySchema schema = derive(AuthorizerType.CUSTOM_JWT, tool("process_refund",
                "{'type':'object','properties':{'orderId':{'type':'string'},'amount':{'type':'integer'},"
                        + "'reason':{'type':'string'}},'required':['orderId','amount']}"));
        assertThat(schema.cedarText()).isEqualTo("""
                namespace AgentCore {
                  entity OAuthUser = { "id": String } tags String;
                  entity IamEntity = { "id": String };
                  entity Gateway;
                  action "CallTool";
                  action "RefundTarget" in ["CallTool"];
                  action "RefundTarget___process_refund" in ["RefundTarget"] appliesTo {
                    principal: [OAuthUser],
                    resource: [Gateway],
                    context: { "input": {"orderId": String, "amount": Long, "reason"?: String} }
                  };
                }
                """);
        JsonNode json = CEDAR.schemaToJson(schema.cedarText());
        assertThat(json(schema.cedarJson())).isEqualTo(json);
        assertThat(json.path("AgentCore").path("actions").has("RefundTarget___process_refund")).isTrue();
        assertThat(schema.gatewayArn()).isEqualTo(ARN);
        assertThat(schema.principalType()).isEqualTo("AgentCore::OAuthUser");
    }

    @Test
    void everyScalarTypeMapsAsTheConventionSays() {
        CedarType.RecordType in = input(derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'s':{'type':'string'},'i':{'type':'integer'},'b':{'type':'boolean'},"
                        + "'n':{'type':'number','description':'an amount'}},'required':['s','i','b','n']}")), "t");
        assertThat(in.attribute("s").orElseThrow().type()).isEqualTo(new CedarType.StringType());
        assertThat(in.attribute("i").orElseThrow().type()).isEqualTo(new CedarType.LongType());
        assertThat(in.attribute("b").orElseThrow().type()).isEqualTo(new CedarType.BoolType());
        assertThat(in.attribute("n").orElseThrow().type()).isEqualTo(new CedarType.DecimalType());
        assertThat(in.attribute("n").orElseThrow().description()).isEqualTo("an amount");
        assertThat(in.attributes()).allMatch(Attribute::required);
    }

    @Test
    void arraysBecomeSetsOfTheirItemType() {
        GatewaySchema schema = derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'tags':{'type':'array','items':{'type':'string'}},"
                        + "'lines':{'type':'array','items':{'type':'object','properties':{'sku':{'type':'string'},"
                        + "'qty':{'type':'integer'}},'required':['sku']}}},'required':['tags']}"));
        CedarType.RecordType in = input(schema, "t");
        assertThat(in.attribute("tags").orElseThrow().type()).isEqualTo(new CedarType.SetType(new CedarType.StringType()));
        assertThat(in.attribute("lines").orElseThrow().type().cedarSyntax())
                .isEqualTo("Set<{\"sku\": String, \"qty\"?: Long}>");
        assertThat(in.attribute("lines").orElseThrow().required()).isFalse();
        assertThat(CEDAR.validate(schema, "permit(principal, action == AgentCore::Action::\"RefundTarget___t\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\") when { context.input.tags.contains(\"vip\") };"))
                .isEmpty();
    }

    @Test
    void nestedObjectsBecomeNestedRecords() {
        GatewaySchema schema = derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'customer':{'type':'object','properties':{'address':{'type':'object',"
                        + "'properties':{'country':{'type':'string'}},'required':['country']}},'required':['address']}},"
                        + "'required':['customer']}"));
        assertThat(schema.cedarText()).contains("{\"customer\": {\"address\": {\"country\": String}}}");
        assertThat(CEDAR.validate(schema, "permit(principal, action == AgentCore::Action::\"RefundTarget___t\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\") when { context.input.customer.address.country == \"US\" };"))
                .isEmpty();
    }

    @Test
    void optionalPropertiesAreOptionalAndNeedHas() {
        GatewaySchema schema = derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'amount':{'type':'integer'},'reason':{'type':'string'}},'required':['amount']}"));
        CedarType.RecordType in = input(schema, "t");
        assertThat(in.attribute("amount").orElseThrow().required()).isTrue();
        assertThat(in.attribute("reason").orElseThrow().required()).isFalse();
        String scope = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___t\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\")";
        assertThat(CEDAR.validate(schema, scope + " when { context.input has reason && context.input.reason == \"x\" };"))
                .isEmpty();
        assertThat(CEDAR.validate(schema, scope + " when { context.input.reason == \"x\" };")).isNotEmpty();
    }

    @Test
    void stringEnumStaysStringAndKeepsItsValues() {
        CedarType.RecordType in = input(derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'region':{'type':'string','enum':['US','EU','APAC']}},'required':['region']}")), "t");
        Attribute region = in.attribute("region").orElseThrow();
        assertThat(region.type()).isEqualTo(new CedarType.StringType());
        assertThat(region.enumValues()).containsExactly("US", "EU", "APAC");
    }

    @Test
    void missingOrEmptySchemasGiveTheEmptyRecord() {
        GatewaySchema schema = derive(AuthorizerType.CUSTOM_JWT, tool("a", null), tool("b", "{}"),
                tool("c", "{'type':'object'}"), tool("d", "{'type':'object','properties':{}}"));
        for (String t : List.of("a", "b", "c", "d")) {
            assertThat(input(schema, t).attributes()).isEmpty();
        }
        assertThat(schema.cedarText()).contains("context: { \"input\": {} }");
        assertThat(CEDAR.validate(schema, "permit(principal, action == AgentCore::Action::\"RefundTarget___a\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\");")).isEmpty();
    }

    @Test
    void typeIsInferredFromPropertiesOrItemsAndNullableUnionsCollapse() {
        CedarType.RecordType in = input(derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'properties':{'o':{'properties':{'x':{'type':'string'}}},'l':{'items':{'type':'integer'}},"
                        + "'n':{'type':['number','null']}}}")), "t");
        assertThat(in.attribute("o").orElseThrow().type()).isInstanceOf(CedarType.RecordType.class);
        assertThat(in.attribute("l").orElseThrow().type()).isEqualTo(new CedarType.SetType(new CedarType.LongType()));
        assertThat(in.attribute("n").orElseThrow().type()).isEqualTo(new CedarType.DecimalType());
    }

    @Test
    void untypedOrUnknownTypesAreRejectedNamingTheProperty() {
        assertThatThrownBy(() -> derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'x':{'description':'anything'}}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("properties.x has no 'type'");
        assertThatThrownBy(() -> derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'x':{'type':'date'}}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unsupported type 'date'");
        assertThatThrownBy(() -> derive(AuthorizerType.CUSTOM_JWT, tool("t",
                "{'type':'object','properties':{'x':{'type':'array'}}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("without 'items'");
        assertThatThrownBy(() -> derive(AuthorizerType.CUSTOM_JWT, tool("t", "{'type':'string'}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be an object");
    }

    @Test
    void propertyNamesThatNeedQuotingAreEscaped() {
        com.fasterxml.jackson.databind.node.ObjectNode schemaNode = (com.fasterxml.jackson.databind.node.ObjectNode) json(
                "{'type':'object','properties':{'first name':{'type':'string'},'x-request-id':{'type':'string'},"
                        + "'if':{'type':'boolean'}},'required':['first name','if']}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) schemaNode.get("properties")).putObject("say \"hi\"")
                .put("type", "string");
        GatewaySchema schema = derive(AuthorizerType.CUSTOM_JWT, new Tool("t", "", schemaNode));
        assertThat(schema.cedarText()).contains("\"first name\": String", "\"x-request-id\"?: String",
                "\"say \\\"hi\\\"\"?: String", "\"if\": Bool");
        assertThat(CEDAR.validate(schema, "permit(principal, action == AgentCore::Action::\"RefundTarget___t\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\") when { context.input[\"first name\"] == \"Ann\" "
                + "&& context.input[\"if\"] };")).isEmpty();
    }

    @Test
    void iamGatewaysUseIamEntityPrincipals() {
        GatewaySchema schema = derive(AuthorizerType.AWS_IAM, tool("t", "{'type':'object','properties':{}}"));
        assertThat(schema.cedarText()).contains("principal: [IamEntity],").doesNotContain("principal: [OAuthUser]");
        assertThat(schema.principalType()).isEqualTo("AgentCore::IamEntity");
        String p = "permit(principal is AgentCore::IamEntity, action == AgentCore::Action::\"RefundTarget___t\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\") when { principal.id like \"arn:aws:sts::*\" };";
        assertThat(CEDAR.validate(schema, p)).isEmpty();
        assertThat(CEDAR.validate(schema, p.replace("IamEntity", "OAuthUser"))).isNotEmpty();
    }

    @Test
    void severalTargetsAreActionGroupsAndValidateASamplePolicy() {
        GatewaySchema schema = deriver.derive(ARN, AuthorizerType.CUSTOM_JWT, List.of(
                new SchemaDeriver.TargetTools("RefundTarget", List.of(tool("process_refund",
                        "{'type':'object','properties':{'amount':{'type':'number'},'reason':{'type':'string'}},'required':['amount']}"))),
                new SchemaDeriver.TargetTools("Shipping-Target", List.of(tool("ship", "{}"), tool("track", "{}")))));
        assertThat(schema.targetNames()).containsExactly("RefundTarget", "Shipping-Target");
        assertThat(schema.actions()).extracting(ToolAction::actionId)
                .containsExactly("RefundTarget___process_refund", "Shipping-Target___ship", "Shipping-Target___track");
        assertThat(schema.cedarText()).contains("action \"Shipping-Target\" in [\"CallTool\"];",
                "action \"Shipping-Target___track\" in [\"Shipping-Target\"] appliesTo {");
        String refund = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\") when { principal.hasTag(\"role\") && "
                + "principal.getTag(\"role\") == \"manager\" && context.input.amount.lessThan(decimal(\"500.0\")) && "
                + "(context.input has reason && context.input.reason like \"*damaged*\") };";
        assertThat(CEDAR.validate(schema, refund)).isEmpty();
        assertThat(CEDAR.validate(schema, "forbid(principal, action in AgentCore::Action::\"Shipping-Target\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\");")).isEmpty();
        assertThat(CEDAR.validate(schema, "permit(principal, action in AgentCore::Action::\"CallTool\", "
                + "resource == AgentCore::Gateway::\"" + ARN + "\");")).isEmpty();
        assertThat(CEDAR.validate(schema, refund.replace("process_refund", "issue_refund"))).isNotEmpty();
        assertThat(CEDAR.validate(schema, refund.replace("amount.lessThan(decimal(\"500.0\"))", "amount < 500")))
                .isNotEmpty();
    }

    @Test
    void noTargetsGiveAValidSchemaWithOnlyCallTool() {
        GatewaySchema schema = deriver.derive(ARN, AuthorizerType.NONE, List.of());
        assertThat(schema.actions()).isEmpty();
        assertThat(CEDAR.schemaError(schema.cedarText())).isEmpty();
    }

    @Test
    void openApiOperationsBecomeToolsWithParametersAndBody() {
        JsonNode doc = json("""
                {'openapi':'3.0.1','info':{'title':'Orders','version':'1'},
                 'paths':{
                  '/orders/{orderId}':{
                    'parameters':[{'name':'orderId','in':'path','required':true,'schema':{'type':'string'}}],
                    'get':{'operationId':'get_order','summary':'Get an order',
                           'parameters':[{'name':'verbose','in':'query','schema':{'type':'boolean'}},
                                         {'name':'X-Trace','in':'header','schema':{'type':'string'}},
                                         {'name':'session','in':'cookie','schema':{'type':'string'}}]},
                    'post':{'operationId':'refund_order','description':'Refund an order',
                            'requestBody':{'required':true,'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Refund'}}}}},
                    'delete':{'summary':'no operation id: skipped'}}},
                 'components':{'schemas':{
                   'Refund':{'type':'object','required':['amount'],'properties':{'amount':{'type':'number'},
                     'lines':{'type':'array','items':{'$ref':'#/components/schemas/Line'}},'note':{'type':'string','nullable':true}}},
                   'Line':{'type':'object','properties':{'sku':{'type':'string'}},'required':['sku']}}}}
                """);
        List<Tool> tools = OpenApiTools.tools(Json.mapper().getNodeFactory().textNode(doc.toString()));
        assertThat(tools).extracting(Tool::name).containsExactly("get_order", "refund_order");
        assertThat(tools.get(0).description()).isEqualTo("Get an order");
        assertThat(tools.get(1).description()).isEqualTo("Refund an order");
        GatewaySchema schema = deriver.derive(ARN, AuthorizerType.CUSTOM_JWT,
                List.of(new SchemaDeriver.TargetTools("Orders", tools)));
        assertThat(schema.action("Orders___get_order").orElseThrow().input().cedarSyntax())
                .isEqualTo("{\"orderId\": String, \"verbose\"?: Bool, \"X-Trace\"?: String}");
        assertThat(schema.action("Orders___refund_order").orElseThrow().input().cedarSyntax())
                .isEqualTo("{\"orderId\": String, \"amount\": decimal, \"lines\"?: Set<{\"sku\": String}>, \"note\"?: String}");
    }

    @Test
    void openApiRejectsRecursionAndBadDocuments() {
        JsonNode recursive = json("{'openapi':'3.0.0','paths':{'/a':{'post':{'operationId':'a','requestBody':{'content':"
                + "{'application/json':{'schema':{'$ref':'#/components/schemas/Node'}}}}}}},'components':{'schemas':{'Node':"
                + "{'type':'object','properties':{'child':{'$ref':'#/components/schemas/Node'}}}}}}");
        assertThatThrownBy(() -> OpenApiTools.tools(recursive)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("recursive");
        assertThatThrownBy(() -> OpenApiTools.tools(json("{'swagger':'2.0','paths':{}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("OpenAPI 3");
        assertThatThrownBy(() -> OpenApiTools.tools(Json.mapper().getNodeFactory().textNode("not json")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> OpenApiTools.tools(json("{'openapi':'3.0.0','paths':{'/a':{'get':{'operationId':'bad.name'}}}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pattern");
    }

    @Test
    void lambdaToolDefinitionsAreReadAndValidated() {
        List<Tool> tools = ToolDefinitions.of(json("{'mcp':{'lambda':{'lambdaArn':'arn:aws:lambda:us-west-2:123456789012:function:f',"
                + "'toolSchema':{'inlinePayload':[{'name':'process_refund','description':'Refund','inputSchema':{'type':'object'}}]}}}}"));
        assertThat(tools).extracting(Tool::name).containsExactly("process_refund");
        assertThatThrownBy(() -> ToolDefinitions.of(json("{'mcp':{'lambda':{'toolSchema':{'inlinePayload':[{'name':'bad name'}]}}}}")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldList().get(0).name())
                        .isEqualTo("targetConfiguration.mcp.lambda.toolSchema.inlinePayload[0].name"));
        assertThat(ToolDefinitions.of(json("{'mcp':{'mcpServer':{'endpoint':'https://example.com/mcp'}}}"))).isEmpty();
    }
}
