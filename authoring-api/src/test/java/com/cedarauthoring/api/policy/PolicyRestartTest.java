package com.cedarauthoring.api.policy;

import com.cedarauthoring.api.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engines, policies (ACTIVE and failed) and idempotency records survive a restart on the same data directory. */
class PolicyRestartTest {
    static final String TOKEN = "0f9e8d7c-6b5a-4f3e-2d1c-0b9a8f7e6d5c";

    @TempDir
    Path dir;

    @Test
    void everythingReadsBackAfterRestart() {
        List<String> paths = new ArrayList<>();
        List<JsonNode> before = new ArrayList<>();
        JsonNode firstCreate;
        try (Application app = Application.start(ServiceConfig.local(dir))) {
            Http http = new Http(app.port());
            firstCreate = http.post("/policy-engines", Map.of("name", "Kept", "description", "keep me", "clientToken", TOKEN)).body();
            String e1 = firstCreate.get("policyEngineId").asText();
            String e2 = http.post("/policy-engines", Map.of("name", "AlsoKept")).body().get("policyEngineId").asText();
            String base = "/policy-engines/" + e1 + "/policies";
            String p1 = http.post(base, Map.of("name", "Good", "enforcementMode", "LOG_ONLY", "definition", Map.of("cedar",
                    Map.of("statement", "permit(principal, action, resource) when { context has amount };"))))
                    .body().get("policyId").asText();
            String p2 = http.post(base, Map.of("name", "Broken", "definition", Map.of("policy",
                    Map.of("statement", "permit(principal, action, resource) when { ( };")))).body().get("policyId").asText();
            paths.addAll(List.of("/policy-engines", "/policy-engines/" + e1, "/policy-engines/" + e2, base,
                    base + "/" + p1, base + "/" + p2));
            for (String p : paths) {
                before.add(http.get(p).body());
            }
            assertThat(before.get(5).get("status").asText()).isEqualTo("CREATE_FAILED");
        }
        try (Application app = Application.start(ServiceConfig.local(dir))) {
            Http http = new Http(app.port());
            for (int i = 0; i < paths.size(); i++) {
                assertThat(http.get(paths.get(i)).body()).as(paths.get(i)).isEqualTo(before.get(i));
            }
            // the clientToken record survived too: a retry gets the first answer, not a new engine
            JsonNode retry = http.post("/policy-engines", Map.of("name", "Kept", "description", "keep me", "clientToken", TOKEN)).body();
            assertThat(retry).isEqualTo(firstCreate);
            assertThat(http.get("/policy-engines").body().get("policyEngines")).hasSize(2);
        }
    }
}
