package com.cedarauthoring.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.fixtures.Mutations;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.rules.RulesTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated development-corpus sentences through the real pipeline. A content word inserted into a sentence
 * that translates VALID adds a qualifier the policy must account for, so a VALID asset that does not hold
 * the word (as a value) has dropped it: an unfaithful VALID, of which there must be none. Words dropped,
 * swapped, duplicated or cut never crash the pipeline.
 */
class GroundingFuzzTest {
    private static final Cedar CEDAR = new Cedar();
    private static final List<String> QUALIFIERS = List.of("wire", "quarterly", "foreign", "international", "weekend",
            "legacy", "internal", "bulk", "overseas", "pending", "sensitive", "gold");

    @Test
    void insertedQualifiersAreNeverDroppedSilently() {
        GenerationPipeline pipeline = new GenerationPipeline(new RequirementSplitter()::split, new RulesTranslator(CEDAR),
                CEDAR, new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
        Mutations mutations = new Mutations(CEDAR);
        Random random = new Random(7);
        List<String> unfaithful = new ArrayList<>();
        int runs = 0;
        int valid = 0;
        for (Fixtures.Case c : Mutations.singleValidCases()) {
            GatewaySchema schema = mutations.schema(c);
            for (int m = 0; m < 2; m++) {
                String word = QUALIFIERS.get(random.nextInt(QUALIFIERS.size()));
                String text = Mutations.insert(c.input(), word, 1 + random.nextInt(Mutations.wordCount(c.input())));
                runs++;
                PipelineOutcome outcome = pipeline.run(text, schema);
                for (AssetDraft a : ((PipelineOutcome.Completed) outcome).assets()) {
                    if (GeneralisationCorpusTest.Scoring.isValid(a)) {
                        valid++;
                        // the word may land after the final "." and become a sentence of its own
                        if (a.rawTextFragment().contains(word) && Mutations.dropsWord(a.cedar().orElse(""), word)) {
                            unfaithful.add(text + "\n      got " + a.cedar().orElse("").replace("\n", " "));
                        }
                    }
                }
            }
        }
        System.out.printf("Grounding fuzz: %d mutated sentences, %d VALID assets, %d unfaithful%n", runs, valid,
                unfaithful.size());
        assertThat(runs).isGreaterThan(300);
        assertThat(unfaithful).as(String.join("\n", unfaithful)).isEmpty();
    }

    @Test
    void mutatedSentencesNeverCrashThePipeline() {
        GenerationPipeline pipeline = new GenerationPipeline(new RequirementSplitter()::split, new RulesTranslator(CEDAR),
                CEDAR, new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
        Mutations mutations = new Mutations(CEDAR);
        Random random = new Random(11);
        int runs = 0;
        for (Fixtures.Case c : Fixtures.corpus()) {
            GatewaySchema schema = mutations.schema(c);
            String text = Mutations.mutate(Mutations.mutate(c.input(), random), random);
            runs++;
            PipelineOutcome outcome = pipeline.run(text, schema);
            for (AssetDraft a : ((PipelineOutcome.Completed) outcome).assets()) {
                assertThat(a.findings()).isNotEmpty();
                a.alignment().parts().forEach(p -> p.spans().forEach(s -> assertThat(s.end()).isLessThanOrEqualTo(text.length())));
            }
        }
        assertThat(runs).isGreaterThan(300);
    }
}
