package com.cedarauthoring.translate;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.semantics.Equivalence;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the model and cross-checks it with the rules translator. Where the rules translator understands
 * the requirement (a candidate with Cedar and no NOT_TRANSLATABLE), the two policy sets are compared
 * on a generated request set: a difference becomes an AMBIGUOUS finding showing the request, agreement
 * is recorded as {@code crossChecked=true}. The model's candidates are what is returned either way; the
 * rules translator is the referee, not a fallback, so a model failure stays a failure.
 */
public final class HybridTranslator implements Translator, AutoCloseable {
    public static final String NAME = "hybrid";
    public static final String CODE_DISAGREE = "MODEL_RULES_DISAGREE";

    private final Translator model;
    private final Translator rules;
    private final Equivalence equivalence;

    public HybridTranslator(Translator model, Translator rules, Equivalence equivalence) {
        this.model = model;
        this.rules = rules;
        this.equivalence = equivalence;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TranslationOutcome translate(TranslationRequest request) {
        TranslationOutcome modelOutcome = model.translate(request);
        if (!(modelOutcome instanceof TranslationOutcome.Candidates modelCandidates)) {
            return modelOutcome;
        }
        Map<String, String> extra = new LinkedHashMap<>();
        Optional<Finding> disagreement = Optional.empty();
        List<String> rulesPolicies = rulesPolicies(request, extra);
        List<String> modelPolicies = modelCandidates.candidates().stream()
                .filter(c -> c.findings().stream().noneMatch(f -> f.type().isError()))
                .flatMap(c -> c.cedar().stream()).toList();
        if (!rulesPolicies.isEmpty() && !modelPolicies.isEmpty()) {
            try {
                Optional<Equivalence.Difference> diff = equivalence.compare(rulesPolicies, modelPolicies, request.schema());
                if (diff.isPresent()) {
                    extra.put("crossChecked", "false");
                    disagreement = Optional.of(Finding.of(FindingType.AMBIGUOUS, CODE_DISAGREE,
                            describe(diff.get(), rulesPolicies), request.requirement().span()));
                } else {
                    extra.put("crossChecked", "true");
                }
            } catch (RuntimeException e) {
                // The comparison is a second opinion; when it cannot run the model's answer stands, unchecked.
                extra.put("crossChecked", "false");
                extra.put("crossCheckError", e.getClass().getSimpleName());
            }
        } else {
            extra.put("crossChecked", "false");
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : modelCandidates.candidates()) {
            List<Finding> findings = new ArrayList<>(c.findings());
            disagreement.ifPresent(findings::add);
            Map<String, String> details = new LinkedHashMap<>(c.provenance().details());
            details.putAll(extra);
            details.put("modelTranslator", c.provenance().translator());
            Provenance p = c.provenance();
            // the cedar is the model translator's, unchanged, so its passed check still stands for it
            out.add(new Candidate(c.rawTextFragment(), c.span(), c.cedar(), findings,
                    new Provenance(NAME, p.modelId(), p.promptVersion(), p.promptSha256(), p.attempts(), details),
                    Alignment.none(), c.checked()));
        }
        return new TranslationOutcome.Candidates(out);
    }

    /** Closes the model translator's client when it has one. */
    @Override
    public void close() throws Exception {
        if (model instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The rules translator's policies when it understood the requirement, else empty. */
    private List<String> rulesPolicies(TranslationRequest request, Map<String, String> extra) {
        TranslationOutcome outcome;
        try {
            outcome = rules.translate(request);
        } catch (RuntimeException e) {
            extra.put("rulesUnderstood", "false");
            return List.of();
        }
        if (!(outcome instanceof TranslationOutcome.Candidates candidates)) {
            extra.put("rulesUnderstood", "false");
            return List.of();
        }
        boolean understood = candidates.candidates().stream().allMatch(c -> c.cedar().isPresent()
                && c.findings().stream().noneMatch(f -> f.type() == FindingType.NOT_TRANSLATABLE
                || f.type() == FindingType.INVALID));
        extra.put("rulesUnderstood", Boolean.toString(understood));
        return understood ? candidates.candidates().stream().map(c -> c.cedar().orElseThrow()).toList() : List.of();
    }

    private static String describe(Equivalence.Difference d, List<String> rulesPolicies) {
        AuthRequest r = d.request();
        return "the model's policy and the rules translator's reading disagree on " + r.principalType() + " \""
                + r.principalId() + "\"" + (r.tags().isEmpty() ? "" : " with tags " + new java.util.TreeMap<>(r.tags()))
                + " calling " + r.actionId() + " with input " + r.input() + ": the rules reading "
                + (d.expectedAllowed() ? "allows" : "denies") + " it, the model's policy "
                + (d.actualAllowed() ? "allows" : "denies") + " it. Rules reading: " + String.join(" ", rulesPolicies);
    }
}
