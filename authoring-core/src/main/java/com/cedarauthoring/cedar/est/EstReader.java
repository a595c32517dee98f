package com.cedarauthoring.cedar.est;

import com.cedarauthoring.cedar.est.PolicyView.ActionScope;
import com.cedarauthoring.cedar.est.PolicyView.Clause;
import com.cedarauthoring.cedar.est.PolicyView.EntityRef;
import com.cedarauthoring.cedar.est.PolicyView.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * EST JSON (cedar-java's {@code Policy.toJson}) to a {@link PolicyView}. The only class that knows EST
 * key names. Anything it does not model becomes an {@code Other} node, never an exception, so readers
 * can treat unknown shapes conservatively.
 */
public final class EstReader {
    private EstReader() {}

    public static PolicyView read(JsonNode est) {
        PolicyView.Effect effect = "forbid".equals(est.path("effect").asText())
                ? PolicyView.Effect.FORBID : PolicyView.Effect.PERMIT;
        List<Clause> clauses = new ArrayList<>();
        for (JsonNode c : est.path("conditions")) {
            clauses.add(new Clause("unless".equals(c.path("kind").asText()), expr(c.path("body"))));
        }
        return new PolicyView(effect, scope(est.path("principal")), action(est.path("action")),
                scope(est.path("resource")), clauses);
    }

    private static Scope scope(JsonNode s) {
        String op = s.path("op").asText();
        return switch (op) {
            case "All" -> new Scope.Any();
            case "==" -> entity(s.path("entity")).<Scope>map(Scope.Eq::new).orElse(new Scope.Other(op));
            case "in" -> entity(s.path("entity")).<Scope>map(Scope.In::new).orElse(new Scope.Other(op));
            case "is" -> s.hasNonNull("entity_type") ? new Scope.Is(s.get("entity_type").asText()) : new Scope.Other(op);
            default -> new Scope.Other(op);
        };
    }

    private static ActionScope action(JsonNode s) {
        String op = s.path("op").asText();
        switch (op) {
            case "All":
                return new ActionScope.Any();
            case "==":
                return entity(s.path("entity")).<ActionScope>map(ActionScope.Eq::new).orElse(new ActionScope.Other(op));
            case "in":
                if (s.has("entities")) {
                    List<EntityRef> refs = new ArrayList<>();
                    for (JsonNode e : s.path("entities")) {
                        Optional<EntityRef> ref = entity(e);
                        if (ref.isEmpty()) {
                            return new ActionScope.Other(op);
                        }
                        refs.add(ref.get());
                    }
                    return new ActionScope.InList(refs);
                }
                return entity(s.path("entity")).<ActionScope>map(ActionScope.InGroup::new).orElse(new ActionScope.Other(op));
            default:
                return new ActionScope.Other(op);
        }
    }

    private static Optional<EntityRef> entity(JsonNode node) {
        JsonNode n = node.has("__entity") ? node.get("__entity") : node;
        if (!n.hasNonNull("type") || !n.hasNonNull("id")) {
            return Optional.empty();
        }
        return Optional.of(new EntityRef(n.get("type").asText(), n.get("id").asText()));
    }

    static Expr expr(JsonNode e) {
        if (e == null || !e.isObject() || e.size() != 1) {
            return new Expr.Other(String.valueOf(e), List.of(), String.valueOf(e));
        }
        String key = e.fieldNames().next();
        JsonNode a = e.get(key);
        switch (key) {
            case "Value":
                if (a.isIntegralNumber() || a.isTextual() || a.isBoolean()) {
                    return new Expr.Lit(a.isIntegralNumber() ? (Object) a.longValue()
                            : a.isTextual() ? a.textValue() : a.booleanValue());
                }
                Optional<EntityRef> entity = a.has("__entity") ? entity(a) : Optional.empty();
                return entity.<Expr>map(Expr.Entity::new).orElse(new Expr.Other(key, List.of(), e.toString()));
            case "Var":
                return new Expr.Var(a.asText());
            case ".":
                return new Expr.Attr(expr(a.path("left")), a.path("attr").asText());
            case "has":
                return new Expr.Has(expr(a.path("left")), a.path("attr").asText());
            case "getTag":
                return new Expr.GetTag(expr(a.path("left")), expr(a.path("right")));
            case "hasTag":
                return new Expr.HasTag(expr(a.path("left")), expr(a.path("right")));
            case "is":
                return a.path("entity_type").isTextual()
                        ? new Expr.Is(expr(a.path("left")), a.path("entity_type").asText(),
                                a.has("in") ? Optional.of(expr(a.get("in"))) : Optional.empty())
                        : other(key, e);
            case "Set": {
                List<Expr> elements = new ArrayList<>();
                a.forEach(x -> elements.add(expr(x)));
                return new Expr.SetLit(elements);
            }
            case "&&":
                return new Expr.And(expr(a.path("left")), expr(a.path("right")));
            case "||":
                return new Expr.Or(expr(a.path("left")), expr(a.path("right")));
            case "!":
                return new Expr.Not(expr(a.path("arg")));
            case "neg": {
                Expr arg = expr(a.path("arg"));
                if (arg instanceof Expr.Lit l && l.value() instanceof Long v && v != Long.MIN_VALUE) {
                    return new Expr.Lit(-v);
                }
                return other(key, e);
            }
            case "contains":
                return new Expr.Contains(expr(a.path("left")), expr(a.path("right")));
            case "like": {
                // Cedar may split a literal run into one element per character; runs are joined here.
                List<String> parts = new ArrayList<>();
                for (JsonNode p : a.path("pattern")) {
                    if (p.isTextual()) {
                        parts.add(null);
                    } else if (!parts.isEmpty() && parts.get(parts.size() - 1) != null) {
                        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + p.path("Literal").asText());
                    } else {
                        parts.add(p.path("Literal").asText());
                    }
                }
                return new Expr.Like(expr(a.path("left")), parts);
            }
            case "decimal":
                if (a.isArray() && a.size() == 1 && a.get(0).path("Value").isTextual()) {
                    try {
                        return new Expr.Decimal(new BigDecimal(a.get(0).path("Value").asText()));
                    } catch (NumberFormatException bad) {
                        return other(key, e);
                    }
                }
                return other(key, e);
            case "==", "!=", "<", "<=", ">", ">=":
                return new Expr.Compare(Op.ofCedar(key).orElseThrow(), expr(a.path("left")), expr(a.path("right")));
            case "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual":
                if (a.isArray() && a.size() == 2) {
                    return new Expr.Compare(Op.ofCedar(key).orElseThrow(), expr(a.get(0)), expr(a.get(1)));
                }
                return other(key, e);
            default:
                return other(key, e);
        }
    }

    /**
     * An operator this view does not model: its operands are every expression directly under it (the
     * members of {@code {"left":..,"right":..}}, the elements of an argument array), in source order.
     */
    private static Expr other(String key, JsonNode e) {
        List<Expr> operands = new ArrayList<>();
        JsonNode a = e.get(key);
        if (a.isArray() || a.isObject()) {
            for (JsonNode child : a) {
                if (child.isObject()) {
                    operands.add(expr(child));
                }
            }
        }
        return new Expr.Other(key, operands, e.toString());
    }
}
