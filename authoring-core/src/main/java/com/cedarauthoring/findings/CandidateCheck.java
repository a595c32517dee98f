package com.cedarauthoring.findings;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.gateway.GatewaySchema;
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
        /** One policy, formatted, in scope and schema-valid. */
        record Valid(String policy, PolicyView view) implements Outcome {}

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
        String statement = text.strip();
        ParseOutcome parsed = cedar.parse(statement);
        if (parsed instanceof ParseOutcome.SyntaxError err) {
            return new Outcome.Invalid(statement, Map.of(FindingCode.CEDAR_SYNTAX, List.of(err.message())));
        }
        List<String> policies = ((ParseOutcome.Parsed) parsed).policies();
        if (policies.size() != 1) {
            return new Outcome.Invalid(statement, Map.of(FindingCode.CEDAR_SYNTAX,
                    List.of("The statement must hold exactly one policy, found " + policies.size() + ".")));
        }
        String policy = cedar.format(policies.get(0));
        PolicyView view = cedar.view(policy);
        Map<FindingCode, List<String>> problems = new LinkedHashMap<>();
        List<String> scope = ScopeRules.violations(view, schema);
        if (!scope.isEmpty()) {
            problems.put(FindingCode.SCOPE_VIOLATION, scope);
        }
        List<String> messages = cedar.validate(schema, policy);
        if (!messages.isEmpty()) {
            problems.put(FindingCode.CEDAR_SCHEMA, messages);
        }
        return problems.isEmpty() ? new Outcome.Valid(policy, view) : new Outcome.Invalid(policy, problems);
    }
}
