package com.cedarauthoring.api.policy;

import com.cedarauthoring.api.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRoutesTest {
    static final String STATEMENT = "permit(principal is AgentCore::OAuthUser, action, resource == AgentCore::Gateway::"
            + "\"arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/refund-abcdefghij\");";

    @TempDir
    Path dir;
    Application app;
    Http http;

    @BeforeEach
    void start() {
        app = Application.start(ServiceConfig.local(dir));
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void engineCrudWithAgentCoreShapes() {
        Http.Response created = http.post("/policy-engines", Map.of("name", "Engine_A", "description", "first"));
        assertThat(created.status()).isEqualTo(202);
        JsonNode e = created.body();
        assertThat(e.get("status").asText()).isEqualTo("CREATING");
        String id = e.get("policyEngineId").asText();
        assertThat(id).matches("Engine_A-[a-z0-9_]{10}");
        assertThat(e.get("policyEngineArn").asText())
                .isEqualTo("arn:aws:bedrock-agentcore:us-west-2:123456789012:policy-engine/" + id);
        assertThat(Instant.parse(e.get("createdAt").asText())).isNotNull();
        assertThat(e.get("statusReasons").isArray()).isTrue();
        assertThat(e.get("description").asText()).isEqualTo("first");

        JsonNode got = http.get("/policy-engines/" + id).body();
        assertThat(got.get("status").asText()).isEqualTo("ACTIVE");

        Http.Response patched = http.send("PATCH", "/policy-engines/" + id, "{\"description\":{\"optionalValue\":\"second\"}}");
        assertThat(patched.status()).isEqualTo(202);
        assertThat(patched.body().get("status").asText()).isEqualTo("UPDATING");
        assertThat(http.get("/policy-engines/" + id).body().get("description").asText()).isEqualTo("second");
        assertThat(http.send("PUT", "/policy-engines/" + id, "{\"description\":\"third\"}").status()).isEqualTo(202);
        assertThat(http.get("/policy-engines/" + id).body().get("description").asText()).isEqualTo("third");
        http.send("PATCH", "/policy-engines/" + id, "{\"description\":{}}");
        assertThat(http.get("/policy-engines/" + id).body().has("description")).isFalse();

        Http.Response deleted = http.send("DELETE", "/policy-engines/" + id, null);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body().get("status").asText()).isEqualTo("DELETING");
        Http.Response gone = http.get("/policy-engines/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorType()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void listsPageWithOpaqueTokens() {
        for (int i = 0; i < 5; i++) {
            http.post("/policy-engines", Map.of("name", "E" + i));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = http.get("/policy-engines?maxResults=2" + (token == null ? "" : "&nextToken=" + token)).body();
            page.get("policyEngines").forEach(e -> names.add(e.get("name").asText()));
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
            pages++;
        } while (token != null);
        assertThat(names).containsExactly("E0", "E1", "E2", "E3", "E4");
        assertThat(pages).isEqualTo(3);
        assertThat(http.get("/policy-engines").body().get("policyEngines")).hasSize(5);
    }

    @Test
    void policyCrud() {
        String engine = http.post("/policy-engines", Map.of("name", "Eng")).body().get("policyEngineId").asText();
        String base = "/policy-engines/" + engine + "/policies";
        Http.Response created = http.post(base, Map.of("name", "Refunds", "description", "d",
                "definition", Map.of("cedar", Map.of("statement", STATEMENT)), "enforcementMode", "LOG_ONLY"));
        assertThat(created.status()).isEqualTo(202);
        JsonNode p = created.body();
        assertThat(p.get("status").asText()).isEqualTo("CREATING");
        String id = p.get("policyId").asText();
        assertThat(p.get("policyArn").asText()).endsWith("policy-engine/" + engine + "/policy/" + id);
        assertThat(p.get("policyEngineId").asText()).isEqualTo(engine);
        assertThat(p.at("/definition/cedar/statement").asText()).isEqualTo(STATEMENT);
        assertThat(p.get("enforcementMode").asText()).isEqualTo("LOG_ONLY");

        JsonNode got = http.get(base + "/" + id).body();
        assertThat(got.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(got.get("statusReasons")).isEmpty();

        http.post(base, Map.of("name", "Other", "definition", Map.of("policy", Map.of("statement",
                "forbid(principal, action, resource) when { context has x };"))));
        JsonNode scoped = http.get(base + "?targetResourceScope=arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/zzz-abcdefghij").body();
        assertThat(scoped.get("policies")).extracting(n -> n.get("name").asText()).containsExactly("Other");
        JsonNode all = http.get(base + "?maxResults=1").body();
        assertThat(all.get("policies")).hasSize(1);
        assertThat(all.has("nextToken")).isTrue();

        Http.Response updated = http.send("PATCH", base + "/" + id, "{\"description\":{\"optionalValue\":\"new\"},\"enforcementMode\":\"ACTIVE\"}");
        assertThat(updated.status()).isEqualTo(202);
        assertThat(updated.body().get("status").asText()).isEqualTo("UPDATING");
        JsonNode after = http.get(base + "/" + id).body();
        assertThat(after.get("description").asText()).isEqualTo("new");
        assertThat(after.get("enforcementMode").asText()).isEqualTo("ACTIVE");

        // a syntax error is accepted and settles as UPDATE_FAILED with Cedar's message; the old statement stays
        http.send("PUT", base + "/" + id, "{\"definition\":{\"cedar\":{\"statement\":\"permit(principal, action, resource) when { ( };\"}}}");
        JsonNode failed = http.get(base + "/" + id).body();
        assertThat(failed.get("status").asText()).isEqualTo("UPDATE_FAILED");
        assertThat(failed.get("statusReasons").get(0).asText()).contains("syntax");
        assertThat(failed.at("/definition/cedar/statement").asText()).isEqualTo(STATEMENT);

        Http.Response deleted = http.send("DELETE", base + "/" + id, null);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.body().get("status").asText()).isEqualTo("DELETING");
        assertThat(http.get(base + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void clientTokenReplaysTheFirstResponse() {
        String token = "3f2a6c1e-8d4b-4c7a-9e21-5b0f7d3a9c18";
        Http.Response a = http.post("/policy-engines", Map.of("name", "Idem", "clientToken", token));
        Http.Response b = http.post("/policy-engines", Map.of("name", "Idem", "clientToken", token));
        assertThat(b.status()).isEqualTo(202);
        assertThat(b.body()).isEqualTo(a.body());
        assertThat(http.get("/policy-engines").body().get("policyEngines")).hasSize(1);
    }
}
