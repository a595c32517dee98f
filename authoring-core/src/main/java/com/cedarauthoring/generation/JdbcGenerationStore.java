package com.cedarauthoring.generation;

import com.cedarauthoring.explain.DecisionExample;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.policy.GeneratedAsset;
import com.cedarauthoring.policy.GeneratedAssets;
import com.cedarauthoring.store.Jdbc;
import com.cedarauthoring.store.Page;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Provenance;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link GenerationStore} over JDBC (H2 or PostgreSQL); also answers {@link GeneratedAssets} for CreatePolicy. */
public final class JdbcGenerationStore implements GenerationStore, GeneratedAssets {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {};
    private static final TypeReference<List<DecisionExample>> EXAMPLES = new TypeReference<>() {};
    private static final TypeReference<Alignment> ALIGNMENT = new TypeReference<>() {};
    private static final String GENERATION_COLUMNS = "policy_generation_id, policy_engine_id, name, arn, resource_arn, "
            + "raw_text, status, status_reasons, findings, created_at, updated_at, started_by";
    private static final String ASSET_COLUMNS = "policy_generation_asset_id, cedar, raw_text_fragment, span_start, span_end, "
            + "findings, explanation, examples, provenance, alignment";

    private final Jdbc jdbc;

    public JdbcGenerationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(PolicyGeneration g) {
        jdbc.update("INSERT INTO policy_generations (" + GENERATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                g.policyGenerationId(), g.policyEngineId(), g.name(), g.arn(), g.resourceArn(), g.rawText(),
                g.status().name(), json(g.statusReasons()), g.findings().orElse(null), g.createdAt(), g.updatedAt(),
                g.startedBy());
    }

    @Override
    public Optional<PolicyGeneration> find(String policyEngineId, String policyGenerationId) {
        // the engine's existence is checked in the same statement: the generation of a deleted engine is gone
        return jdbc.queryOne("SELECT " + GENERATION_COLUMNS + " FROM policy_generations "
                + "WHERE policy_engine_id = ? AND policy_generation_id = ? AND EXISTS "
                + "(SELECT 1 FROM policy_engines e WHERE e.policy_engine_id = policy_generations.policy_engine_id)",
                JdbcGenerationStore::generation, policyEngineId, policyGenerationId);
    }

    @Override
    public Optional<PolicyGeneration> findById(String policyGenerationId) {
        return jdbc.queryOne("SELECT " + GENERATION_COLUMNS + " FROM policy_generations WHERE policy_generation_id = ?",
                JdbcGenerationStore::generation, policyGenerationId);
    }

    @Override
    public Page<PolicyGeneration> list(String policyEngineId, PageRequest page) {
        List<PolicyGeneration> rows = jdbc.query("SELECT " + GENERATION_COLUMNS + " FROM policy_generations "
                        + "WHERE policy_engine_id = ? ORDER BY created_at, policy_generation_id LIMIT ? OFFSET ?",
                JdbcGenerationStore::generation, policyEngineId, page.maxResults() + 1, page.offset());
        return Page.fromOverfetch(rows, page);
    }

    @Override
    public Page<Asset> assets(String policyGenerationId, PageRequest page) {
        List<Asset> rows = jdbc.query("SELECT " + ASSET_COLUMNS + " FROM policy_generation_assets "
                        + "WHERE policy_generation_id = ? ORDER BY ordinal LIMIT ? OFFSET ?",
                JdbcGenerationStore::asset, policyGenerationId, page.maxResults() + 1, page.offset());
        return Page.fromOverfetch(rows, page);
    }

    @Override
    public Optional<Asset> asset(String policyGenerationId, String policyGenerationAssetId) {
        return jdbc.queryOne("SELECT " + ASSET_COLUMNS + " FROM policy_generation_assets "
                        + "WHERE policy_generation_id = ? AND policy_generation_asset_id = ?",
                JdbcGenerationStore::asset, policyGenerationId, policyGenerationAssetId);
    }

