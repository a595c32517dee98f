package com.cedarauthoring.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.rules.RulesTranslator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The blind generalisation corpus ({@code fixtures/generalisation/}) through the real pipeline with the
 * rules translator, judged by Cedar decisions on generated request sets (as {@link CorpusAccuracyTest}).
 * Reports the score by category (failures only by form) and asserts what VALID promises: no VALID asset whose
 * meaning differs from the expected one.
 * Never tune a translator to a sentence of this corpus.
 */
class GeneralisationCorpusTest {
    private static final Cedar CEDAR = new Cedar();

    @Test
    void noUnfaithfulValidOnTheGeneralisationCorpus() {
        Score score = score("Generalisation corpus", Fixtures.generalisation());
        assertThat(score.total()).isGreaterThanOrEqualTo(200);
        assertThat(score.unfaithful()).as(score.report() + "\nUnfaithful VALID:\n" + String.join("\n", score.unfaithful()))
                .isEmpty();
        // Issue 7's bar, through the whole pipeline (the grounding check re-verifies every candidate): 95%.
        // What it still refuses (units, half-named attributes, unconsumed words) it refuses honestly.
        assertThat(100.0 * score.ok() / score.total()).as(score.report()).isGreaterThanOrEqualTo(95.0);
    }

    /**
     * The holdout set, written blind after the translator work: measured and reported, not a score gate (it
     * is not tuned to); what VALID promises still holds on it.
     */
    @Test
    void noUnfaithfulValidOnTheHoldoutSet() {
        Score score = score("Holdout set", Fixtures.holdout());
        assertThat(score.total()).isEqualTo(50);
        assertThat(score.unfaithful()).as(score.report() + "\nUnfaithful VALID:\n" + String.join("\n", score.unfaithful()))
                .isEmpty();
    }

    /**
     * The second holdout set, written blind over two gateways of its own: measured and reported only (score by
     * category and the unfaithful VALID assets), no gate, so that it can be scored before and after a
     * translator change.
     */
    @Test
    void secondHoldoutSetIsMeasured() {
        Score score = score("Second holdout set", Fixtures.holdout2());
        System.out.println("Second holdout set, unfaithful VALID:\n" + String.join("\n", score.unfaithful()));
        assertThat(score.total()).isEqualTo(60);
    }

    record Score(String report, int ok, int total, List<String> unfaithful) {}

