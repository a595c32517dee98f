package com.cedarauthoring.api.review;

import static com.cedarauthoring.api.review.ReviewFixture.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.api.TestCredentials;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode has one principal, {@code local}, so four-eyes cannot hold there. Approvals are allowed (local mode
 * is one person trying the service, on loopback only) but never pass for reviewed ones: each is recorded as a
 * self-approval in the answer, the history and the audit trail. And no signed principal can be named like the
 * local user or the service.
 */
class LocalModeReviewTest {

    @Test
    void approvalsInLocalModeAreRecordedAsSelfApprovals(@TempDir Path dataDir) {
        try (Application app = Application.start(ServiceConfig.local(dataDir))) {
            // local mode accepts any signature; every caller is "local"
            ReviewFixture fx = ReviewFixture.create(app.port(), "local");
            ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, ReviewFlowTest.TEXT);
            Http local = new Http(app.port());

            Http.Response r = local.post(fx.reviewPath(g, 0), approve("LocalApproval"));
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            JsonNode review = r.body().get("review");
            assertThat(review.get("reviewer").asText()).isEqualTo("local");
            assertThat(review.get("selfApproval").asBoolean()).isTrue();
            assertThat(r.body().at("/policy/status").asText()).isEqualTo("ACTIVE");
            assertThat(local.get(fx.reviewsPath(g, 0)).body().at("/reviews/0/selfApproval").asBoolean()).isTrue();
            JsonNode event = local.get("/audit-events?resourceArn=" + URLEncoder.encode(g.assetArn(0), StandardCharsets.UTF_8))
                    .body().at("/auditEvents/0");
            assertThat(event.get("principal").asText()).isEqualTo("local");
            assertThat(event.at("/details/selfApproval").asBoolean()).isTrue();

            // CreatePolicy from an asset (what an SDK sends) is an approval too, and is marked the same way
            ObjectNode create = Json.mapper().createObjectNode().put("name", "LocalFromSdk");
            create.putObject("definition").putObject("policyGeneration").put("policyGenerationId", g.id())
                    .put("policyGenerationAssetId", g.assetId(1));
            create.put("validationMode", "IGNORE_ALL_FINDINGS");
            Http.Response created = local.post("/policy-engines/" + fx.engineId + "/policies", create);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
            assertThat(local.get(fx.reviewsPath(g, 1)).body().at("/reviews/0/selfApproval").asBoolean()).isTrue();
            // rejections are not approvals: nothing to mark
            Http.Response rejected = local.post(fx.reviewPath(g, 2), Json.mapper().createObjectNode()
                    .put("decision", "REJECT").put("comment", "not this one"));
            assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
            assertThat(rejected.body().at("/review").has("selfApproval")).isFalse();
        }
    }

    @Test
    void noSignedPrincipalMayBeNamedLikeTheLocalUserOrTheService(@TempDir Path dir) throws Exception {
        for (String reserved : new String[] {"local", "system"}) {
            Path file = Files.writeString(dir.resolve(reserved + ".json"), "{\"keys\": [{\"accessKeyId\": \"AKIDX\", "
                    + "\"secretAccessKey\": \"secret-123456\", \"principal\": \"" + reserved + "\", \"roles\": [\"reviewer\"]}]}");
            assertThatThrownBy(() -> Application.start(ServiceConfig.local(dir.resolve("data-" + reserved)).withCredentials(file)))
                    .hasMessageContaining("principal \"" + reserved + "\" is reserved");
        }
    }
}
