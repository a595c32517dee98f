package com.cedarauthoring.findings;

import com.cedarauthoring.findings.Condition.Atom;
import com.cedarauthoring.findings.Condition.Cmp;
import com.cedarauthoring.findings.Condition.Dec;
import com.cedarauthoring.findings.Condition.In;
import com.cedarauthoring.findings.Condition.Like;
import com.cedarauthoring.findings.Condition.Lit;
import com.cedarauthoring.findings.Condition.Opaque;
import com.cedarauthoring.findings.Condition.Present;
import com.cedarauthoring.findings.Condition.Term;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EST expressions to {@link Condition}s. Cedar evaluates an expression to true, false or an error
 * (a missing attribute or tag), and a policy whose condition errors does not apply. So each expression
 * gets two formulas, "evaluates to true" and "evaluates to false", and their complement is "false or
 * error"; predicates on a term include the term's presence.
 */
final class EstConditions {
    private static final Map<String, String> DECIMAL_METHODS = Map.of(
            "lessThan", "<", "lessThanOrEqual", "<=", "greaterThan", ">", "greaterThanOrEqual", ">=");
    private static final Map<String, String> FLIPPED = Map.of(
            "<", ">", "<=", ">=", ">", "<", ">=", "<=", "==", "==", "!=", "!=");

    private boolean opaque;

    /** True once an expression was met that the analysis does not model. */
    boolean sawOpaque() {
        return opaque;
    }

    /** The formula under which a policy's conditions (all when clauses, negated unless clauses) hold. */
    Condition policyCondition(JsonNode est) {
        List<Condition> parts = new ArrayList<>();
        for (JsonNode c : est.path("conditions")) {
            JsonNode body = c.path("body");
            parts.add("unless".equals(c.path("kind").asText()) ? new Condition.Not(isTrue(body)) : isTrue(body));
        }
        return new Condition.And(parts);
    }

    Condition isTrue(JsonNode e) {
        return eval(e, true);
    }

    private Condition eval(JsonNode e, boolean wantTrue) {
        String op = e.fieldNames().hasNext() ? e.fieldNames().next() : "";
        JsonNode a = e.path(op);
        switch (op) {
            case "&&": {
                Condition l = eval(a.path("left"), true);
                return wantTrue ? Condition.and(l, eval(a.path("right"), true))
                        : Condition.or(eval(a.path("left"), false), Condition.and(l, eval(a.path("right"), false)));
            }
            case "||": {
                Condition lf = eval(a.path("left"), false);
                return wantTrue ? Condition.or(eval(a.path("left"), true), Condition.and(lf, eval(a.path("right"), true)))
                        : Condition.and(lf, eval(a.path("right"), false));
            }
            case "!":
                return eval(a.path("arg"), !wantTrue);
            case "Value":
                if (a.isBoolean()) {
                    return a.booleanValue() == wantTrue ? Condition.TRUE : Condition.FALSE;
                }
                break;
            case "has": {
                Optional<String> base = path(a.path("left"));
                if (base.isPresent()) {
                    return new Lit(new Present(new Term(base.get() + "." + a.path("attr").asText(), false)), wantTrue);
                }
                break;
            }
            case "hasTag": {
                Optional<String> key = principalTagKey(a);
                if (key.isPresent()) {
                    return new Lit(new Present(new Term(key.get(), true)), wantTrue);
                }
                break;
            }
            case "==", "!=", "<", "<=", ">", ">=": {
                Optional<Term> lt = term(a.path("left"));
                Optional<Object> rv = literal(a.path("right"));
                if (lt.isPresent() && rv.isPresent()) {
                    return predicate(new Cmp(lt.get(), op, rv.get()), lt.get(), wantTrue);
                }
                Optional<Term> rt = term(a.path("right"));
                Optional<Object> lv = literal(a.path("left"));
                if (rt.isPresent() && lv.isPresent()) {
                    return predicate(new Cmp(rt.get(), FLIPPED.get(op), lv.get()), rt.get(), wantTrue);
                }
                break;
            }
            case "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual": {
                if (a.isArray() && a.size() == 2) {
                    Optional<Term> t = term(a.get(0));
                    Optional<Object> v = literal(a.get(1));
                    if (t.isPresent() && v.isPresent() && v.get() instanceof Dec) {
                        return predicate(new Cmp(t.get(), DECIMAL_METHODS.get(op), v.get()), t.get(), wantTrue);
                    }
                }
                break;
            }
            case "contains": {
                Optional<Term> t = term(a.path("right"));
                if (t.isPresent() && a.path("left").has("Set")) {
                    List<Object> values = new ArrayList<>();
                    for (JsonNode v : a.path("left").path("Set")) {
                        Optional<Object> lv = literal(v);
                        if (lv.isEmpty()) {
                            return opaque(e, wantTrue);
                        }
                        values.add(lv.get());
                    }
                    return predicate(new In(t.get(), List.copyOf(values)), t.get(), wantTrue);
                }
                break;
            }
            case "like": {
                Optional<Term> t = term(a.path("left"));
                if (t.isPresent()) {
                    List<Object> pattern = new ArrayList<>();
                    for (JsonNode p : a.path("pattern")) {
                        if (p.isTextual()) {
                            pattern.add(Condition.WILDCARD);
                        } else {
                            p.path("Literal").asText().chars().forEach(ch -> pattern.add((char) ch));
                        }
                    }
                    return predicate(new Like(t.get(), List.copyOf(pattern)), t.get(), wantTrue);
                }
                break;
            }
            case ".": {
                // a Bool attribute used directly as a condition
                Optional<Term> t = term(e);
                if (t.isPresent()) {
                    return predicate(new Cmp(t.get(), "==", Boolean.TRUE), t.get(), wantTrue);
                }
                break;
            }
            default:
                break;
        }
        return opaque(e, wantTrue);
    }

