package com.cedarauthoring.api.review;

import static com.cedarauthoring.api.review.ReviewFixture.approve;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.TestCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reviews survive a restart, and with two approvals required the second reviewer's approval creates the policy. */
class ReviewRestartTest {

    @Test
    void twoApprovalsAcrossARestart(@TempDir Path dataDir) {
        var config = TestCredentials.signed(dataDir).withRequiredApprovals(2);
        ReviewFixture fx;
        ReviewFixture.Generated g;
        try (Application app = Application.start(config)) {
            fx = ReviewFixture.create(app.port(), "restart");
            g = fx.generate(TestCredentials.AUTHOR, ReviewFlowTest.TEXT);
            Http rita = Http.signed(app.port(), TestCredentials.REVIEWER);
            Http.Response first = rita.post(fx.reviewPath(g, 0), approve("TwoEyesEach"));
            assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
            assertThat(first.body().has("policy")).isFalse();
            JsonNode state = fx.reviewState(g, 0);
            assertThat(state.get("status").asText()).isEqualTo("PENDING_REVIEW");
            assertThat(state.get("reviews").asInt()).isEqualTo(1);
            // the same reviewer cannot give the second approval
            Http.Response again = rita.post(fx.reviewPath(g, 0), approve("TwoEyesEach"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorType()).isEqualTo("ConflictException");
        }
        try (Application app = Application.start(config)) {
            ReviewFixture after = new ReviewFixtureView(app.port(), fx).fixture();
            Http rob = Http.signed(app.port(), TestCredentials.REVIEWER2);
            // a different statement than the first approval's is not the same approval
            Http.Response other = rob.post(after.reviewPath(g, 0), approve("TwoEyesEach")
                    .put("statement", g.statement(0).replace("context.input.amount < 500", "context.input.amount <= 499")));
            assertThat(other.status()).isEqualTo(409);
            Http.Response second = rob.post(after.reviewPath(g, 0), approve("TwoEyesEach"));
            assertThat(second.status()).as(second.body().toString()).isEqualTo(200);
            assertThat(second.body().at("/policy/status").asText()).isEqualTo("ACTIVE");
            JsonNode state = after.reviewState(g, 0);
            assertThat(state.get("status").asText()).isEqualTo("APPROVED");
            assertThat(state.get("reviews").asInt()).isEqualTo(2);
            JsonNode history = rob.get(after.reviewsPath(g, 0)).body().get("reviews");
            assertThat(history).extracting(h -> h.get("reviewer").asText()).containsExactly("rita", "rob");
            assertThat(rob.get("/audit-events/verify").body().get("intact").asBoolean()).isTrue();
        }
    }

    /** The same gateway and engine, reached on the restarted service's port. */
    private record ReviewFixtureView(int port, ReviewFixture before) {
        ReviewFixture fixture() {
            return before.onPort(port);
        }
    }
}
