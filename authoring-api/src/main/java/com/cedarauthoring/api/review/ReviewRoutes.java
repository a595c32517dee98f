package com.cedarauthoring.api.review;

import com.cedarauthoring.api.auth.Access;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.http.PageJson;
import com.cedarauthoring.api.http.RequestBody;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.policy.EnforcementMode;
import com.cedarauthoring.review.Review;
import com.cedarauthoring.review.ReviewDecision;
import com.cedarauthoring.review.ReviewOutcome;
import com.cedarauthoring.review.ReviewRequest;
import com.cedarauthoring.review.ReviewService;
import com.cedarauthoring.review.ReviewState;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.ClientToken;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/** Review an asset (approve creates the policy; reject; request changes) and read its review history. */
public final class ReviewRoutes implements RouteModule {
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[a-z0-9_]{10}");
    private static final String ASSET = "/policy-engines/{policyEngineId}/policy-generations/{policyGenerationId}"
            + "/assets/{policyGenerationAssetId}";

    private final ReviewService reviews;

    public ReviewRoutes(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(ASSET + "/review", this::review, Access.REVIEWER);
        routes.get(ASSET + "/reviews", ctx -> ctx.json(PageJson.of(reviews.history(id(ctx, "policyEngineId"),
                id(ctx, "policyGenerationId"), id(ctx, "policyGenerationAssetId"),
                PageRequest.of(ctx.queryParam("maxResults"), ctx.queryParam("nextToken"))), "reviews", ReviewRoutes::review)),
                Access.READ);
    }

    private void review(Context ctx) {
        String engineId = id(ctx, "policyEngineId");
        String generationId = id(ctx, "policyGenerationId");
        String assetId = id(ctx, "policyGenerationAssetId");
        RequestBody body = RequestBody.of(ctx);
        ReviewDecision decision = body.optionalEnum("decision", ReviewDecision.class)
                .orElseThrow(() -> ValidationException.field("decision", "Member must not be null"));
        ReviewRequest request = new ReviewRequest(decision, body.optionalString("comment"),
                body.optionalString("policyName"), body.optionalString("description", 1, 4096),
                body.optionalString("statement"),
                body.optionalEnumList("acknowledgedFindings", FindingType.class, 20),
                body.optionalEnum("enforcementMode", EnforcementMode.class).orElse(EnforcementMode.ACTIVE),
                body.optionalBoolean("confirmDifference"), body.optionalBoolean("dryRun"));
        ReviewOutcome outcome = reviews.review(engineId, generationId, assetId, request, ClientToken.of(body.optionalString(ClientToken.FIELD)),
                Security.principal(ctx));
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("review", review(outcome.review()));
        outcome.policy().ifPresent(p -> out.putObject("policy").put("policyId", p.policyId())
                .put("policyArn", p.policyArn()).put("status", p.status().name())
                .put("enforcementMode", p.enforcementMode().name()));
        if (outcome.dryRun()) {
            out.put("dryRun", true);
        }
        ctx.json(out);
    }

    static ObjectNode review(Review r) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("reviewId", r.reviewId());
        n.put("decision", r.decision().name());
        n.put("reviewer", r.reviewer());
        r.comment().ifPresent(c -> n.put("comment", c));
        n.put("createdAt", r.createdAt().toString());
        r.statementSha256().ifPresent(s -> n.put("statementSha256", s));
        r.statement().ifPresent(s -> n.put("statement", s));
        n.put("edited", r.edited());
        if (r.selfApproval()) {
            // local mode: one principal, so four-eyes did not (could not) hold for this approval
            n.put("selfApproval", true);
        }
        r.difference().ifPresent(d -> n.putObject("difference").put("generatedDecision", d.generatedAllows() ? "ALLOW" : "DENY")
                .put("editedDecision", d.editedAllows() ? "ALLOW" : "DENY").set("request", d.request()));
        var acks = n.putArray("acknowledgedFindings");
        r.acknowledgedFindings().forEach(f -> acks.add(f.name()));
        r.policyId().ifPresent(p -> n.put("policyId", p));
        return n;
    }

    /** An asset's {@code review} member. */
    public static ObjectNode state(ReviewState s) {
        ObjectNode n = Json.mapper().createObjectNode().put("status", s.status().name()).put("reviews", s.reviews());
        s.policyId().ifPresent(p -> n.put("policyId", p));
        return n;
    }

    private static String id(Context ctx, String param) {
        String value = ctx.pathParam(param);
        if (value.length() < 12 || value.length() > 59 || !RESOURCE_ID.matcher(value).matches()) {
            throw ValidationException.field(param, "Member must satisfy regular expression pattern: "
                    + RESOURCE_ID.pattern() + " and have length between 12 and 59, inclusive");
        }
        return value;
    }
}
