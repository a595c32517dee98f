package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Alignment;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded deterministic translator ("rules"): parses the controlled language of cedar-conventions.md
 * sections 3 and 5 into a typed {@link Reading} (one per reading when the requirement has several) and emits
 * one Cedar policy per reading. Offline, no model, thread-safe.
 *
 * <p>It only proposes: the pipeline parses, validates, analyses and grounds every candidate. Every candidate
 * carries its {@link Alignment}: the words behind the effect, the principal, the tool and each condition atom.
 */
public final class RulesTranslator implements Translator {
    private static final Logger LOG = LoggerFactory.getLogger(RulesTranslator.class);
    /** At most this many readings of one decision point become candidates. */
    private static final int MAX_READINGS = 4;

    private final Cedar cedar;
    // Word stems of a schema are computed once per schema instance (schemas are immutable records).
    private final Cache<GatewaySchema, SchemaIndex> indexes = Caffeine.newBuilder().weakKeys().maximumSize(512).build();
    // Cedar's formatter crosses JNI (~0.5-1 ms) while parsing takes ~0.05 ms; the same requirement on the same
    // gateway formats to the same text, so formatted policies are kept (a few thousand: most generations bring
    // new names and amounts, and a large cache of them is garbage the collector keeps tracing).
    private final Cache<String, String> formatted = Caffeine.newBuilder().maximumSize(2_000).build();

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
        SchemaIndex index = indexes.get(request.schema(), SchemaIndex::new);
        Tokens tokens = Tokens.of(req.text());
        List<Candidate> out = new ArrayList<>();
        try {
            List<Diagnostic> lookAlike = LookAlike.check(tokens);
            Choices choices = new Choices();
            Reading first = new SentenceParser(new Parse(index, tokens, choices)).parse();
            addCandidates(req, index, first, lookAlike, out);
            // a decision point with several equal options: one candidate per reading
            choices.first().ifPresent(tie -> {
                for (int k = 1; k < Math.min(tie.options(), MAX_READINGS); k++) {
                    try {
                        Tokens again = Tokens.of(req.text());
                        Reading r = new SentenceParser(new Parse(index, again, Choices.forcing(tie.point(), k))).parse();
                        addCandidates(req, index, r, lookAlike, out);
                    } catch (Untranslatable u) {
                        // that option does not make a reading (e.g. the other tool lacks the attribute)
                    }
                }
            });
        } catch (Untranslatable u) {
            Finding f = Finding.of(FindingType.NOT_TRANSLATABLE, u.code, u.getMessage(), local(req, u.start, Math.max(u.start, u.end)));
            return untranslatable(req, f);
        } catch (RuntimeException e) {
            // a defect in the parser must not fail the generation, nor show its internals to the user
            LOG.warn("rules translator defect on a requirement of {} characters", req.text().length(), e);
            return untranslatable(req, Finding.of(FindingType.NOT_TRANSLATABLE, "TRANSLATOR_DEFECT",
                    "the rules translator could not read this requirement; nothing was generated", req.span()));
        }
        return new TranslationOutcome.Candidates(out);
    }

    private static TranslationOutcome untranslatable(Requirement req, Finding f) {
        return new TranslationOutcome.Candidates(List.of(
                new Candidate(req.text(), req.span(), Optional.empty(), List.of(f), Provenance.rules())));
    }

    private static Span local(Requirement req, int start, int end) {
        int offset = req.span().start();
        return new Span(offset + start, offset + end);
    }

    private void addCandidates(Requirement req, SchemaIndex index, Reading r, List<Diagnostic> extra, List<Candidate> out) {
        List<Cond> readings = r.whenReadings().isEmpty() ? java.util.Collections.singletonList(null) : r.whenReadings();
        for (int k = 0; k < readings.size(); k++) {
            Cond when = readings.get(k);
            List<Finding> findings = new ArrayList<>();
            List<Diagnostic> notes = new ArrayList<>(r.notes());
            notes.addAll(extra);
            for (Diagnostic n : notes) {
                String desc = n.message();
                if (n.code().equals("AMBIGUOUS_GROUPING") && readings.size() > 1) {
                    desc = "this asset is reading " + (k + 1) + " of " + readings.size() + ". " + desc;
                }
                findings.add(Finding.of(n.type(), n.code(), desc, local(req, n.start(), n.end())));
            }
            // a forbid that names nobody applies to every caller, the safe reading; a permit that names nobody widens
            if (!r.principalNamed() && !r.anyPrincipalType() && !r.forbid()) {
                findings.add(Finding.of(FindingType.AMBIGUOUS, "AMBIGUOUS_PRINCIPAL",
                        "no principal is named; the policy applies to every caller. Name the users, role or scope it is for",
                        req.span()));
            }
            Constants.Truth whenTruth = when == null ? Constants.Truth.TRUE : Constants.of(when);
            Constants.Truth unlessTruth = r.unless() == null ? Constants.Truth.FALSE : Constants.of(r.unless());
            if (r.principal().isEmpty() && whenTruth == Constants.Truth.TRUE && unlessTruth == Constants.Truth.FALSE) {
                String why = when == null && r.unless() == null ? "" : " (its conditions hold for every input the schema allows)";
                findings.add(r.forbid()
                        ? Finding.of(FindingType.DENY_ALL, "DENY_ALL", "this forbid matches every request in its scope" + why, req.span())
                        : Finding.of(FindingType.ALLOW_ALL, "ALLOW_ALL", "this permit matches every request in its scope" + why, req.span()));
            } else if (whenTruth == Constants.Truth.FALSE || unlessTruth == Constants.Truth.TRUE) {
                findings.add(r.forbid()
                        ? Finding.of(FindingType.DENY_NONE, "DENY_NONE", "this forbid can never match: its conditions never hold", req.span())
                        : Finding.of(FindingType.ALLOW_NONE, "ALLOW_NONE", "this permit can never match: its conditions never hold", req.span()));
            }
            List<Cond> conj = new ArrayList<>(r.principal());
            if (when != null) {
                conj.add(when);
            }
            String policy = CedarEmitter.policy(index.schema, r.forbid(), r.anyPrincipalType(), r.action(), conj, r.unless());
            Alignment alignment = Alignments.of(req, r, when, r.unless(), r.forbid());
            out.add(new Candidate(req.text(), req.span(), Optional.of(format(policy)), findings, Provenance.rules(), alignment));
            if (r.only() && !r.principal().isEmpty()) {
                // "Only X may Y when C": nobody else may (section 5) - forbid Y when C unless X
                List<Cond> others = when == null ? List.of() : List.of(when);
                Cond x = Cond.and(r.principal());
                String forbid = CedarEmitter.policy(index.schema, true, false, r.action(), others, x);
                List<Finding> forbidFindings = findings.stream()
                        .filter(f -> f.type() == FindingType.AMBIGUOUS).toList();
                out.add(new Candidate(req.text(), req.span(), Optional.of(format(forbid)), forbidFindings, Provenance.rules(),
                        Alignments.of(req, r, when, x, true)));
            }
        }
    }

    private String format(String policy) {
        return formatted.get(policy, cedar::format);
    }
}
