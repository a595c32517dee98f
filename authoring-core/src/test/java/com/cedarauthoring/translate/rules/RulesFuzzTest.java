package com.cedarauthoring.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated corpus sentences (words dropped, swapped, duplicated, truncated) never crash the compiler
 * and never produce a schema-invalid policy: the translator either compiles faithfully or says it cannot.
 */
class RulesFuzzTest {
    private static final Cedar CEDAR = new Cedar();

    @Test
    void mutatedRequirementsNeverCrashNorEmitInvalidCedar() {
        RulesTranslator translator = new RulesTranslator(CEDAR);
        Map<String, Fixtures.GatewayFixture> gateways = Fixtures.gateways();
        Map<String, GatewaySchema> schemas = new HashMap<>();
        Random random = new Random(99);
        List<String> defects = new ArrayList<>();
        int runs = 0;
        for (Fixtures.Case c : Fixtures.corpus()) {
            Fixtures.GatewayFixture g = gateways.get(c.gateway());
            if (g == null) {
                continue;
            }
            GatewaySchema schema = schemas.computeIfAbsent(c.gateway(), k -> g.schema(CEDAR, g.testArn()));
            for (int m = 0; m < 6; m++) {
                String text = mutate(mutate(c.input(), random), random);
                for (Requirement r : new RequirementSplitter().split(text)) {
                    runs++;
                    TranslationOutcome o = translator.translate(new TranslationRequest(r, text, schema));
                    for (Candidate cand : ((TranslationOutcome.Candidates) o).candidates()) {
                        cand.findings().forEach(f -> {
                            if ("TRANSLATOR_DEFECT".equals(f.code())) {
                                defects.add(r.text() + " -> " + f.description());
                            }
                            if (f.span() != null) {
                                assertThat(f.span().end()).isLessThanOrEqualTo(text.length());
                            }
                        });
                        cand.cedar().ifPresent(p -> {
                            List<String> msgs = CEDAR.validate(schema, p);
                            if (!msgs.isEmpty()) {
                                defects.add(r.text() + " -> INVALID " + msgs);
                            }
                        });
                    }
                }
            }
        }
        defects.forEach(d -> System.out.println("DEFECT " + d));
        assertThat(runs).isGreaterThan(500);
        assertThat(defects).isEmpty();
    }

    private static String mutate(String input, Random random) {
        List<String> words = new ArrayList<>(Arrays.asList(input.split(" ")));
        if (words.size() < 3) {
            return input;
        }
        int i = random.nextInt(words.size());
        int j = random.nextInt(words.size());
        switch (random.nextInt(4)) {
            case 0 -> words.remove(i);
            case 1 -> {
                String w = words.get(i);
                words.set(i, words.get(j));
                words.set(j, w);
            }
            case 2 -> words.add(i, words.get(j));
            default -> words = words.subList(0, Math.max(1, i));
        }
        return String.join(" ", words);
    }
}