    /** True: the predicate holds (presence included). False: the term is present and the predicate fails. */
    private static Condition predicate(Atom atom, Term term, boolean wantTrue) {
        return wantTrue ? new Lit(atom, true)
                : Condition.and(new Lit(new Present(term), true), new Lit(atom, false));
    }

    private Condition opaque(JsonNode e, boolean wantTrue) {
        opaque = true;
        return new Lit(new Opaque(e.toString()), wantTrue);
    }

    private static Optional<String> principalTagKey(JsonNode a) {
        if ("principal".equals(a.path("left").path("Var").asText()) && a.path("right").path("Value").isTextual()) {
            return Optional.of(a.path("right").path("Value").asText());
        }
        return Optional.empty();
    }

    private static Optional<Term> term(JsonNode e) {
        if (e.has("getTag")) {
            return principalTagKey(e.path("getTag")).map(k -> new Term(k, true));
        }
        if (e.has(".")) {
            return path(e).filter(p -> p.startsWith("context.input.") || p.startsWith("principal."))
                    .map(p -> new Term(p, false));
        }
        return Optional.empty();
    }

    static Optional<String> path(JsonNode e) {
        if (e.has("Var")) {
            return Optional.of(e.path("Var").asText());
        }
        if (e.has(".")) {
            return path(e.path(".").path("left")).map(p -> p + "." + e.path(".").path("attr").asText());
        }
        return Optional.empty();
    }

    /** A Long, String, Boolean or decimal literal. */
    static Optional<Object> literal(JsonNode e) {
        if (e.has("Value")) {
            JsonNode v = e.path("Value");
            if (v.isIntegralNumber()) {
                return Optional.of(v.longValue());
            }
            if (v.isTextual()) {
                return Optional.of(v.textValue());
            }
            if (v.isBoolean()) {
                return Optional.of(v.booleanValue());
            }
            return Optional.empty();
        }
        if (e.has("neg")) {
            return literal(e.path("neg").path("arg")).filter(x -> x instanceof Long && (Long) x != Long.MIN_VALUE)
                    .map(x -> -(Long) x);
        }
        if (e.has("decimal") && e.path("decimal").isArray() && e.path("decimal").size() == 1
                && e.path("decimal").get(0).path("Value").isTextual()) {
            try {
                BigDecimal d = new BigDecimal(e.path("decimal").get(0).path("Value").asText());
                return Optional.of(new Dec(d.movePointRight(4).longValueExact()));
            } catch (ArithmeticException | NumberFormatException ex) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
