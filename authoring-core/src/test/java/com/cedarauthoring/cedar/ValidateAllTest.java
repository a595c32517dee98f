package com.cedarauthoring.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Validating several statements in one Cedar call (the generation pipeline does) answers, statement by
 * statement, what validating each alone answers (the same messages; Cedar may order them differently): on every policy of the development corpus, on
 * variants made invalid (an unknown attribute, a syntax error, two policies in one statement, a stray
 * action), in random batches mixing gateways' actions, scoped and unscoped policies.
 */
class ValidateAllTest {
    private final Cedar cedar = new Cedar();

    @Test
    void aBatchAnswersWhatEachStatementAloneAnswers() {
        Map<String, GatewaySchema> schemas = new HashMap<>();
        Map<String, List<String>> byGateway = new LinkedHashMap<>();
        for (Fixtures.Case c : Fixtures.corpus()) {
            GatewaySchema schema = schemas.computeIfAbsent(c.gateway(), k -> {
                Fixtures.GatewayFixture g = Fixtures.gateways().get(k);
                return g.schema(cedar, g.testArn());
            });
            for (Fixtures.Expected e : c.expected()) {
                String policy = e.cedarFor(schema.gatewayArn());
                if (policy != null) {
                    List<String> statements = byGateway.computeIfAbsent(c.gateway(), k -> new ArrayList<>());
                    statements.add(policy);
                    statements.add(policy.replace("context.input.", "context.input.unknown_"));
                }
            }
        }
        byGateway.get("refund").addAll(List.of("permit (principal, action, resource) when {",
                "permit (principal, action, resource); forbid (principal, action, resource);",
                "permit (principal, action == AgentCore::Action::\"NoSuchTarget___x\", resource);",
                "permit (principal, action in AgentCore::Action::\"CallTool\", resource);"));

        Random random = new Random(7);
        int batches = 0;
        int invalid = 0;
        for (Map.Entry<String, List<String>> gateway : byGateway.entrySet()) {
            GatewaySchema schema = schemas.get(gateway.getKey());
            List<String> statements = new ArrayList<>(gateway.getValue());
            java.util.Collections.shuffle(statements, random);
            for (int from = 0; from < statements.size(); from += 5) {
                List<String> batch = statements.subList(from, Math.min(statements.size(), from + 1 + random.nextInt(5)));
                List<List<String>> together = cedar.validateAll(schema, batch);
                assertThat(together).hasSize(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    List<String> alone = cedar.validate(schema, batch.get(i));
                    assertThat(together.get(i)).as(batch.get(i)).containsExactlyInAnyOrderElementsOf(alone);
                    invalid += alone.isEmpty() ? 0 : 1;
                }
                batches++;
            }
        }
        assertThat(batches).isGreaterThan(50);
        assertThat(invalid).as("the variants are invalid, so messages were compared too").isGreaterThan(100);
    }
}
