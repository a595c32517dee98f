package com.cedarauthoring.review;

import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Review history in table {@code asset_reviews} (H2 and PostgreSQL). */
public final class JdbcReviewStore implements ReviewStore {
    private static final String COLUMNS = "policy_generation_id, policy_generation_asset_id, sequence_no, review_id, "
            + "policy_engine_id, decision, reviewer, comment, statement, statement_sha256, edited, difference, "
            + "acknowledged_findings, policy_id, created_at, self_approval";

    private final Jdbc jdbc;

    public JdbcReviewStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Review r) {
        jdbc.update("INSERT INTO asset_reviews (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.policyGenerationId(), r.policyGenerationAssetId(), r.sequence(), r.reviewId(), r.policyEngineId(),
                r.decision().name(), r.reviewer(), r.comment().orElse(null), r.statement().orElse(null),
                r.statementSha256().orElse(null), r.edited(), r.difference().map(JdbcReviewStore::json).orElse(null),
                json(r.acknowledgedFindings().stream().map(Enum::name).toList()), r.policyId().orElse(null),
                r.createdAt(), r.selfApproval());
    }

    @Override
    public List<Review> history(String policyGenerationId, String policyGenerationAssetId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM asset_reviews WHERE policy_generation_id = ? "
                        + "AND policy_generation_asset_id = ? ORDER BY sequence_no", JdbcReviewStore::review,
                policyGenerationId, policyGenerationAssetId);
    }

    @Override
    public Page<Review> page(String policyGenerationId, String policyGenerationAssetId, PageRequest page) {
        return Page.fromOverfetch(jdbc.query("SELECT " + COLUMNS + " FROM asset_reviews WHERE policy_generation_id = ? "
                        + "AND policy_generation_asset_id = ? ORDER BY sequence_no LIMIT ? OFFSET ?", JdbcReviewStore::review,
                policyGenerationId, policyGenerationAssetId, page.maxResults() + 1, page.offset()), page);
    }

    @Override
    public Map<String, ReviewState> states(String policyGenerationId) {
        Map<String, List<Review>> byAsset = new LinkedHashMap<>();
        for (Review r : jdbc.query("SELECT " + COLUMNS + " FROM asset_reviews WHERE policy_generation_id = ? "
                + "ORDER BY policy_generation_asset_id, sequence_no", JdbcReviewStore::review, policyGenerationId)) {
            byAsset.computeIfAbsent(r.policyGenerationAssetId(), k -> new ArrayList<>()).add(r);
        }
        Map<String, ReviewState> out = new LinkedHashMap<>();
        byAsset.forEach((asset, history) -> out.put(asset, ReviewState.of(history)));
        return out;
    }

    private static Review review(ResultSet rs) throws SQLException {
        String difference = rs.getString("difference");
        List<FindingType> acknowledged = new ArrayList<>();
        read(rs.getString("acknowledged_findings")).forEach(n -> acknowledged.add(FindingType.valueOf(n.asText())));
        return new Review(rs.getString("review_id"), rs.getString("policy_engine_id"), rs.getString("policy_generation_id"),
                rs.getString("policy_generation_asset_id"), rs.getInt("sequence_no"),
                ReviewDecision.valueOf(rs.getString("decision")), rs.getString("reviewer"),
                Optional.ofNullable(rs.getString("comment")), Optional.ofNullable(rs.getString("statement")),
                Optional.ofNullable(rs.getString("statement_sha256")), rs.getBoolean("edited"),
                rs.getBoolean("self_approval"), Optional.ofNullable(difference).map(JdbcReviewStore::read).map(d -> new StatementDifference(
                        d.path("request"), d.path("generatedAllows").asBoolean(), d.path("editedAllows").asBoolean())),
                acknowledged, Optional.ofNullable(rs.getString("policy_id")), Jdbc.instant(rs, "created_at"));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored review JSON is invalid", e);
        }
    }
}
