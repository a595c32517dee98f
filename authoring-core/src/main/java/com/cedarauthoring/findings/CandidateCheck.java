package com.cedarauthoring.findings;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one check of a candidate's Cedar, used by the generation pipeline and by the model translator's
 * repair loop: parse -> exactly one policy -> format -> scope rules -> strict validation. Scope and
 * schema problems are both reported (a repair prompt wants all of them at once).
 */
public final class CandidateCheck {
    private final Cedar cedar;

    public CandidateCheck(Cedar cedar) {
        this.cedar = cedar;
    }

    /** Outcome of checking one statement. */
    public sealed interface Outcome {
        /**
         * One policy, formatted, in scope and schema-valid against {@link #schema()}. Only {@link CandidateCheck}
         * makes one (the constructor is private), so holding a Valid is proof that this exact text passed every
         * check against that schema: a translator may hand its own check's result on ({@code Candidate.checked}),
         * but cannot claim a check that never ran.
         */
        final class Valid implements Outcome {
            private final String policy;
            private final PolicyView view;
            private final GatewaySchema schema;

            private Valid(String policy, PolicyView view, GatewaySchema schema) {
                this.policy = policy;
                this.view = view;
                this.schema = schema;
            }

            public String policy() {
                return policy;
            }

            public PolicyView view() {
                return view;
            }

            public GatewaySchema schema() {
                return schema;
            }

            /**
             * Whether this check stands for {@code statement} against {@code against}: the very text (nothing
             * reformatted or appended since) and the very schema instance the caller holds (identity, not
             * equality: a schema re-derived since, even an equal one, is checked again).
             */
            public boolean covers(String statement, GatewaySchema against) {
                return schema == against && policy.equals(statement);
            }
        }

        /** What is wrong, by code (in the order found); {@code statement} is formatted when it parsed. */
        record Invalid(String statement, Map<FindingCode, List<String>> problems) implements Outcome {
            public Invalid {
                problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
            }

            /** One INVALID finding for the first problem kind, all its messages joined. */
            public Finding finding() {
                Map.Entry<FindingCode, List<String>> first = problems.entrySet().iterator().next();
                String lead = switch (first.getKey()) {
                    case SCOPE_VIOLATION -> "The policy reaches beyond its gateway: ";
                    case CEDAR_SCHEMA -> "Cedar validation failed: ";
                    default -> "";
                };
                return first.getKey().finding(lead + String.join("; ", first.getValue()), null);
            }
        }
    }

    public Outcome check(String text, GatewaySchema schema) {
        return checkAll(List.of(text), schema).get(0);
    }

    /**
     * Checks several statements; their strict validation is one Cedar call (each call reads the schema again,
     * which is most of its cost), with the same outcome per statement as {@link #check}.
     */
    public List<Outcome> checkAll(List<String> texts, GatewaySchema schema) {
        List<Step> steps = new ArrayList<>();
        List<String> toValidate = new ArrayList<>();
        for (String text : texts) {
            Step step = prepare(text.strip(), schema);
            steps.add(step);
            if (step instanceof Pending p) {
                toValidate.add(p.policy());
            }
        }
        List<List<String>> messages = toValidate.isEmpty() ? List.of() : cedar.validateAll(schema, toValidate);
        List<Outcome> out = new ArrayList<>(texts.size());
        int next = 0;
        for (Step step : steps) {
            out.add(step instanceof Pending p ? p.outcome(messages.get(next++)) : ((Done) step).outcome());
        }
        return out;
    }

    /** A statement's check before strict validation: already decided, or waiting for Cedar's validation. */
    private sealed interface Step permits Done, Pending {}

    private record Done(Outcome outcome) implements Step {}

    /** One policy, formatted, with its scope problems. */
    private record Pending(String policy, PolicyView view, GatewaySchema schema, Map<FindingCode, List<String>> problems)
            implements Step {
        Outcome outcome(List<String> validation) {
            Map<FindingCode, List<String>> all = new LinkedHashMap<>(problems);
            if (!validation.isEmpty()) {
                all.put(FindingCode.CEDAR_SCHEMA, validation);
            }
            return all.isEmpty() ? new Outcome.Valid(policy, view, schema) : new Outcome.Invalid(policy, all);
        }
    }

    private Step prepare(String statement, GatewaySchema schema) {
        ParseOutcome parsed = cedar.parse(statement);
        if (parsed instanceof ParseOutcome.SyntaxError err) {
            return new Done(new Outcome.Invalid(statement, Map.of(FindingCode.CEDAR_SYNTAX, List.of(err.message()))));
        }
        List<String> policies = ((ParseOutcome.Parsed) parsed).policies();
        if (policies.size() != 1) {
            return new Done(new Outcome.Invalid(statement, Map.of(FindingCode.CEDAR_SYNTAX,
                    List.of("The statement must hold exactly one policy, found " + policies.size() + "."))));
        }
        String policy = cedar.format(policies.get(0));
        PolicyView view = cedar.view(policy);
        Map<FindingCode, List<String>> problems = new LinkedHashMap<>();
        List<String> scope = ScopeRules.violations(view, schema);
        if (!scope.isEmpty()) {
            problems.put(FindingCode.SCOPE_VIOLATION, scope);
        }
        return new Pending(policy, view, schema, problems);
    }
}
