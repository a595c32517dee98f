package com.cedarauthoring.bench.jmh;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.SchemaDeriver;
import com.cedarauthoring.gateway.ToolDefinitions;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The refund gateway fixture ({@code fixtures/gateways/refund.json}) as the service derives its schema. */
final class RefundGateway {
    private RefundGateway() {}

    static GatewaySchema schema(Cedar cedar) {
        JsonNode fixture;
        try (InputStream in = RefundGateway.class.getClassLoader().getResourceAsStream("fixtures/gateways/refund.json")) {
            fixture = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SchemaDeriver.TargetTools> tools = new ArrayList<>();
        for (JsonNode t : fixture.path("targets")) {
            tools.add(new SchemaDeriver.TargetTools(t.path("name").asText(), ToolDefinitions.of(t.path("targetConfiguration"))));
        }
        return new SchemaDeriver(cedar).derive("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/bench",
                AuthorizerType.CUSTOM_JWT, tools);
    }
}
