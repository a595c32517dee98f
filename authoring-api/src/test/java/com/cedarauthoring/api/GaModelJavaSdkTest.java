package com.cedarauthoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.Finding;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.FindingType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GatewayPolicyEngineMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetPolicyGenerationResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyGenerationAsset;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyGenerationStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyValidationMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ToolDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/**
 * Issue 9 with the AWS SDK for Java 2.40.3 (the preview model), for what that model has: full-replacement
 * UpdateGateway / UpdateGatewayTarget, tags (CreateGateway, TagResource, UntagResource, ListTagsForResource),
 * the generation's {@code findings} string, and how an AMBIGUOUS finding reaches a Java user.
 */
class GaModelJavaSdkTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/R";

    @RegisterExtension
    static final SdkService SERVICE = SdkService.local();

    @Test
    void updatesAreFullReplacementsThatClearOmittedMembers() {
        var engine = SERVICE.client().createPolicyEngine(b -> b.name("ReplaceEngine"));
        var gw = SERVICE.client().createGateway(b -> b.name("replace-gateway").roleArn(ROLE).protocolType("MCP")
                .authorizerType(AuthorizerType.CUSTOM_JWT).description("before").kmsKeyArn(
                        "arn:aws:kms:us-west-2:123456789012:key/12345678-1234-1234-1234-123456789012")
                .policyEngineConfiguration(p -> p.arn(engine.policyEngineArn()).mode(GatewayPolicyEngineMode.ENFORCE)));
        var target = SERVICE.client().createGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId()).name("RefundTarget")
                .description("refunds").targetConfiguration(t -> t.mcp(m -> m.lambda(l -> l
                        .lambdaArn("arn:aws:lambda:us-west-2:123456789012:function:refund")
                        .toolSchema(s -> s.inlinePayload(refundTool()))))));

        SERVICE.client().updateGateway(b -> b.gatewayIdentifier(gw.gatewayId()).name("replace-gateway").roleArn(ROLE)
                .authorizerType(AuthorizerType.CUSTOM_JWT));
        var after = SERVICE.client().getGateway(b -> b.gatewayIdentifier(gw.gatewayId()));
        assertThat(after.policyEngineConfiguration()).isNull();
        assertThat(after.description()).isNull();
        assertThat(after.kmsKeyArn()).isNull();
        assertThat(after.protocolTypeAsString()).isEqualTo("MCP");

        SERVICE.client().updateGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId()).targetId(target.targetId()).name("RefundTarget")
                .targetConfiguration(t -> t.mcp(m -> m.lambda(l -> l.lambdaArn("arn:aws:lambda:us-west-2:123456789012:function:refund")
                        .toolSchema(s -> s.inlinePayload(refundTool()))))));
        var targetAfter = SERVICE.client().getGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId()).targetId(target.targetId()));
        assertThat(targetAfter.description()).isNull();
        assertThat(targetAfter.targetConfiguration().mcp().lambda().toolSchema().inlinePayload()).hasSize(1);

        // detached, so the engine can go
        SERVICE.client().deletePolicyEngine(b -> b.policyEngineId(engine.policyEngineId()));
        assertThatThrownBy(() -> SERVICE.client().getPolicyEngine(b -> b.policyEngineId(engine.policyEngineId())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagsThroughTheJavaSdk() {
        var gw = SERVICE.client().createGateway(b -> b.name("tagged-gateway").roleArn(ROLE).protocolType("MCP")
                .authorizerType(AuthorizerType.AWS_IAM).tags(Map.of("team", "payments")));
        assertThat(SERVICE.client().listTagsForResource(b -> b.resourceArn(gw.gatewayArn())).tags()).containsExactly(Map.entry("team", "payments"));
        SERVICE.client().tagResource(b -> b.resourceArn(gw.gatewayArn()).tags(Map.of("env", "prod", "team", "refunds")));
        SERVICE.client().untagResource(b -> b.resourceArn(gw.gatewayArn()).tagKeys("env"));
        assertThat(SERVICE.client().listTagsForResource(b -> b.resourceArn(gw.gatewayArn())).tags()).containsExactly(Map.entry("team", "refunds"));
        assertThatThrownBy(() -> SERVICE.client().tagResource(b -> b.resourceArn(gw.gatewayArn()).tags(Map.of("aws:team", "x"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SERVICE.client().createGateway(b -> b.name("bad-tags").roleArn(ROLE).protocolType("MCP")
                .authorizerType(AuthorizerType.AWS_IAM).tags(Map.of("k", "v".repeat(257)))))
                .isInstanceOf(ValidationException.class);
        assertThat(SERVICE.client().listGateways(b -> b.maxResults(100)).items()).noneMatch(g -> g.name().equals("bad-tags"));

        SERVICE.client().deleteGateway(b -> b.gatewayIdentifier(gw.gatewayId()));
        assertThatThrownBy(() -> SERVICE.client().listTagsForResource(b -> b.resourceArn(gw.gatewayArn())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(SERVICE.app().database().jdbc().queryOne("SELECT COUNT(*) FROM resource_tags WHERE resource_arn = ?",
                rs -> rs.getInt(1), gw.gatewayArn())).contains(0);
    }

    /**
     * AMBIGUOUS is not in the model's FindingType: this SDK reads it as UNKNOWN_TO_SDK_VERSION, keeps the raw
     * string in typeAsString() and the description as sent, and the asset's statement still makes a policy.
     */
    @Test
    void aJavaUserCanReadAnAmbiguousFindingAndCreateThePolicy() {
        var gw = SERVICE.client().createGateway(b -> b.name("ambiguous-gateway").roleArn(ROLE).protocolType("MCP")
                .authorizerType(AuthorizerType.CUSTOM_JWT));
        SERVICE.client().createGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId()).name("RefundTarget")
                .targetConfiguration(t -> t.mcp(m -> m.lambda(l -> l.lambdaArn("arn:aws:lambda:us-west-2:123456789012:function:refund")
                        .toolSchema(s -> s.inlinePayload(refundTool()))))));
        var engine = SERVICE.client().createPolicyEngine(b -> b.name("AmbiguousEngine"));
        SERVICE.client().updateGateway(b -> b.gatewayIdentifier(gw.gatewayId()).name("ambiguous-gateway").roleArn(ROLE)
                .authorizerType(AuthorizerType.CUSTOM_JWT)
                .policyEngineConfiguration(p -> p.arn(engine.policyEngineArn()).mode(GatewayPolicyEngineMode.ENFORCE)));
        var started = SERVICE.client().startPolicyGeneration(b -> b.policyEngineId(engine.policyEngineId()).name("ambiguous")
                .resource(r -> r.arn(gw.gatewayArn())).content(c -> c.rawText("Allow refunds when a reason is provided.")));
        GetPolicyGenerationResponse done = poll(engine.policyEngineId(), started.policyGenerationId());
        assertThat(done.status()).isEqualTo(PolicyGenerationStatus.GENERATED);
        assertThat(done.findings()).isEqualTo("1 asset: 1 AMBIGUOUS");

        PolicyGenerationAsset asset = SERVICE.client().listPolicyGenerationAssets(b -> b.policyEngineId(engine.policyEngineId())
                .policyGenerationId(started.policyGenerationId())).policyGenerationAssets().get(0);
        Finding finding = asset.findings().get(0);
        assertThat(finding.type()).isEqualTo(FindingType.UNKNOWN_TO_SDK_VERSION);
        assertThat(finding.typeAsString()).isEqualTo("AMBIGUOUS");
        assertThat(finding.description()).isNotBlank();

        String statement = asset.definition().cedar().statement();
        var policy = SERVICE.client().createPolicy(b -> b.policyEngineId(engine.policyEngineId()).name("ReviewedAmbiguous")
                .validationMode(PolicyValidationMode.IGNORE_ALL_FINDINGS)
                .definition(d -> d.cedar(c -> c.statement(statement))));
        var got = SERVICE.client().getPolicy(b -> b.policyEngineId(engine.policyEngineId()).policyId(policy.policyId()));
        assertThat(got.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(got.definition().cedar().statement()).isEqualTo(statement);
    }

    private static GetPolicyGenerationResponse poll(String engineId, String generationId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        GetPolicyGenerationResponse r;
        do {
            r = SERVICE.client().getPolicyGeneration(b -> b.policyEngineId(engineId).policyGenerationId(generationId));
        } while (r.status() == PolicyGenerationStatus.GENERATING && Instant.now().isBefore(deadline) && pause());
        return r;
    }

    private static boolean pause() {
        try {
            Thread.sleep(20); // poll interval, not a wait for a state
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ToolDefinition refundTool() {
        return ToolDefinition.builder().name("process_refund").description("Process customer refund")
                .inputSchema(SchemaDefinition.builder().type(SchemaType.OBJECT)
                        .properties(Map.of("orderId", SchemaDefinition.builder().type(SchemaType.STRING).build(),
                                "amount", SchemaDefinition.builder().type(SchemaType.INTEGER).build(),
                                "reason", SchemaDefinition.builder().type(SchemaType.STRING).build()))
                        .required("orderId", "amount").build())
                .build();
    }
}
