package com.cedarauthoring.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CedarPolicy;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateGatewayResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreatePolicyEngineResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreatePolicyResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GatewayPolicyEngineMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetPolicyResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ListPoliciesResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.Policy;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyEngineStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyStatus;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyValidationMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.SchemaType;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ToolDefinition;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ValidationException;

/**
 * The real AWS SDK client (2.40.3, AgentCore's preview model: PUT updates, plain-string descriptions)
 * against this service on a loopback port: gateways, engines and policies, and the typed exceptions.
 */
class SdkWireCompatibilityTest {
    /** A fresh service for each test. */
    @RegisterExtension
    final SdkService service = SdkService.signed();

    /** Polls (no sleeps longer than needed) until the condition holds or the deadline passes. */
    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(10);
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("state did not settle: " + value);
            }
            Thread.onSpinWait();
            value = read.get();
        }
        return value;
    }

    @Test
    void gatewayEnginePolicyRoundTripThroughTheSdk() {
        CreateGatewayResponse gw = service.client().createGateway(r -> r.name("refund-gateway")
                .roleArn("arn:aws:iam::123456789012:role/GatewayRole")
                .protocolType("MCP")
                .authorizerType(AuthorizerType.CUSTOM_JWT));
        String gatewayArn = gw.gatewayArn();
        ToolDefinition tool = ToolDefinition.builder().name("process_refund").description("Refund an order")
                .inputSchema(SchemaDefinition.builder().type(SchemaType.OBJECT)
                        .properties(Map.of("amount", SchemaDefinition.builder().type(SchemaType.INTEGER).build(),
                                "orderId", SchemaDefinition.builder().type(SchemaType.STRING).build()))
                        .required("amount", "orderId").build())
                .build();
        service.client().createGatewayTarget(r -> r.gatewayIdentifier(gw.gatewayId()).name("RefundTarget")
                .targetConfiguration(t -> t.mcp(m -> m.lambda(l -> l.lambdaArn("arn:aws:lambda:us-west-2:123456789012:function:refund")
                        .toolSchema(s -> s.inlinePayload(tool))))));

        CreatePolicyEngineResponse engine = service.client().createPolicyEngine(r -> r.name("RefundEngine").description("refunds"));
        assertThat(engine.status()).isEqualTo(PolicyEngineStatus.CREATING);
        assertThat(engine.createdAt()).isNotNull();
        String engineId = engine.policyEngineId();
        assertThat(await(() -> service.client().getPolicyEngine(r -> r.policyEngineId(engineId)).status(),
                s -> s == PolicyEngineStatus.ACTIVE)).isEqualTo(PolicyEngineStatus.ACTIVE);

        service.client().updateGateway(r -> r.gatewayIdentifier(gw.gatewayId()).name("refund-gateway")
                .roleArn("arn:aws:iam::123456789012:role/GatewayRole").protocolType("MCP")
                .authorizerType(AuthorizerType.CUSTOM_JWT)
                .policyEngineConfiguration(p -> p.arn(engine.policyEngineArn()).mode(GatewayPolicyEngineMode.ENFORCE)));

        String valid = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\","
                + " resource == AgentCore::Gateway::\"" + gatewayArn + "\") when { context.input.amount < 500 };";
        String invalid = "permit(principal, action == AgentCore::Action::\"RefundTarget___nonExistentTool\","
                + " resource == AgentCore::Gateway::\"" + gatewayArn + "\");";
        CreatePolicyResponse good = service.client().createPolicy(r -> r.policyEngineId(engineId).name("SmallRefunds")
                .definition(PolicyDefinition.fromCedar(CedarPolicy.builder().statement(valid).build())));
        assertThat(good.status()).isEqualTo(PolicyStatus.CREATING);
        CreatePolicyResponse bad = service.client().createPolicy(r -> r.policyEngineId(engineId).name("UnknownTool")
                .validationMode(PolicyValidationMode.IGNORE_ALL_FINDINGS)
                .definition(PolicyDefinition.fromCedar(CedarPolicy.builder().statement(invalid).build())));

        GetPolicyResponse goodNow = await(() -> service.client().getPolicy(r -> r.policyEngineId(engineId).policyId(good.policyId())),
                p -> p.status() != PolicyStatus.CREATING);
        assertThat(goodNow.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(goodNow.definition().cedar().statement()).isEqualTo(valid);
        GetPolicyResponse badNow = await(() -> service.client().getPolicy(r -> r.policyEngineId(engineId).policyId(bad.policyId())),
                p -> p.status() != PolicyStatus.CREATING);
        assertThat(badNow.status()).isEqualTo(PolicyStatus.CREATE_FAILED);
        assertThat(badNow.statusReasons()).anySatisfy(s -> assertThat(s).contains("RefundTarget___nonExistentTool"));

        // page through policies one at a time, by hand and with the SDK's paginator
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListPoliciesResponse page = service.client().listPolicies(r -> r.policyEngineId(engineId).maxResults(1).nextToken(t));
            assertThat(page.policies()).hasSize(1);
            page.policies().forEach(p -> names.add(p.name()));
            token = page.nextToken();
        } while (token != null);
        assertThat(names).containsExactly("SmallRefunds", "UnknownTool");
        assertThat(service.client().listPoliciesPaginator(r -> r.policyEngineId(engineId).maxResults(1)).policies().stream().map(Policy::name))
                .containsExactly("SmallRefunds", "UnknownTool");
        assertThat(service.client().listPolicyEngines(r -> r.maxResults(1)).policyEngines()).hasSize(1);

        // updates are PUT with a plain-string description in this SDK version
        service.client().updatePolicyEngine(r -> r.policyEngineId(engineId).description("refunds, updated"));
        assertThat(service.client().getPolicyEngine(r -> r.policyEngineId(engineId)).description()).isEqualTo("refunds, updated");
        String tighter = valid.replace("500", "100");
        service.client().updatePolicy(r -> r.policyEngineId(engineId).policyId(good.policyId()).description("tighter")
                .definition(PolicyDefinition.fromCedar(CedarPolicy.builder().statement(tighter).build())));
        GetPolicyResponse updated = service.client().getPolicy(r -> r.policyEngineId(engineId).policyId(good.policyId()));
        assertThat(updated.status()).isEqualTo(PolicyStatus.ACTIVE);
        assertThat(updated.description()).isEqualTo("tighter");
        assertThat(updated.definition().cedar().statement()).isEqualTo(tighter);

        // typed exceptions
        assertThatThrownBy(() -> service.client().createPolicyEngine(r -> r.name("refund-policy-v1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.reasonAsString()).isEqualTo("FieldValidationFailed");
                    assertThat(e.fieldList()).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("name"));
                });
        assertThatThrownBy(() -> service.client().getPolicy(r -> r.policyEngineId(engineId).policyId("Missing-abcdefghij")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> service.client().deletePolicyEngine(r -> r.policyEngineId(engineId)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> service.client().createPolicy(r -> r.policyEngineId(engineId).name("SmallRefunds")
                .definition(PolicyDefinition.fromCedar(CedarPolicy.builder().statement(valid).build()))))
                .isInstanceOf(ConflictException.class);

        // delete policies, wait for 404 (the PolicyDeleted waiter's success), then the engine
        for (String id : List.of(good.policyId(), bad.policyId())) {
            assertThat(service.client().deletePolicy(r -> r.policyEngineId(engineId).policyId(id)).status()).isEqualTo(PolicyStatus.DELETING);
            assertThatThrownBy(() -> service.client().getPolicy(r -> r.policyEngineId(engineId).policyId(id)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
        // the gateway still references the engine: detach it first (UpdateGateway is a full replacement, so
        // omitting policyEngineConfiguration detaches; the SDK cannot send JSON null)
        assertThatThrownBy(() -> service.client().deletePolicyEngine(r -> r.policyEngineId(engineId)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains(gatewayArn));
        service.client().updateGateway(r -> r.gatewayIdentifier(gw.gatewayId()).name("refund-gateway")
                .roleArn("arn:aws:iam::123456789012:role/GatewayRole").authorizerType(AuthorizerType.CUSTOM_JWT));
        assertThat(service.client().getGateway(r -> r.gatewayIdentifier(gw.gatewayId())).policyEngineConfiguration()).isNull();
        assertThat(service.client().deletePolicyEngine(r -> r.policyEngineId(engineId)).status()).isEqualTo(PolicyEngineStatus.DELETING);
        assertThatThrownBy(() -> service.client().getPolicyEngine(r -> r.policyEngineId(engineId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void sdkClientTokenRetriesAreIdempotent() {
        String token = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
        CreatePolicyEngineResponse a = service.client().createPolicyEngine(r -> r.name("Once").clientToken(token));
        CreatePolicyEngineResponse b = service.client().createPolicyEngine(r -> r.name("Once").clientToken(token));
        assertThat(b.policyEngineId()).isEqualTo(a.policyEngineId());
        assertThatThrownBy(() -> service.client().createPolicyEngine(r -> r.name("Twice").clientToken(token)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.reasonAsString()).isEqualTo("IdempotentParameterMismatchException"));
        assertThat(service.client().listPolicyEngines(r -> r.maxResults(10)).policyEngines()).hasSize(1);
    }
}
