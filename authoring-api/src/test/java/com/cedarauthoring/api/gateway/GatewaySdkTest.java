package com.cedarauthoring.api.gateway;


import com.cedarauthoring.api.SdkService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateGatewayResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateGatewayTargetResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GatewayPolicyEngineMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GatewayStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetGatewayResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.TargetStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ToolDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/** The gateway operations driven by the real AWS SDK client: member names, statuses, timestamps, errors. */
class GatewaySdkTest {
    @RegisterExtension
    static final SdkService SERVICE = SdkService.signed();

    @Test
    void gatewayAndLambdaTargetRoundTripThroughTheSdk() {
        CreateGatewayResponse gw = SERVICE.client().createGateway(b -> b.name("sdk-gateway").roleArn("arn:aws:iam::123456789012:role/R")
                .protocolType("MCP").authorizerType(AuthorizerType.CUSTOM_JWT).description("via sdk")
                .authorizerConfiguration(a -> a.customJWTAuthorizer(j -> j
                        .discoveryUrl("https://idp.example.com/.well-known/openid-configuration").allowedClients("c1"))));
        assertThat(gw.status()).isEqualTo(GatewayStatus.READY);
        assertThat(gw.gatewayArn()).endsWith(":gateway/" + gw.gatewayId());
        assertThat(gw.createdAt()).isNotNull();
        assertThat(gw.authorizerConfiguration().customJWTAuthorizer().allowedClients()).containsExactly("c1");

        SchemaDefinition input = SchemaDefinition.builder().type(SchemaType.OBJECT)
                .properties(Map.of("amount", SchemaDefinition.builder().type(SchemaType.NUMBER).build(),
                        "reason", SchemaDefinition.builder().type(SchemaType.STRING).build()))
                .required("amount").build();
        CreateGatewayTargetResponse target = SERVICE.client().createGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId())
                .name("RefundTarget").targetConfiguration(t -> t.mcp(m -> m.lambda(l -> l
                        .lambdaArn("arn:aws:lambda:us-west-2:123456789012:function:refund")
                        .toolSchema(s -> s.inlinePayload(ToolDefinition.builder().name("process_refund")
                                .description("Refund an order").inputSchema(input).build()))))));
        assertThat(target.status()).isEqualTo(TargetStatus.READY);
        assertThat(target.targetConfiguration().mcp().lambda().toolSchema().inlinePayload().get(0).name())
                .isEqualTo("process_refund");
        assertThat(SERVICE.app().gatewayDirectory().schemaByArn(gw.gatewayArn()).orElseThrow().cedarText())
                .contains("\"amount\": decimal", "\"reason\"?: String");

        String engineArn = SERVICE.client().createPolicyEngine(b -> b.name("SdkGatewayEngine")).policyEngineArn();
        SERVICE.client().updateGateway(b -> b.gatewayIdentifier(gw.gatewayId()).name("sdk-gateway")
                .roleArn("arn:aws:iam::123456789012:role/R").protocolType("MCP").authorizerType(AuthorizerType.CUSTOM_JWT)
                .policyEngineConfiguration(p -> p.arn(engineArn)
                        .mode(GatewayPolicyEngineMode.LOG_ONLY)));
        GetGatewayResponse got = SERVICE.client().getGateway(b -> b.gatewayIdentifier(gw.gatewayId()));
        assertThat(got.policyEngineConfiguration().mode()).isEqualTo(GatewayPolicyEngineMode.LOG_ONLY);
        // UpdateGateway is a full replacement: the update did not repeat the description, so it is cleared
        assertThat(got.description()).isNull();

        assertThat(SERVICE.client().listGateways(b -> b.maxResults(100)).items())
                .anySatisfy(s -> assertThat(s.gatewayId()).isEqualTo(gw.gatewayId()));
        assertThat(SERVICE.client().listGatewayTargets(b -> b.gatewayIdentifier(gw.gatewayId())).items())
                .extracting(s -> s.name()).containsExactly("RefundTarget");

        assertThatThrownBy(() -> SERVICE.client().createGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId())
                .name("RefundTarget").targetConfiguration(t -> t.mcp(m -> m.lambda(l -> l.lambdaArn("arn:aws:lambda:us-west-2:123456789012:function:x")
                        .toolSchema(s -> s.inlinePayload(List.of())))))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> SERVICE.client().createGateway(b -> b.name("bad_name").roleArn("arn:aws:iam::123456789012:role/R")
                .protocolType("MCP").authorizerType(AuthorizerType.NONE))).isInstanceOf(ValidationException.class);

        SERVICE.client().deleteGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId()).targetId(target.targetId()));
        SERVICE.client().deleteGateway(b -> b.gatewayIdentifier(gw.gatewayId()));
        assertThatThrownBy(() -> SERVICE.client().getGateway(b -> b.gatewayIdentifier(gw.gatewayId())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
