package com.cedarauthoring.generation;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.explain.DecisionExample;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
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
 * split -> translate -> parse -> scope -> strict validate -> analyse -> explain + examples -> findings.
 * Every candidate is checked the same way whichever translator made it. Thread-safe.
 */
public final class GenerationPipeline {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GenerationPipeline.class);
    private final Splitter splitter;
    private final Translator translator;
    private final Cedar cedar;
    private final PolicyAnalyzer analyzer;
    private final Explainer explainer;
    private final DecisionExamples examples;

    public GenerationPipeline(Splitter splitter, Translator translator, Cedar cedar, PolicyAnalyzer analyzer,
                              Explainer explainer, DecisionExamples examples) {
        this.splitter = splitter;
        this.translator = translator;
        this.cedar = cedar;
        this.analyzer = analyzer;
        this.explainer = explainer;
        this.examples = examples;
    }

    /** Outcome of checking one candidate's Cedar. */
    sealed interface Check {
        /** Parsed, in scope and schema-valid: analysed, explained, with examples. */
        record Valid(String policy, List<Finding> findings, Optional<String> explanation,
                     List<DecisionExample> examples) implements Check {}

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
        for (Requirement requirement : requirements) {
            TranslationOutcome outcome = translator.translate(new TranslationRequest(requirement, rawText, schema));
            if (outcome instanceof TranslationOutcome.Failed failed) {
                return new PipelineOutcome.Failed(failed.reason(), failed.retryable());
            }
            for (Candidate candidate : ((TranslationOutcome.Candidates) outcome).candidates()) {
                drafts.add(assess(candidate, schema));
            }
        }
        return new PipelineOutcome.Completed(drafts);
    }

    private AssetDraft assess(Candidate candidate, GatewaySchema schema) {
        Check check = candidate.cedar().map(text -> check(text, schema)).orElseGet(Check.Absent::new);
        List<Finding> pipelineFindings = new ArrayList<>();
        Optional<String> statement = candidate.cedar();
        Optional<String> explanation = Optional.empty();
        List<DecisionExample> decisionExamples = List.of();
        if (check instanceof Check.Valid v) {
            statement = Optional.of(v.policy());
            pipelineFindings.addAll(v.findings());
            explanation = v.explanation();
            decisionExamples = v.examples();
        } else if (check instanceof Check.Invalid i) {
            statement = Optional.of(i.statement());
            pipelineFindings.add(i.finding());
        } else if (candidate.findings().stream().noneMatch(f -> f.type().isError())) {
            pipelineFindings.add(Finding.of(FindingType.NOT_TRANSLATABLE, "UNSUPPORTED_CONSTRUCT",
                    "The requirement could not be expressed as a Cedar policy for this gateway."));
        }
        List<Finding> findings = merge(candidate.findings(), pipelineFindings, candidate.span());
        return new AssetDraft(statement, candidate.rawTextFragment(), Optional.ofNullable(candidate.span()), findings,
                explanation, decisionExamples, candidate.provenance());
    }

    Check check(String text, GatewaySchema schema) {
        ParseOutcome parsed = cedar.parse(text);
        if (parsed instanceof ParseOutcome.SyntaxError err) {
            return new Check.Invalid(text.strip(), Finding.of(FindingType.INVALID, "CEDAR_SYNTAX", err.message()));
        }
        List<String> policies = ((ParseOutcome.Parsed) parsed).policies();
        if (policies.size() != 1) {
            return new Check.Invalid(text.strip(), Finding.of(FindingType.INVALID, "CEDAR_SYNTAX",
                    "The statement must hold exactly one policy, found " + policies.size() + "."));
        }
        String policy = cedar.format(policies.get(0));
        List<String> scope = ScopeCheck.violations(cedar.est(policy), schema);
        if (!scope.isEmpty()) {
            return new Check.Invalid(policy, Finding.of(FindingType.INVALID, "SCOPE_VIOLATION",
                    "The policy reaches beyond its gateway: " + String.join("; ", scope) + "."));
        }
        List<String> messages = cedar.validate(schema, policy);
        if (!messages.isEmpty()) {
            return new Check.Invalid(policy, Finding.of(FindingType.INVALID, "CEDAR_SCHEMA",
                    "Cedar validation failed: " + String.join("; ", messages)));
        }
        return new Check.Valid(policy, analyze(policy, schema), explain(policy, schema), examples(policy, schema));
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
