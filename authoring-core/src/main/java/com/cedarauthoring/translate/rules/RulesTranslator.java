package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Provenance;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded deterministic translator ("rules"): compiles the controlled language of
 * cedar-conventions.md section 3 into one Cedar policy per requirement (one per reading when the
 * and/or grouping is ambiguous). Offline, no model, thread-safe.
 *
 * <p>It only proposes: the pipeline parses, validates and analyses every candidate. Findings it
 * attaches are its own (NOT_TRANSLATABLE, AMBIGUOUS, ALLOW_ALL, DENY_ALL) with spans into the raw text.
 */
public final class RulesTranslator implements Translator {
    private final Cedar cedar;
    // Word stems of a schema are computed once per schema instance (schemas are immutable records).
    private final Cache<GatewaySchema, SchemaIndex> indexes = Caffeine.newBuilder().weakKeys().maximumSize(512).build();
    // Cedar's formatter crosses JNI (~0.5-1 ms) while compiling takes ~0.05 ms; the same requirement on the same
    // gateway formats to the same text, so formatted policies are kept.
    private final Cache<String, String> formatted = Caffeine.newBuilder().maximumSize(20_000).build();

    public RulesTranslator(Cedar cedar) {
        this.cedar = cedar;
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public TranslationOutcome translate(TranslationRequest request) {
        Requirement req = request.requirement();
        int offset = req.span().start();
        SchemaIndex index = indexes.get(request.schema(), SchemaIndex::new);
        Compiler.Result r;
        Compiler first = new Compiler(index, req.text());
        try {
            r = first.compile();
        } catch (Untranslatable u) {
            Finding f = Finding.of(FindingType.NOT_TRANSLATABLE, u.code, u.getMessage(),
                    new Span(offset + u.start, offset + Math.max(u.start, u.end)));
            return new TranslationOutcome.Candidates(List.of(
                    new Candidate(req.text(), req.span(), Optional.empty(), List.of(f), Provenance.rules())));
        } catch (RuntimeException e) {
            // a defect in the compiler must not fail the generation: report it as untranslatable
            Finding f = Finding.of(FindingType.NOT_TRANSLATABLE, "UNSUPPORTED_CONSTRUCT",
                    "the rules translator could not read this requirement (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + java.util.Arrays.stream(e.getStackTrace()).filter(el -> el.getClassName().startsWith("com.cedarauthoring"))
                            .findFirst().map(el -> " at " + el).orElse("") + ")", req.span());
            return new TranslationOutcome.Candidates(List.of(
                    new Candidate(req.text(), req.span(), Optional.empty(), List.of(f), Provenance.rules())));
        }
        List<Candidate> out = new ArrayList<>();
        addCandidates(req, index, r, out);
        // an action or attribute phrase that matches several equally: one candidate per reading
        if (!first.ties.isEmpty()) {
            var tie = first.ties.get(0);
            for (int k = 1; k < Math.min(tie.getValue(), 4); k++) {
                try {
                    addCandidates(req, index, new Compiler(index, req.text(), java.util.Map.of(tie.getKey(), k)).compile(), out);
                } catch (RuntimeException e) {
                    // the alternative reading does not compile (e.g. the other tool lacks an attribute): not a reading
                }
            }
        }
        return new TranslationOutcome.Candidates(out);
    }

    private void addCandidates(Requirement req, SchemaIndex index, Compiler.Result r, List<Candidate> out) {
        int offset = req.span().start();
        List<Cond> readings = r.whenReadings().isEmpty() ? java.util.Collections.singletonList(null) : r.whenReadings();
        for (int k = 0; k < readings.size(); k++) {
            Cond when = readings.get(k);
            List<Finding> findings = new ArrayList<>();
            for (Compiler.Note n : r.notes()) {
                String desc = n.message();
                if (n.code().equals("AMBIGUOUS_GROUPING") && readings.size() > 1) {
                    desc = "this asset is reading " + (k + 1) + " of " + readings.size() + ". " + desc;
                }
                findings.add(Finding.of(n.type(), n.code(), desc, new Span(offset + n.start(), offset + n.end())));
            }
            if (!r.principalNamed() && !r.barePrincipal()) {
                findings.add(Finding.of(FindingType.AMBIGUOUS, "AMBIGUOUS_PRINCIPAL",
                        "no principal is named; the policy applies to every caller. Name the users, role or scope it is for",
                        req.span()));
            }
            boolean unconditional = r.principal().isEmpty() && when == null && r.unless() == null;
            if (unconditional) {
                findings.add(r.forbid()
                        ? Finding.of(FindingType.DENY_ALL, "DENY_ALL", "this forbid matches every request in its scope", req.span())
                        : Finding.of(FindingType.ALLOW_ALL, "ALLOW_ALL", "this permit matches every request in its scope", req.span()));
            }
            out.add(new Candidate(req.text(), req.span(), Optional.of(render(index.schema, r, when)), findings, Provenance.rules()));
        }
    }

    private String render(GatewaySchema schema, Compiler.Result r, Cond when) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.forbid() ? "forbid" : "permit").append("(\n  ");
        sb.append(r.barePrincipal() ? "principal" : "principal is " + schema.principalType()).append(",\n  ");
        sb.append(r.actionScope()).append(",\n  ");
        sb.append("resource == AgentCore::Gateway::\"").append(Compiler.esc(schema.gatewayArn())).append("\"\n)");
        List<Cond> conj = new ArrayList<>(r.principal());
        if (when != null) {
            conj.add(when);
        }
        if (!conj.isEmpty()) {
            sb.append("\nwhen {\n  ").append(Cond.and(conj).cedar()).append("\n}");
        }
        if (r.unless() != null) {
            sb.append("\nunless {\n  ").append(r.unless().cedar()).append("\n}");
        }
        sb.append(';');
        return formatted.get(sb.toString(), cedar::format);
    }
}
