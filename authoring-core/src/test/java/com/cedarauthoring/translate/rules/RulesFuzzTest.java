package com.cedarauthoring.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.semantics.Equivalence;
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

    /** Rewordings that keep the meaning; comparators swapped for synonyms of the same operator. */
    private static final String[][] SAME_MEANING = {
            {" less than ", " below "}, {" under ", " less than "}, {" more than ", " above "}, {" over ", " more than "},
            {" at least ", " no less than "}, {" at most ", " no more than "}, {" when ", " if "}, {" is not ", " isn't "},
            {" exceeds ", " is greater than "}};

    /**
     * Issue 7's fuzz criterion: no VALID candidate means something its sentence does not. Sentences of the development
     * corpus reworded without changing their meaning must translate to an equivalent policy or be flagged; an
     * unknown word inserted anywhere must never be dropped silently (a VALID candidate must carry it as a literal).
     */
    @Test
    void mutatedRequirementsNeverGiveAValidPolicyThatMeansSomethingElse() {
        RulesTranslator translator = new RulesTranslator(CEDAR);
        Equivalence equivalence = new Equivalence(CEDAR);
        Map<String, Fixtures.GatewayFixture> gateways = Fixtures.gateways();
        Map<String, GatewaySchema> schemas = new HashMap<>();
        Random random = new Random(7);
        List<String> wrong = new ArrayList<>();
        int valid = 0;
        int runs = 0;
        for (Fixtures.Case c : Fixtures.corpus()) {
            if (c.expected().size() != 1 || !c.expected().get(0).findings().equals(List.of("VALID"))) {
                continue;
            }
            Fixtures.GatewayFixture g = gateways.get(c.gateway());
            GatewaySchema schema = schemas.computeIfAbsent(c.gateway(), k -> g.schema(CEDAR, g.testArn()));
            String expected = c.expected().get(0).cedarFor(schema.gatewayArn());
            String text = c.expected().get(0).fragment();
            List<String> variants = new ArrayList<>();
            for (String[] swap : SAME_MEANING) {
                if (text.contains(swap[0])) {
                    variants.add(text.replace(swap[0], swap[1]));
                }
            }
            variants.add("Please " + Character.toLowerCase(text.charAt(0)) + text.substring(1));
            int space = text.indexOf(' ');
            variants.add("**" + text.substring(0, space) + "**" + text.substring(space));
            for (String v : variants) {
                runs++;
                for (Candidate cand : candidates(translator, v, schema)) {
                    if (cand.findings().isEmpty() && cand.cedar().isPresent()) {
                        valid++;
                        equivalence.compare(List.of(expected), List.of(cand.cedar().get()), schema)
                                .ifPresent(d -> wrong.add(v + " -> differs on " + d.request()));
                    }
                }
            }
            String[] words = text.split(" ");
            int at = 1 + random.nextInt(words.length - 1);
            String inserted = String.join(" ", Arrays.copyOfRange(words, 0, at)) + " quarterly "
                    + String.join(" ", Arrays.copyOfRange(words, at, words.length));
            runs++;
            for (Candidate cand : candidates(translator, inserted, schema)) {
                if (cand.findings().isEmpty() && cand.cedar().isPresent() && !cand.cedar().get().contains("quarterly")) {
                    wrong.add(inserted + " -> VALID without the inserted word: " + cand.cedar().get().replace("\n", " "));
                }
            }
        }
        wrong.forEach(w -> System.out.println("WRONG VALID " + w));
        System.out.println("fuzz: " + runs + " mutated requirements, " + valid + " VALID candidates, " + wrong.size() + " wrong");
        assertThat(valid).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    private static List<Candidate> candidates(RulesTranslator translator, String text, GatewaySchema schema) {
        Requirement r = new Requirement(text, new com.cedarauthoring.findings.Span(0, text.length()));
        return ((TranslationOutcome.Candidates) translator.translate(new TranslationRequest(r, text, schema))).candidates();
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
