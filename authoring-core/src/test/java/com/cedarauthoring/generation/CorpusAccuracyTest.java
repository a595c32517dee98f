package com.cedarauthoring.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.rules.RulesTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The development corpus through the real generation pipeline (splitter, rules translator, parse,
 * scope check, strict validation, analysis, explanation), judged SEMANTICALLY: each generated policy
 * must decide every request of the generated request set (each tool, boundaries around every
 * literal, optional attributes present/absent, tags present/absent/different, another gateway)
 * exactly as the expected policy does, with the same finding types and the exact rawTextFragment.
 * Readings of one ambiguous sentence are matched as a set. Prints accuracy by category.
 */
class CorpusAccuracyTest {
    private static final Cedar CEDAR = new Cedar();

    @Test
    void rulesTranslatorIsExactOnTheDevelopmentCorpus() {
        GenerationPipeline pipeline = new GenerationPipeline(new RequirementSplitter()::split, new RulesTranslator(CEDAR),
                CEDAR, new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
        Equivalence equivalence = new Equivalence(CEDAR);
        Map<String, Fixtures.GatewayFixture> gateways = Fixtures.gateways();
        Map<String, GatewaySchema> schemas = new HashMap<>();
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<Fixtures.Case> cases = Fixtures.corpus();
        for (Fixtures.Case c : cases) {
            Fixtures.GatewayFixture g = gateways.get(c.gateway());
            assertThat(g).as("gateway %s of case %s", c.gateway(), c.id()).isNotNull();
            GatewaySchema schema = schemas.computeIfAbsent(c.gateway(), k -> g.schema(CEDAR, g.testArn()));
            PipelineOutcome outcome = pipeline.run(c.input(), schema);
            String problem = outcome instanceof PipelineOutcome.Completed done
                    ? compare(c, done.assets(), schema, equivalence)
                    : "pipeline failed: " + ((PipelineOutcome.Failed) outcome).reason();
            int[] cat = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
            cat[1]++;
            if (problem == null) {
                cat[0]++;
            } else {
                failures.add("[" + c.id() + "] " + c.input() + "\n" + problem);
            }
        }
        StringBuilder report = new StringBuilder("Corpus accuracy by category (semantic equivalence + findings):\n");
        int ok = 0;
        for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
            ok += e.getValue()[0];
            report.append(String.format("  %-20s %3d/%3d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        report.append(String.format("  %-20s %3d/%3d (%.1f%%)%n", "TOTAL", ok, cases.size(), 100.0 * ok / cases.size()));
        System.out.println(report);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(failures).as(report + "\nMismatches:\n" + String.join("\n", failures)).isEmpty();
    }

    /** Null when the generated assets match the expected ones; otherwise what differs. */
    static String compare(Fixtures.Case c, List<AssetDraft> got, GatewaySchema schema, Equivalence equivalence) {
        // Group by fragment, keeping sentence order: readings of one sentence are matched as a set.
        Map<String, List<Fixtures.Expected>> expected = new LinkedHashMap<>();
        c.expected().forEach(e -> expected.computeIfAbsent(e.fragment(), k -> new ArrayList<>()).add(e));
        Map<String, List<AssetDraft>> actual = new LinkedHashMap<>();
        got.forEach(a -> actual.computeIfAbsent(a.rawTextFragment(), k -> new ArrayList<>()).add(a));
        if (!new ArrayList<>(expected.keySet()).equals(new ArrayList<>(actual.keySet()))) {
            return "  fragments: expected " + expected.keySet() + "\n  got       " + actual.keySet();
        }
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, List<Fixtures.Expected>> group : expected.entrySet()) {
            List<AssetDraft> candidates = new ArrayList<>(actual.get(group.getKey()));
            if (candidates.size() != group.getValue().size()) {
                problems.append("  \"").append(group.getKey()).append("\": expected ").append(group.getValue().size())
                        .append(" assets, got ").append(candidates.size()).append(describe(candidates)).append('\n');
                continue;
            }
            for (Fixtures.Expected e : group.getValue()) {
                Optional<String> why = Optional.of("no generated asset left");
                for (AssetDraft a : candidates) {
                    why = mismatch(e, a, schema, equivalence);
                    if (why.isEmpty()) {
                        candidates.remove(a);
                        break;
                    }
                }
                why.ifPresent(w -> problems.append("  \"").append(group.getKey()).append("\": ").append(w).append('\n'));
            }
        }
        return problems.length() == 0 ? null : problems.toString();
    }

    static Optional<String> mismatch(Fixtures.Expected e, AssetDraft a, GatewaySchema schema, Equivalence equivalence) {
        TreeSet<String> types = new TreeSet<>();
        for (Finding f : a.findings()) {
            types.add(f.type().name());
        }
        if (!types.equals(new TreeSet<>(e.findings()))) {
            return Optional.of("findings expected " + new TreeSet<>(e.findings()) + " got " + types + " "
                    + a.findings().stream().map(f -> f.code() + ": " + f.description()).toList()
                    + a.cedar().map(x -> "\n      got cedar " + x.replace("\n", " ")).orElse(""));
        }
        String exp = e.cedarFor(schema.gatewayArn());
        if (exp == null || a.cedar().isEmpty()) {
            return exp == null && a.cedar().isEmpty() ? Optional.empty()
                    : Optional.of("expected policy " + exp + " got " + a.cedar().orElse("none"));
        }
        return equivalence.compare(List.of(exp), List.of(a.cedar().get()), schema)
                .map(d -> "decisions differ on " + d.request() + ": expected " + (d.expectedAllowed() ? "ALLOW" : "DENY")
                        + ", got " + (d.actualAllowed() ? "ALLOW" : "DENY")
                        + "\n      expected " + exp.replace("\n", " ") + "\n      got      " + a.cedar().get().replace("\n", " "));
    }

    private static String describe(List<AssetDraft> assets) {
        StringBuilder sb = new StringBuilder();
        for (AssetDraft a : assets) {
            sb.append("\n      ").append(a.findings().stream().map(f -> f.type().name()).toList()).append(' ')
                    .append(a.cedar().orElse("(no policy)").replace("\n", " "));
        }
        return sb.toString();
    }
}
