package com.cedarauthoring.translate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.fixtures.Mutations;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import java.util.ArrayList;
import java.util.List;
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
        Mutations mutations = new Mutations(CEDAR);
        Random random = new Random(99);
        List<String> defects = new ArrayList<>();
        int runs = 0;
        for (Fixtures.Case c : Fixtures.corpus()) {
            GatewaySchema schema = mutations.schema(c);
            if (schema == null) {
                continue;
            }
            for (int m = 0; m < 6; m++) {
                String text = Mutations.mutate(Mutations.mutate(c.input(), random), random);
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
        Mutations mutations = new Mutations(CEDAR);
        Random random = new Random(7);
        List<String> wrong = new ArrayList<>();
        int valid = 0;
        int runs = 0;
        for (Fixtures.Case c : Mutations.singleValidCases()) {
            GatewaySchema schema = mutations.schema(c);
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
            String inserted = Mutations.insert(text, "quarterly", 1 + random.nextInt(Mutations.wordCount(text) - 1));
            runs++;
            for (Candidate cand : candidates(translator, inserted, schema)) {
                if (cand.findings().isEmpty() && cand.cedar().isPresent() && Mutations.dropsWord(cand.cedar().get(), "quarterly")) {
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
}
