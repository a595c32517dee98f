package com.cedarauthoring.api.review;

import static com.cedarauthoring.api.review.ReviewFixture.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.LocalSdk;
import com.cedarauthoring.api.TestCredentials;
import com.cedarauthoring.audit.AuditEntry;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.PolicyStatus;

/**
 * Issue 10's review flows end to end over signed HTTP (and the SDK's CreatePolicy): an author (alice) starts
 * generations, reviewers (rita, rob) decide, and every decision shows in the asset, its history, the policy and
 * the audit trail.
 */
class ReviewFlowTest {
    static final String TEXT = "Allow user refund-agent to process refunds when the amount is less than $500. "
            + "Allow refunds when a reason is provided. Make everything nice.";

    @TempDir
    static Path dataDir;
    static Application app;
    static ReviewFixture fx;
    static Http rita;
    static Http rob;

    @BeforeAll
    static void start() {
        app = Application.start(TestCredentials.signed(dataDir));
        fx = ReviewFixture.create(app.port(), "flow");
        rita = Http.signed(app.port(), TestCredentials.REVIEWER);
        rob = Http.signed(app.port(), TestCredentials.REVIEWER2);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void approveCreatesThePolicyOnceAndEverythingIsRecorded() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        assertThat(fx.reviewState(g, 0).get("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(fx.reviewState(g, 0).get("reviews").asInt()).isZero();

        ObjectNode body = approve("RefundAgentUnder500").put("comment", "matches the requirement")
                .put("enforcementMode", "LOG_ONLY");
        Http.Response r = rita.post(fx.reviewPath(g, 0), body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode review = r.body().get("review");
        assertThat(review.get("decision").asText()).isEqualTo("APPROVE");
        assertThat(review.get("reviewer").asText()).isEqualTo("rita");
        assertThat(review.get("edited").asBoolean()).isFalse();
        assertThat(review.has("difference")).isFalse();
        assertThat(review.has("selfApproval")).as("four-eyes held: not a self-approval").isFalse();
        assertThat(review.get("statementSha256").asText()).isEqualTo(AuditEntry.sha256(g.statement(0)));
        String policyId = r.body().at("/policy/policyId").asText();
        assertThat(r.body().at("/policy/status").asText()).isEqualTo("ACTIVE");

        JsonNode policy = rita.get("/policy-engines/" + fx.engineId + "/policies/" + policyId).body();
        assertThat(policy.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(policy.get("enforcementMode").asText()).isEqualTo("LOG_ONLY");
        assertThat(policy.at("/definition/cedar/statement").asText()).isEqualTo(g.statement(0));

        JsonNode state = fx.reviewState(g, 0);
        assertThat(state.get("status").asText()).isEqualTo("APPROVED");
        assertThat(state.get("reviews").asInt()).isEqualTo(1);
        assertThat(state.get("policyId").asText()).isEqualTo(policyId);

        // approving twice, by anyone, is a conflict and creates nothing
        Http.Response again = rob.post(fx.reviewPath(g, 0), approve("RefundAgentAgain"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorType()).isEqualTo("ConflictException");
        assertThat(rita.get(fx.reviewsPath(g, 0)).body().get("reviews")).hasSize(1);

        // audit: who started it, the service finishing it for her, who approved it, the policy it created
        List<JsonNode> generationEvents = events("resourceArn", g.arn());
        assertThat(generationEvents).extracting(e -> e.get("principal").asText() + " " + e.get("action").asText())
                .containsExactly("alice StartPolicyGeneration", "system CompletePolicyGeneration");
        assertThat(generationEvents.get(1).at("/details/requestedBy").asText()).isEqualTo("alice");
        assertThat(generationEvents.get(1).at("/details/status").asText()).isEqualTo("GENERATED");
        List<JsonNode> assetEvents = events("resourceArn", g.assetArn(0));
        assertThat(assetEvents).hasSize(1);
        assertThat(assetEvents.get(0).get("principal").asText()).isEqualTo("rita");
        assertThat(assetEvents.get(0).at("/details/decision").asText()).isEqualTo("APPROVE");
        assertThat(assetEvents.get(0).get("statementSha256").asText()).isEqualTo(AuditEntry.sha256(g.statement(0)));
        List<JsonNode> policyEvents = events("resourceArn", policy.get("policyArn").asText());
        assertThat(policyEvents).extracting(e -> e.get("action").asText()).containsExactly("CreatePolicy");
        assertThat(policyEvents.get(0).at("/details/fromAsset").asText()).isEqualTo(g.assetArn(0));
        assertThat(rita.get("/audit-events/verify").body().get("intact").asBoolean()).isTrue();
    }

    @Test
    void nobodyApprovesAGenerationTheyStartedWhateverTheirRoles() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR_REVIEWER, TEXT);
        Http carol = Http.signed(app.port(), TestCredentials.AUTHOR_REVIEWER);
        Http.Response own = carol.post(fx.reviewPath(g, 0), approve("OwnApproval"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.errorType()).isEqualTo("AccessDeniedException");
        assertThat(own.body().get("message").asText()).contains("four-eyes");

        // CreatePolicy from the asset is an approval: the same rule on AgentCore's wire. (The pinned SDK 2.40.3
        // models only definition.cedar, so this is the request newer SDKs send, signed by the SDK's signer.)
        Http.Response sdkOwn = carol.post(policies(), createFromAsset("SdkOwnApproval", g, 0));
        assertThat(sdkOwn.status()).isEqualTo(403);
        assertThat(sdkOwn.errorType()).isEqualTo("AccessDeniedException");
        // an admin without the reviewer role cannot approve through CreatePolicy either
        Http.Response byAdmin = Http.signed(app.port(), TestCredentials.ADMIN).post(policies(), createFromAsset("AdminApproval", g, 0));
        assertThat(byAdmin.errorType()).isEqualTo("AccessDeniedException");
        assertThat(fx.reviewState(g, 0).get("reviews").asInt()).isZero();

        // another reviewer: the policy is created (202, CREATING, then ACTIVE) and the approval recorded
        Http.Response created = rita.post(policies(), createFromAsset("SdkApproval", g, 0));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
        assertThat(created.body().get("status").asText()).isEqualTo("CREATING");
        String policyId = created.body().get("policyId").asText();
        try (var sdk = LocalSdk.client(app.port(), TestCredentials.REVIEWER)) {
            assertThat(sdk.getPolicy(b -> b.policyEngineId(fx.engineId).policyId(policyId)).status()).isEqualTo(PolicyStatus.ACTIVE);
        }
        JsonNode state = fx.reviewState(g, 0);
        assertThat(state.get("status").asText()).isEqualTo("APPROVED");
        assertThat(state.get("policyId").asText()).isEqualTo(policyId);
        // and a second CreatePolicy from the same asset is a second approval: a conflict
        assertThat(rob.post(policies(), createFromAsset("SdkApprovalAgain", g, 0)).errorType()).isEqualTo("ConflictException");
        JsonNode history = rita.get(fx.reviewsPath(g, 0)).body().get("reviews");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("reviewer").asText()).isEqualTo("rita");
        assertThat(history.get(0).has("comment")).isFalse();
    }

    @Test
    void anEditWithTheSameMeaningIsRecordedAsEditedWithoutADifference() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        String edited = g.statement(0).replace("context.input.amount < 500", "context.input.amount <= 499");
        assertThat(edited).isNotEqualTo(g.statement(0));
        Http.Response r = rita.post(fx.reviewPath(g, 0), approve("SameMeaning").put("statement", edited));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().at("/review/edited").asBoolean()).isTrue();
        assertThat(r.body().at("/review").has("difference")).isFalse();
        assertThat(r.body().at("/review/statementSha256").asText()).isEqualTo(AuditEntry.sha256(edited));
        JsonNode policy = rita.get("/policy-engines/" + fx.engineId + "/policies/" + r.body().at("/policy/policyId").asText()).body();
        assertThat(policy.at("/definition/cedar/statement").asText()).isEqualTo(edited);
    }

    @Test
    void anEditThatChangesTheMeaningIsShownFirstThenStoredWithTheDifferingRequest() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        String edited = g.statement(0).replace("context.input.amount < 500", "context.input.amount < 1000");

        // a dry run shows the difference and stores nothing
        Http.Response preview = rita.post(fx.reviewPath(g, 0), approve("WiderLimit").put("statement", edited).put("dryRun", true));
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.body().get("dryRun").asBoolean()).isTrue();
        JsonNode difference = preview.body().at("/review/difference");
        assertThat(difference.get("generatedDecision").asText()).isEqualTo("DENY");
        assertThat(difference.get("editedDecision").asText()).isEqualTo("ALLOW");
        int amount = difference.at("/request/input/amount").asInt();
        assertThat(amount).isBetween(500, 999);
        assertThat(rita.get(fx.reviewsPath(g, 0)).body().get("reviews")).isEmpty();

