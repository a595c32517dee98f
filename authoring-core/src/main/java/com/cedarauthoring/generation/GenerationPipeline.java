package com.cedarauthoring.generation;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.explain.DecisionExample;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.CandidateCheck;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.grounding.GroundingCheck;
import com.cedarauthoring.grounding.GroundingResult;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generation stages, in process and without storage (the job and the CLI both run it):
 * split -> translate -> check (parse, scope, strict validate) -> ground (cedar-conventions.md section 5)
 * -> analyse -> explain + examples -> findings. Every candidate is checked and grounded the same way
 * whichever translator made it; the check runs once per text (a translator that already ran this very
 * {@link CandidateCheck} on it, as the model translator's repair loop does, hands its passed outcome on).
 * Thread-safe.
 */
public final class GenerationPipeline {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GenerationPipeline.class);
    private final Splitter splitter;
    private final Translator translator;
    private final CandidateCheck candidateCheck;
    private final GroundingCheck grounding = new GroundingCheck();
    private final PolicyAnalyzer analyzer;
    private final Explainer explainer;
    private final DecisionExamples examples;

    public GenerationPipeline(Splitter splitter, Translator translator, Cedar cedar, PolicyAnalyzer analyzer,
                              Explainer explainer, DecisionExamples examples) {
        this.splitter = splitter;
        this.translator = translator;
        this.candidateCheck = new CandidateCheck(cedar);
        this.analyzer = analyzer;
        this.explainer = explainer;
        this.examples = examples;
    }

    /** Outcome of checking one candidate's Cedar. */
    sealed interface Check {
        /** Parsed, in scope and schema-valid. */
        record Valid(String policy, PolicyView view) implements Check {}

        /** Did not parse, left the gateway's scope, or failed strict validation. */
        record Invalid(String statement, Finding finding) implements Check {}

        /** The translator proposed no Cedar at all. */
        record Absent() implements Check {}
    }

    public PipelineOutcome run(String rawText, GatewaySchema schema) {
        List<Requirement> requirements = splitter.split(rawText);
        List<AssetDraft> drafts = new ArrayList<>();
        if (requirements.isEmpty()) {
            Span all = new Span(0, rawText.length());
            drafts.add(new AssetDraft(Optional.empty(), rawText, Optional.of(all),
                    List.of(Finding.of(FindingType.NOT_TRANSLATABLE, "UNSUPPORTED_CONSTRUCT",
                            "No authorization requirement was found in the text.", all)),
                    Optional.empty(), List.of(), new com.cedarauthoring.translate.Provenance(translator.name(), null, null, null, 0, Map.of())));
            return new PipelineOutcome.Completed(drafts);
        }
        List<List<Candidate>> translated = new ArrayList<>();
        for (Requirement requirement : requirements) {
            TranslationOutcome outcome = translator.translate(new TranslationRequest(requirement, rawText, schema));
            if (outcome instanceof TranslationOutcome.Failed failed) {
                return new PipelineOutcome.Failed(failed.reason(), failed.retryable());
            }
            translated.add(((TranslationOutcome.Candidates) outcome).candidates());
        }
        // every candidate of the text is checked at once: strict validation is then one Cedar call
        List<Check> all = checkAll(translated.stream().flatMap(List::stream).toList(), schema);
        int next = 0;
        for (List<Candidate> candidates : translated) {
            List<Check> checks = all.subList(next, next + candidates.size());
            next += candidates.size();
            for (int i = 0; i < candidates.size(); i++) {
                drafts.add(assess(candidates.get(i), checks.get(i), siblingEffects(candidates.get(i), candidates, checks),
                        schema));
            }
        }
        return new PipelineOutcome.Completed(drafts);
    }

    /**
     * One check per candidate, in order ({@link Check.Absent} for a candidate without Cedar). A candidate whose
     * translator already passed this very check on exactly its text against this schema (the model translator's
     * repair loop) keeps that outcome; every other candidate is checked here.
     */
    private List<Check> checkAll(List<Candidate> candidates, GatewaySchema schema) {
        List<String> texts = candidates.stream().filter(c -> c.cedar().isPresent() && passed(c, schema).isEmpty())
                .map(c -> c.cedar().get()).toList();
        List<CandidateCheck.Outcome> outcomes = texts.isEmpty() ? List.of() : candidateCheck.checkAll(texts, schema);
        List<Check> out = new ArrayList<>(candidates.size());
        int next = 0;
        for (Candidate c : candidates) {
            if (c.cedar().isEmpty()) {
                out.add(new Check.Absent());
            } else {
                Optional<CandidateCheck.Outcome.Valid> passed = passed(c, schema);
                out.add(check(passed.isPresent() ? passed.get() : outcomes.get(next++)));
            }
        }
        return out;
    }

    private static Optional<CandidateCheck.Outcome.Valid> passed(Candidate c, GatewaySchema schema) {
        return c.checked().filter(v -> c.cedar().isPresent() && v.covers(c.cedar().get(), schema));
    }

    /** Effects of the other checked candidates for the same sentence ("only X may" is a permit and a forbid). */
    private static List<PolicyView.Effect> siblingEffects(Candidate self, List<Candidate> all, List<Check> checks) {
        List<PolicyView.Effect> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) != self && all.get(i).rawTextFragment().equals(self.rawTextFragment())
                    && checks.get(i) instanceof Check.Valid v) {
                out.add(v.view().effect());
            }
        }
        return out;
    }

    private AssetDraft assess(Candidate candidate, Check check, List<PolicyView.Effect> siblings, GatewaySchema schema) {
        List<Finding> pipelineFindings = new ArrayList<>();
        Optional<String> statement = candidate.cedar();
        Optional<String> explanation = Optional.empty();
        List<DecisionExample> decisionExamples = List.of();
        Alignment alignment = Alignment.none();
        if (check instanceof Check.Valid v) {
            statement = Optional.of(v.policy());
            GroundingResult grounded = grounding.check(candidate.rawTextFragment(), candidate.span(), v.view(), schema,
                    candidate.alignment(), siblings);
            alignment = grounded.alignment();
            if (grounded instanceof GroundingResult.Ungrounded u) {
                pipelineFindings.addAll(u.findings());
            }
            pipelineFindings.addAll(analyze(v.policy(), schema));
            explanation = explain(v.policy(), schema);
            decisionExamples = examples(v.policy(), schema);
        } else if (check instanceof Check.Invalid i) {
            statement = Optional.of(i.statement());
            pipelineFindings.add(i.finding());
        } else if (candidate.findings().stream().noneMatch(f -> f.type().isError())) {
            pipelineFindings.add(Finding.of(FindingType.NOT_TRANSLATABLE, "UNSUPPORTED_CONSTRUCT",
                    "The requirement could not be expressed as a Cedar policy for this gateway."));
        }
        List<Finding> findings = merge(candidate.findings(), pipelineFindings, candidate.span());
        return new AssetDraft(statement, candidate.rawTextFragment(), Optional.ofNullable(candidate.span()), findings,
                explanation, decisionExamples, candidate.provenance(), alignment);
    }

    private static Check check(CandidateCheck.Outcome outcome) {
        if (outcome instanceof CandidateCheck.Outcome.Invalid invalid) {
            return new Check.Invalid(invalid.statement(), invalid.finding());
        }
        CandidateCheck.Outcome.Valid valid = (CandidateCheck.Outcome.Valid) outcome;
        return new Check.Valid(valid.policy(), valid.view());
    }

    // The scope analysis decides findings, so its failure fails the run (and the job retries); a
    // policy is never called VALID because an analysis could not run.
    private List<Finding> analyze(String policy, GatewaySchema schema) {
        return analyzer.analyze(policy, schema);
    }

    // Explanation and examples are reviewer aids: a failure there must not cost the user the generation.
    private Optional<String> explain(String policy, GatewaySchema schema) {
        try {
            return Optional.ofNullable(explainer.explain(policy, schema));
        } catch (RuntimeException e) {
            log.warn("No explanation for a generated policy: {}", e.toString());
            return Optional.empty();
        }
    }

    private List<DecisionExample> examples(String policy, GatewaySchema schema) {
        try {
            return examples.examples(policy, schema);
        } catch (RuntimeException e) {
            log.warn("No decision examples for a generated policy: {}", e.toString());
            return List.of();
        }
    }

    /** Translator findings first, then the pipeline's; one per (type, code); VALID only when nothing else. */
    static List<Finding> merge(List<Finding> translator, List<Finding> pipeline, Span span) {
        Map<String, Finding> merged = new LinkedHashMap<>();
        for (List<Finding> source : List.of(translator, pipeline)) {
            for (Finding f : source) {
                if (f.type() != FindingType.VALID) {
                    merged.putIfAbsent(f.type() + "/" + f.code(), f.withSpanIfAbsent(span));
                }
            }
        }
        return merged.isEmpty() ? List.of(Finding.valid()) : List.copyOf(merged.values());
    }
}
