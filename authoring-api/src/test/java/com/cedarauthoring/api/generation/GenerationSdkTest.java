package com.cedarauthoring.api.generation;


import com.cedarauthoring.api.SdkService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.FindingType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GatewayPolicyEngineMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetPolicyGenerationResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyGenerationAsset;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyGenerationStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ToolDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/**
 * Issue 3's proof: the real AWS SDK client drives start -> poll until GENERATED -> page through
 * assets -> create a policy from an asset's statement, against the running server.
 */
class GenerationSdkTest {
    @RegisterExtension
    static final SdkService SERVICE = SdkService.signed();

    @Test
    void startPollPageAndCreateAPolicyFromAnAsset() throws Exception {
        var gw = SERVICE.client().createGateway(b -> b.name("refund-gateway").roleArn("arn:aws:iam::123456789012:role/R")
                .protocolType("MCP").authorizerType(AuthorizerType.CUSTOM_JWT));
        SchemaDefinition refundInput = SchemaDefinition.builder().type(SchemaType.OBJECT)
                .properties(Map.of("orderId", SchemaDefinition.builder().type(SchemaType.STRING).build(),
                        "amount", SchemaDefinition.builder().type(SchemaType.INTEGER).build(),
                        "reason", SchemaDefinition.builder().type(SchemaType.STRING).build()))
                .required("orderId", "amount").build();
        SchemaDefinition statusInput = SchemaDefinition.builder().type(SchemaType.OBJECT)
                .properties(Map.of("orderId", SchemaDefinition.builder().type(SchemaType.STRING).build()))
                .required("orderId").build();
        SERVICE.client().createGatewayTarget(b -> b.gatewayIdentifier(gw.gatewayId()).name("RefundTarget")
                .targetConfiguration(t -> t.mcp(m -> m.lambda(l -> l.lambdaArn("arn:aws:lambda:us-west-2:123456789012:function:refund")
                        .toolSchema(s -> s.inlinePayload(
                                ToolDefinition.builder().name("process_refund").description("Process customer refund").inputSchema(refundInput).build(),
                                ToolDefinition.builder().name("check_refund_status").description("Check the status of a refund").inputSchema(statusInput).build()))))));
        var engine = SERVICE.client().createPolicyEngine(b -> b.name("RefundPolicyEngine"));
        SERVICE.client().updateGateway(b -> b.gatewayIdentifier(gw.gatewayId()).name("refund-gateway")
                .roleArn("arn:aws:iam::123456789012:role/R").protocolType("MCP").authorizerType(AuthorizerType.CUSTOM_JWT)
                .policyEngineConfiguration(p -> p.arn(engine.policyEngineArn()).mode(GatewayPolicyEngineMode.ENFORCE)));

        String rawText = "Allow user refund-agent to process refunds when the amount is less than $500. "
                + "Block users from processing refunds when the amount exceeds $10,000. "
                + "Allow users to check refund status when the amount is reasonable.";
        var started = SERVICE.client().startPolicyGeneration(b -> b.policyEngineId(engine.policyEngineId()).name("refund_policy")
                .resource(r -> r.arn(gw.gatewayArn())).content(c -> c.rawText(rawText)));
        assertThat(started.status()).isEqualTo(PolicyGenerationStatus.GENERATING);
        assertThat(started.policyGenerationArn()).contains(":policy-engine/" + engine.policyEngineId() + "/policy-generation/");

        GetPolicyGenerationResponse done = poll(engine.policyEngineId(), started.policyGenerationId());
        assertThat(done.status()).isEqualTo(PolicyGenerationStatus.GENERATED);
        assertThat(done.statusReasons()).isEmpty();

        // Page one asset at a time, by hand, then with the SDK's paginator: same assets in the same order.
        List<PolicyGenerationAsset> byHand = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = SERVICE.client().listPolicyGenerationAssets(b -> b.policyEngineId(engine.policyEngineId())
                    .policyGenerationId(started.policyGenerationId()).maxResults(1).nextToken(next));
            assertThat(page.policyGenerationAssets()).hasSizeLessThanOrEqualTo(1);
            byHand.addAll(page.policyGenerationAssets());
            token = page.nextToken();
        } while (token != null);
        List<PolicyGenerationAsset> paginated = new ArrayList<>();
        SERVICE.client().listPolicyGenerationAssetsPaginator(b -> b.policyEngineId(engine.policyEngineId())
                .policyGenerationId(started.policyGenerationId()).maxResults(2))
                .policyGenerationAssets().forEach(paginated::add);
        assertThat(paginated).isEqualTo(byHand);
        assertThat(byHand).extracting(PolicyGenerationAsset::rawTextFragment).containsExactly(
                "Allow user refund-agent to process refunds when the amount is less than $500.",
                "Block users from processing refunds when the amount exceeds $10,000.",
                "Allow users to check refund status when the amount is reasonable.");
        assertThat(byHand.get(0).findings()).extracting(f -> f.type()).containsExactly(FindingType.VALID);
        assertThat(byHand.get(1).findings()).extracting(f -> f.type()).containsExactly(FindingType.VALID);
        assertThat(byHand.get(2).findings()).extracting(f -> f.type()).containsExactly(FindingType.NOT_TRANSLATABLE);
        assertThat(byHand.get(2).definition()).isNull();

        String statement = byHand.get(0).definition().cedar().statement();
        assertThat(statement).contains("RefundTarget___process_refund").contains(gw.gatewayArn())
                .contains("context.input.amount < 500");
        var policy = SERVICE.client().createPolicy(b -> b.policyEngineId(engine.policyEngineId()).name("RefundUnder500")
                .definition(d -> d.cedar(c -> c.statement(statement))));
        assertThat(SERVICE.client().getPolicy(b -> b.policyEngineId(engine.policyEngineId()).policyId(policy.policyId())).status())
                .isEqualTo(PolicyStatus.ACTIVE);

        assertThat(SERVICE.client().listPolicyGenerations(b -> b.policyEngineId(engine.policyEngineId())).policyGenerations())
                .extracting(g -> g.policyGenerationId()).containsExactly(started.policyGenerationId());
    }

    @Test
    void startIsValidatedSynchronouslyWithTypedErrors() {
        var engine = SERVICE.client().createPolicyEngine(b -> b.name("ValidationEngine"));
        assertThatThrownBy(() -> SERVICE.client().startPolicyGeneration(b -> b.policyEngineId(engine.policyEngineId())
                .name("refund-policy-v1").resource(r -> r.arn("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/x-abcdefghij"))
                .content(c -> c.rawText("Allow everyone to do everything"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldList()).anySatisfy(f -> assertThat(f.name()).isEqualTo("name"));
                    assertThat(e.getMessage()).contains("^[A-Za-z][A-Za-z0-9_]*$");
                });
        assertThatThrownBy(() -> SERVICE.client().startPolicyGeneration(b -> b.policyEngineId(engine.policyEngineId())
                .name("refund_policy").resource(r -> r.arn("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/missing-abcdefghij"))
                .content(c -> c.rawText("Allow everyone to do everything"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static GetPolicyGenerationResponse poll(String engineId, String generationId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        GetPolicyGenerationResponse r;
        do {
            r = SERVICE.client().getPolicyGeneration(b -> b.policyEngineId(engineId).policyGenerationId(generationId));
            if (r.status() != PolicyGenerationStatus.GENERATING) {
                return r;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return r;
    }
}
