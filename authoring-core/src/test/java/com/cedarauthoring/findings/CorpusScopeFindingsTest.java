package com.cedarauthoring.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the analysis over every expected policy of the corpus: the scope findings it computes must be
 * exactly the scope findings the corpus expects, and explanation, examples and self-equivalence must
 * work on every policy.
 */
class CorpusScopeFindingsTest {
    private static final Set<String> SCOPE = Set.of("ALLOW_ALL", "ALLOW_NONE", "DENY_ALL", "DENY_NONE");

    @Test
    void scopeFindingsMatchTheCorpus() {
        Cedar cedar = new Cedar();
        PolicyAnalyzer analyzer = new PolicyAnalyzer(cedar);
        Explainer explainer = new Explainer(cedar);
        DecisionExamples examples = new DecisionExamples(cedar);
        Equivalence equivalence = new Equivalence(cedar);
        Map<String, Fixtures.GatewayFixture> gateways = Fixtures.gateways();
        Map<String, GatewaySchema> schemas = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Fixtures.Case c : Fixtures.corpus()) {
            Fixtures.GatewayFixture g = gateways.get(c.gateway());
            if (g == null) {
                continue;
            }
            GatewaySchema schema = schemas.computeIfAbsent(c.gateway(), k -> g.schema(cedar, g.testArn()));
            for (Fixtures.Expected e : c.expected()) {
                String policy = e.cedarFor(schema.gatewayArn());
                if (policy == null || !cedar.validate(schema, policy).isEmpty()) {
                    continue;
                }
                checked++;
                List<String> want = e.findings().stream().filter(SCOPE::contains).sorted().toList();
                List<String> got = analyzer.analyze(policy, schema).stream().map(Finding::code).sorted().toList();
                if (!want.equals(got)) {
                    mismatches.add(c.id() + ": expected " + want + " got " + got + " for " + policy);
                }
                assertThat(explainer.explain(policy, schema)).as(c.id()).isNotBlank();
                assertThat(examples.examples(policy, schema)).as(c.id()).isNotEmpty();
                if (checked % 25 == 0) {
                    assertThat(equivalence.compare(List.of(policy), List.of(policy), schema)).as(c.id()).isEmpty();
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(mismatches).isEmpty();
    }
}
