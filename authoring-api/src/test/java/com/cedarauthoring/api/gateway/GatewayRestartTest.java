package com.cedarauthoring.api.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.gateway.Gateway;
import com.cedarauthoring.gateway.GatewayService;
import com.cedarauthoring.gateway.GatewayTarget;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gateways, targets and their derived schema survive a restart on the same data directory. */
class GatewayRestartTest {
    @TempDir
    Path dataDir;

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        String gatewayId;
        String targetId;
        String schemaText;
        String engineArn;
        try (Application app = Application.start(ServiceConfig.local(dataDir))) {
            GatewayService gateways = app.gateways();
            engineArn = new Http(app.port()).post("/policy-engines", "{\"name\":\"Eng\"}").body()
                    .get("policyEngineArn").asText();
            Gateway g = gateways.createGateway(com.cedarauthoring.identity.Principal.localUser(), json("{'name':'restart-gw','roleArn':'arn:aws:iam::123456789012:role/R',"
                    + "'authorizerType':'AWS_IAM','kmsKeyArn':'k','policyEngineConfiguration':{'arn':"
                    + "'" + engineArn + "','mode':'ENFORCE'}}"));
            GatewayTarget t = gateways.createTarget(com.cedarauthoring.identity.Principal.localUser(), g.gatewayId(), json("{'name':'Claims','targetConfiguration':{'mcp':"
                    + "{'lambda':{'lambdaArn':'arn:aws:lambda:us-west-2:123456789012:function:c','toolSchema':{'inlinePayload':"
                    + "[{'name':'file_claim','inputSchema':{'type':'object','properties':{'amount':{'type':'integer'}},"
                    + "'required':['amount']}}]}}}}}"));
            gatewayId = g.gatewayId();
            targetId = t.targetId();
            schemaText = gateways.schema(gatewayId).cedarText();
        }
        try (Application app = Application.start(ServiceConfig.local(dataDir))) {
            GatewayService gateways = app.gateways();
            Gateway g = gateways.getGateway(gatewayId);
            assertThat(g.document().get("kmsKeyArn").asText()).isEqualTo("k");
            assertThat(g.policyEngine().orElseThrow().mode()).isEqualTo(Gateway.PolicyEngineConfiguration.Mode.ENFORCE);
            assertThat(gateways.getTarget(gatewayId, targetId).tools()).hasSize(1);
            assertThat(gateways.listGateways(PageRequest.first(10)).items()).hasSize(1);
            assertThat(gateways.schema(gatewayId).cedarText()).isEqualTo(schemaText).contains("principal: [IamEntity]");
            assertThat(app.gatewayDirectory().schemasAttachedTo(engineArn)).hasSize(1);
        }
    }
}
