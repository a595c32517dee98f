package com.cedarauthoring.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Runs the development corpus through the rules translator alone (no pipeline) and prints what
 * differs, by category: same policy structure (Cedar EST) and same finding types. Findings only the
 * pipeline's analyzer adds (ALLOW_NONE, DENY_NONE, tautologies) show up here as differences; the
 * pipeline's corpus test checks those and semantic equivalence.
 */
class RulesCorpusHarnessTest {
    private static final Cedar CEDAR = new Cedar();

    @Test
    void corpusThroughTheRulesTranslator() {
        RulesTranslator translator = new RulesTranslator(CEDAR);
        RequirementSplitter splitter = new RequirementSplitter();
        Map<String, Fixtures.GatewayFixture> gateways = Fixtures.gateways();
        Map<String, GatewaySchema> schemas = new HashMap<>();
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int ok = 0;
        int total = 0;
        for (Fixtures.Case c : Fixtures.corpus()) {
            Fixtures.GatewayFixture g = gateways.get(c.gateway());
            if (g == null) {
                continue;
            }
            GatewaySchema schema = schemas.computeIfAbsent(c.gateway(), k -> g.schema(CEDAR, g.testArn()));
            List<Candidate> got = new ArrayList<>();
            for (Requirement r : splitter.split(c.input())) {
                TranslationOutcome o = translator.translate(new TranslationRequest(r, c.input(), schema));
                got.addAll(((TranslationOutcome.Candidates) o).candidates());
            }
            total++;
            int[] cat = byCategory.computeIfAbsent(c.file(), k -> new int[2]);
            cat[1]++;
            String problem = compare(c, got, schema, g.testArn());
            if (problem == null) {
                ok++;
                cat[0]++;
            } else {
                failures.add("[" + c.id() + "] " + c.input().replace("\n", "\\n") + "\n" + problem);
            }
        }
        failures.forEach(f -> System.out.println("MISMATCH " + f + "\n"));
        byCategory.forEach((k, v) -> System.out.println("CATEGORY " + k + ": " + v[0] + "/" + v[1]));
        System.out.println("TOTAL " + ok + "/" + total);
        // everything but the analyzer-only scope findings (8 cases) must match
        assertThat(ok).isGreaterThanOrEqualTo(total - 10);
    }

    private String compare(Fixtures.Case c, List<Candidate> got, GatewaySchema schema, String arn) {
        StringBuilder sb = new StringBuilder();
        if (got.size() != c.expected().size()) {
            sb.append("  count: expected ").append(c.expected().size()).append(" got ").append(got.size()).append('\n');
        }
        for (int i = 0; i < Math.min(got.size(), c.expected().size()); i++) {
            Fixtures.Expected e = c.expected().get(i);
            Candidate g = got.get(i);
            if (e.fragment() != null && !e.fragment().equals(g.rawTextFragment())) {
                sb.append("  fragment: expected [").append(e.fragment()).append("] got [").append(g.rawTextFragment()).append("]\n");
            }
            TreeSet<String> types = new TreeSet<>();
            for (Finding f : g.findings()) {
                types.add(f.type().name());
            }
            if (g.cedar().isPresent()) {
                List<String> msgs = CEDAR.validate(schema, g.cedar().get());
                if (!msgs.isEmpty()) {
                    types.add("INVALID");
                    sb.append("  invalid: ").append(msgs).append('\n');
                }
            }
            if (types.isEmpty()) {
                types.add("VALID");
            }
            if (!types.equals(new TreeSet<>(e.findings()))) {
                sb.append("  findings: expected ").append(new TreeSet<>(e.findings())).append(" got ").append(types)
                        .append(" ").append(g.findings().stream().map(f -> f.code() + ":" + f.description()).toList()).append('\n');
            }
            String exp = e.cedarFor(arn);
            String mine = g.cedar().orElse(null);
            if (exp != null && mine != null && norm(CEDAR.format(exp)).equals(norm(mine))
                    && !CEDAR.est(exp).equals(CEDAR.est(mine))) {
                sb.append("  EST differs (grouping):\n  expected: ").append(CEDAR.est(exp).path("conditions")).append("\n  got:      ")
                        .append(CEDAR.est(mine).path("conditions")).append('\n');
            }
            if (exp == null != (mine == null) || (exp != null && !norm(CEDAR.format(exp)).equals(norm(mine)))) {
                sb.append("  expected: ").append(exp == null ? null : CEDAR.format(exp).replace("\n", " ")).append('\n');
                sb.append("  got:      ").append(mine == null ? null : mine.replace("\n", " ")).append('\n');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String norm(String s) {
        return s == null ? null : s.replaceAll("\\s+", "").replace("(", "").replace(")", "");
    }
}