    @Override
    public boolean complete(String policyGenerationId, List<Asset> assets, Instant now) {
        return jdbc.inTransaction(() -> {
            // Row lock first: a concurrent deadline sweep or a rerun waits, then sees the final state.
            int updated = jdbc.update("UPDATE policy_generations SET status = 'GENERATED', status_reasons = '[]', "
                    + "findings = ?, updated_at = ? WHERE policy_generation_id = ? AND status = 'GENERATING'",
                    FindingsSummary.of(assets), now, policyGenerationId);
            if (updated == 0) {
                return false;
            }
            // A rerun after a crash replaces whatever an earlier attempt left.
            jdbc.update("DELETE FROM policy_generation_assets WHERE policy_generation_id = ?", policyGenerationId);
            int ordinal = 0;
            for (Asset a : assets) {
                jdbc.update("INSERT INTO policy_generation_assets (policy_generation_id, ordinal, " + ASSET_COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        policyGenerationId, ordinal++, a.policyGenerationAssetId(), a.cedar().orElse(null),
                        a.rawTextFragment(), a.span().map(Span::start).orElse(null), a.span().map(Span::end).orElse(null),
                        json(a.findings()), a.explanation().orElse(null), json(a.examples()), json(a.provenance()),
                        json(a.alignment()));
            }
            return true;
        });
    }

    @Override
    public boolean fail(String policyGenerationId, List<String> reasons, Instant now) {
        return jdbc.update("UPDATE policy_generations SET status = 'GENERATE_FAILED', status_reasons = ?, updated_at = ? "
                + "WHERE policy_generation_id = ? AND status = 'GENERATING'", json(reasons), now, policyGenerationId) > 0;
    }

    @Override
    public List<PolicyGeneration> deleteFinishedBefore(Instant cutoff, int limit) {
        return jdbc.inTransaction(() -> {
            List<PolicyGeneration> candidates = jdbc.query("SELECT " + GENERATION_COLUMNS + " FROM policy_generations WHERE created_at < ? "
                    + "AND status <> 'GENERATING' ORDER BY created_at LIMIT ?", JdbcGenerationStore::generation, cutoff, limit);
            List<PolicyGeneration> deleted = new ArrayList<>();
            for (PolicyGeneration g : candidates) {
                // assets go with their generation (ON DELETE CASCADE); 0 rows: another instance deleted it first
                if (jdbc.update("DELETE FROM policy_generations WHERE policy_generation_id = ?", g.policyGenerationId()) > 0) {
                    deleted.add(g);
                }
            }
            return deleted;
        });
    }

    @Override
    public List<String> generatingCreatedBefore(Instant cutoff, int limit) {
        return jdbc.query("SELECT policy_generation_id FROM policy_generations WHERE status = 'GENERATING' "
                + "AND created_at < ? ORDER BY created_at LIMIT ?", rs -> rs.getString(1), cutoff, limit);
    }

    @Override
    public Optional<GeneratedAsset> find(String policyEngineId, String policyGenerationId, String policyGenerationAssetId) {
        return find(policyEngineId, policyGenerationId).flatMap(g -> asset(policyGenerationId, policyGenerationAssetId)
                .map(a -> new GeneratedAsset(policyEngineId, policyGenerationId, a.policyGenerationAssetId(),
                        g.resourceArn(), a.cedar(), a.findings(), g.arn(), g.startedBy())));
    }

    private static PolicyGeneration generation(ResultSet rs) throws SQLException {
        return new PolicyGeneration(rs.getString("policy_engine_id"), rs.getString("policy_generation_id"),
                rs.getString("name"), rs.getString("arn"), rs.getString("resource_arn"), rs.getString("raw_text"),
                GenerationStatus.valueOf(rs.getString("status")), read(rs.getString("status_reasons"), STRINGS),
                Optional.ofNullable(rs.getString("findings")), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                rs.getString("started_by"));
    }

    private static Asset asset(ResultSet rs) throws SQLException {
        int start = rs.getInt("span_start");
        boolean hasSpan = !rs.wasNull();
        int end = rs.getInt("span_end");
        return new Asset(rs.getString("policy_generation_asset_id"), Optional.ofNullable(rs.getString("cedar")),
                rs.getString("raw_text_fragment"), hasSpan ? Optional.of(new Span(start, end)) : Optional.empty(),
                read(rs.getString("findings"), FINDINGS), Optional.ofNullable(rs.getString("explanation")),
                read(rs.getString("examples"), EXAMPLES), read(rs.getString("provenance"), new TypeReference<Provenance>() {}),
                rs.getString("alignment") == null ? Alignment.none() : read(rs.getString("alignment"), ALIGNMENT));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