        // without confirming, the approval is refused and names the request
        Http.Response unconfirmed = rita.post(fx.reviewPath(g, 0), approve("WiderLimit").put("statement", edited));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body().get("message").asText()).contains("changes the meaning").contains("confirmDifference");

        Http.Response confirmed = rita.post(fx.reviewPath(g, 0), approve("WiderLimit").put("statement", edited)
                .put("confirmDifference", true));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        JsonNode stored = rita.get(fx.reviewsPath(g, 0)).body().get("reviews").get(0);
        assertThat(stored.get("edited").asBoolean()).isTrue();
        assertThat(stored.at("/difference/request/input/amount").asInt()).isEqualTo(amount);
        assertThat(events("resourceArn", g.assetArn(0)).get(0).at("/details/difference/request/input/amount").asInt())
                .isEqualTo(amount);
    }

    @Test
    void editsAreValidatedLikeAnyPolicyAndStayInTheGateway() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        Http.Response unknownAttribute = rita.post(fx.reviewPath(g, 0), approve("Broken")
                .put("statement", g.statement(0).replace("context.input.amount", "context.input.amout")));
        assertThat(unknownAttribute.status()).isEqualTo(400);
        assertThat(unknownAttribute.body().at("/fieldList/0/name").asText()).isEqualTo("statement");
        Http.Response otherGateway = rita.post(fx.reviewPath(g, 0), approve("Elsewhere")
                .put("statement", g.statement(0).replace(fx.gatewayArn, fx.gatewayArn.replace("refund-flow", "other-gw"))));
        assertThat(otherGateway.status()).isEqualTo(400);
        Http.Response two = rita.post(fx.reviewPath(g, 0), approve("Two").put("statement", g.statement(0) + "\n" + g.statement(0)));
        assertThat(two.status()).isEqualTo(400);
        Http.Response syntax = rita.post(fx.reviewPath(g, 0), approve("Syntax").put("statement", "permit (principal, action, resource) when {"));
        assertThat(syntax.status()).isEqualTo(400);
        assertThat(rita.get(fx.reviewsPath(g, 0)).body().get("reviews")).isEmpty();
    }

    @Test
    void rejectAndRequestChangesNeedACommentAndRejectIsFinal() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        ObjectNode reject = Json.mapper().createObjectNode().put("decision", "REJECT");
        assertThat(rita.post(fx.reviewPath(g, 0), reject).status()).isEqualTo(400);
        Http.Response rejected = rita.post(fx.reviewPath(g, 0), reject.put("comment", "refund-agent is being retired"));
        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        assertThat(rejected.body().has("policy")).isFalse();
        assertThat(fx.reviewState(g, 0).get("status").asText()).isEqualTo("REJECTED");
        Http.Response afterReject = rob.post(fx.reviewPath(g, 0), approve("AfterReject"));
        assertThat(afterReject.status()).isEqualTo(409);

        ObjectNode changes = Json.mapper().createObjectNode().put("decision", "REQUEST_CHANGES")
                .put("comment", "name the users this is for");
        assertThat(rita.post(fx.reviewPath(g, 1), changes).status()).isEqualTo(200);
        assertThat(fx.reviewState(g, 1).get("status").asText()).isEqualTo("CHANGES_REQUESTED");
        // changes requested is not final: a reviewer can still approve (here with the finding acknowledged)
        Http.Response approved = rob.post(fx.reviewPath(g, 1), approve("ReasonGiven", "AMBIGUOUS"));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        JsonNode history = rita.get(fx.reviewsPath(g, 1)).body().get("reviews");
        assertThat(history).extracting(h -> h.get("decision").asText() + " " + h.get("reviewer").asText())
                .containsExactly("REQUEST_CHANGES rita", "APPROVE rob");
        assertThat(events("principal", "rob")).extracting(e -> e.at("/details/decision").asText("")).contains("APPROVE");
    }

    @Test
    void everyFindingTypeMustBeAcknowledgedAndUnusableAssetsNeedAnEdit() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        Http.Response unacknowledged = rita.post(fx.reviewPath(g, 1), approve("Ambiguous"));
        assertThat(unacknowledged.status()).isEqualTo(400);
        assertThat(unacknowledged.body().at("/fieldList/0/name").asText()).isEqualTo("acknowledgedFindings");
        assertThat(unacknowledged.body().get("message").asText()).contains("AMBIGUOUS");

        Http.Response notTranslatable = rita.post(fx.reviewPath(g, 2), approve("Nice", "NOT_TRANSLATABLE"));
        assertThat(notTranslatable.status()).isEqualTo(400);
        assertThat(notTranslatable.body().get("message").asText()).contains("edited statement");

        String written = "permit (principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\", "
                + "resource == AgentCore::Gateway::\"" + fx.gatewayArn + "\") when { context.input.amount < 10 };";
        Http.Response withEdit = rita.post(fx.reviewPath(g, 2), approve("SmallRefunds", "NOT_TRANSLATABLE")
                .put("statement", written).put("confirmDifference", true));
        assertThat(withEdit.status()).as(withEdit.body().toString()).isEqualTo(200);
        assertThat(withEdit.body().at("/review/edited").asBoolean()).isTrue();
        assertThat(withEdit.body().at("/review/acknowledgedFindings/0").asText()).isEqualTo("NOT_TRANSLATABLE");
    }

    @Test
    void aClientTokenReplaysTheFirstAnswer() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        String token = "review-token-0123456789-0123456789-abc";
        ObjectNode body = approve("Replayed", "AMBIGUOUS").put("clientToken", token);
        Http.Response first = rita.post(fx.reviewPath(g, 1), body);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        Http.Response replay = rita.post(fx.reviewPath(g, 1), body);
        assertThat(replay.status()).as(replay.body().toString()).isEqualTo(200);
        assertThat(replay.body().at("/review/reviewId").asText()).isEqualTo(first.body().at("/review/reviewId").asText());
        assertThat(replay.body().at("/policy/policyId").asText()).isEqualTo(first.body().at("/policy/policyId").asText());
        Http.Response mismatch = rita.post(fx.reviewPath(g, 1), approve("Different", "AMBIGUOUS").put("clientToken", token));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body().get("reason").asText()).isEqualTo("IdempotentParameterMismatchException");
        assertThat(rita.get(fx.reviewsPath(g, 1)).body().get("reviews")).hasSize(1);

        // CreatePolicy from an asset replays too
        ObjectNode create = createFromAsset("ReplayedFromSdk", g, 0).put("clientToken", token);
        Http.Response created = rob.post(policies(), create);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
        assertThat(rob.post(policies(), create).body().get("policyId").asText()).isEqualTo(created.body().get("policyId").asText());
    }

    @Test
    void anAuthorCannotReviewAndAuditEventsPage() {
        ReviewFixture.Generated g = fx.generate(TestCredentials.AUTHOR, TEXT);
        Http alice = Http.signed(app.port(), TestCredentials.AUTHOR);
        Http.Response r = alice.post(fx.reviewPath(g, 0), approve("ByTheAuthor"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorType()).isEqualTo("AccessDeniedException");

        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String q = "/audit-events?maxResults=2" + (token == null ? "" : "&nextToken=" + token);
            JsonNode page = alice.get(q).body();
            page.get("auditEvents").forEach(e -> ids.add(e.get("eventId").asText()));
            token = page.path("nextToken").asText(null);
        } while (token != null && ids.size() < 1000);
        JsonNode all = alice.get("/audit-events?maxResults=100").body().get("auditEvents");
        List<String> expected = new ArrayList<>();
        all.forEach(e -> expected.add(e.get("eventId").asText()));
        assertThat(ids).startsWith(expected.subList(0, Math.min(expected.size(), 100)).toArray(String[]::new));
        // a chain: each event links to the one before
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("previousHash").asText()).isEqualTo(all.get(i - 1).get("hash").asText());
        }
        assertThat(alice.get("/audit-events?maxResults=0").status()).isEqualTo(400);
    }

    private static String policies() {
        return "/policy-engines/" + fx.engineId + "/policies";
    }

    static ObjectNode createFromAsset(String name, ReviewFixture.Generated g, int asset) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name);
        body.putObject("definition").putObject("policyGeneration").put("policyGenerationId", g.id())
                .put("policyGenerationAssetId", g.assetId(asset));
        return body;
    }

    private static List<JsonNode> events(String filter, String value) {
        JsonNode page = rita.get("/audit-events?maxResults=100&" + filter + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")).body();
        List<JsonNode> out = new ArrayList<>();
        page.get("auditEvents").forEach(out::add);
        return out;
    }
}