    private static Score score(String title, List<Fixtures.Case> cases) {
        GenerationPipeline pipeline = new GenerationPipeline(new RequirementSplitter()::split, new RulesTranslator(CEDAR),
                CEDAR, new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
        Equivalence equivalence = new Equivalence(CEDAR);
        Map<String, Fixtures.GatewayFixture> gateways = Fixtures.gateways(Fixtures.generalisationDir());
        Map<String, GatewaySchema> schemas = new HashMap<>();
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> unfaithful = new ArrayList<>();
        Map<String, Integer> failureForms = new TreeMap<>();
        for (Fixtures.Case c : cases) {
            Fixtures.GatewayFixture g = gateways.get(c.gateway());
            GatewaySchema schema = schemas.computeIfAbsent(c.gateway(), k -> g.schema(CEDAR, g.testArn()));
            PipelineOutcome outcome = pipeline.run(c.input(), schema);
            List<AssetDraft> assets = outcome instanceof PipelineOutcome.Completed done ? done.assets() : List.of();
            int[] score = byCategory.computeIfAbsent(c.category(), k -> new int[2]);
            score[1]++;
            if (Scoring.passes(c, assets, schema, equivalence)) {
                score[0]++;
            } else {
                // the form of the failure (finding codes), never the sentence: the corpus is measured, not tuned to
                failureForms.merge(c.category() + ": expected " + c.expected().stream().map(Fixtures.Expected::findings).toList()
                        + " got " + assets.stream().map(a -> a.findings().stream().map(f -> f.code() == null ? f.type().name()
                        : f.code()).toList()).toList(), 1, Integer::sum);
            }
            Scoring.unfaithfulValid(c, assets, schema, equivalence)
                    .forEach(a -> unfaithful.add("[" + c.id() + "] " + a.rawTextFragment() + "\n      got "
                            + a.cedar().orElse("").replace("\n", " ")));
        }
        StringBuilder report = new StringBuilder(title + " score by category (rules translator, whole pipeline):\n");
        int ok = 0;
        for (Map.Entry<String, int[]> e : byCategory.entrySet()) {
            ok += e.getValue()[0];
            report.append(String.format("  %-12s %3d/%3d (%.1f%%)%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    100.0 * e.getValue()[0] / e.getValue()[1]));
        }
        report.append(String.format("  %-12s %3d/%3d (%.1f%%)%n", "TOTAL", ok, cases.size(), 100.0 * ok / cases.size()));
        report.append("  unfaithful VALID assets: ").append(unfaithful.size()).append('\n');
        failureForms.forEach((form, n) -> report.append(String.format("  %3d x %s%n", n, form)));
        System.out.println(report);
        return new Score(report.toString(), ok, cases.size(), unfaithful);
    }

    /** The scoring rules of issue 7, shared with the fuzz run. */
    static final class Scoring {
        private Scoring() {}

        static boolean isValid(AssetDraft a) {
            return a.findings().size() == 1 && a.findings().get(0).type() == FindingType.VALID;
        }

        /**
         * translate: every expected asset VALID and equivalent; must-flag: no VALID asset for a fragment that
         * must be flagged; ambiguous: every ambiguous fragment flagged AMBIGUOUS with an equivalent reading.
         */
        static boolean passes(Fixtures.Case c, List<AssetDraft> assets, GatewaySchema schema, Equivalence eq) {
            if (assets.isEmpty()) {
                return false;
            }
            for (Fixtures.Expected e : c.expected()) {
                List<AssetDraft> same = assets.stream().filter(a -> a.rawTextFragment().equals(e.fragment())).toList();
                boolean expectValid = e.findings().equals(List.of("VALID"));
                boolean expectAmbiguous = e.findings().contains("AMBIGUOUS");
                if (expectValid) {
                    if (same.stream().noneMatch(a -> isValid(a) && equivalent(a, e, schema, eq))) {
                        return false;
                    }
                } else if (expectAmbiguous) {
                    if (same.stream().noneMatch(a -> a.findings().stream().anyMatch(f -> f.type() == FindingType.AMBIGUOUS)
                            && equivalent(a, e, schema, eq))) {
                        return false;
                    }
                } else if (same.isEmpty() || same.stream().anyMatch(Scoring::isValid)) {
                    return false;
                }
            }
            return true;
        }

        /** VALID assets that say something else than every expected reading of their sentence. */
        static List<AssetDraft> unfaithfulValid(Fixtures.Case c, List<AssetDraft> assets, GatewaySchema schema,
                                                Equivalence eq) {
            List<AssetDraft> out = new ArrayList<>();
            for (AssetDraft a : assets) {
                if (!isValid(a)) {
                    continue;
                }
                List<Fixtures.Expected> readings = c.expected().stream()
                        .filter(e -> e.fragment().equals(a.rawTextFragment())).toList();
                if (readings.isEmpty()) {
                    readings = c.expected();
                }
                boolean faithful = readings.stream().anyMatch(e -> e.findings().equals(List.of("VALID"))
                        && equivalent(a, e, schema, eq));
                if (!faithful) {
                    out.add(a);
                }
            }
            return out;
        }

        static boolean equivalent(AssetDraft a, Fixtures.Expected e, GatewaySchema schema, Equivalence eq) {
            String expected = e.cedarFor(schema.gatewayArn());
            if (expected == null || a.cedar().isEmpty()) {
                return false;
            }
            return eq.compare(List.of(expected), List.of(a.cedar().get()), schema).isEmpty();
        }
    }

    static List<String> types(AssetDraft a) {
        return a.findings().stream().map(Finding::type).map(Enum::name).toList();
    }
}
