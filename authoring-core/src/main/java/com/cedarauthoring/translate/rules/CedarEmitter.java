package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.CedarSyntax;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes Cedar for a reading: the only writer of Cedar text in the rules translator. Stateless. */
final class CedarEmitter {
    private CedarEmitter() {}

    private static final Set<String> RESERVED = Set.of("true", "false", "if", "then", "else", "in", "is", "like", "has",
            "principal", "action", "resource", "context");

    /** One policy: effect, scope (resource always the generation's gateway), when and unless clauses. */
    static String policy(GatewaySchema schema, boolean forbid, boolean anyPrincipalType, ActionScope action,
                         List<Cond> when, Cond unless) {
        StringBuilder sb = new StringBuilder();
        sb.append(forbid ? "forbid" : "permit").append("(\n  ");
        sb.append(anyPrincipalType ? "principal" : "principal is " + schema.principalType()).append(",\n  ");
        sb.append(action(action)).append(",\n  ");
        sb.append("resource == AgentCore::Gateway::").append(string(schema.gatewayArn())).append("\n)");
        if (!when.isEmpty()) {
            sb.append("\nwhen {\n  ").append(cedar(Cond.and(when))).append("\n}");
        }
        if (unless != null) {
            sb.append("\nunless {\n  ").append(cedar(unless)).append("\n}");
        }
        return sb.append(';').toString();
    }

    static String action(ActionScope scope) {
        if (scope instanceof ActionScope.One o) {
            return "action == " + actionRef(o.tool().actionId());
        }
        if (scope instanceof ActionScope.AnyOf m) {
            return "action in [" + String.join(", ", m.tools().stream().map(t -> actionRef(t.actionId())).toList()) + "]";
        }
        if (scope instanceof ActionScope.Target t) {
            return "action in " + actionRef(t.name());
        }
        return "action";
    }

    private static String actionRef(String id) {
        return "AgentCore::Action::" + string(id);
    }

    /** Cedar for a condition tree, with minimal parentheses. */
    static String cedar(Cond c) {
        if (c instanceof Cond.Sourced s) {
            return cedar(s.inner());
        } else if (c instanceof Cond.Compare cmp) {
            return compare(cmp);
        } else if (c instanceof Cond.Like l) {
            return expr(l.attr()) + " like " + like(l.anyBefore(), l.text(), l.anyAfter());
        } else if (c instanceof Cond.OneOf o) {
            return list(o.values()) + ".contains(" + expr(o.attr()) + ")";
        } else if (c instanceof Cond.SetContains s) {
            return expr(s.attr()) + ".contains(" + literal(s.value()) + ")";
        } else if (c instanceof Cond.Has h) {
            return has(h.attr(), h.segment());
        } else if (c instanceof Cond.HasTag h) {
            return "principal.hasTag(" + string(h.claim()) + ")";
        } else if (c instanceof Cond.TagIs t) {
            return t.values().size() == 1
                    ? getTag(t.claim()) + " == " + string(t.values().get(0))
                    : "[" + String.join(", ", t.values().stream().map(CedarEmitter::string).toList()) + "].contains("
                    + getTag(t.claim()) + ")";
        } else if (c instanceof Cond.TagLike t) {
            return getTag(t.claim()) + " like " + like(true, t.text(), true);
        } else if (c instanceof Cond.Not n) {
            return "!(" + cedar(n.inner()) + ")";
        } else if (c instanceof Cond.And a) {
            return join(a.parts(), " && ", Cond.Or.class);
        } else if (c instanceof Cond.Or o) {
            // a guarded optional condition stays one unit inside a disjunction
            return join(o.parts(), " || ", Cond.And.class);
        }
        Cond.Guard g = (Cond.Guard) c;
        List<Cond> parts = new ArrayList<>(g.presence());
        parts.add(g.body());
        return "(" + join(parts, " && ", Cond.Or.class) + ")";
    }

    private static String join(List<Cond> parts, String operator, Class<? extends Cond> other) {
        StringBuilder sb = new StringBuilder();
        for (Cond c : parts) {
            if (sb.length() > 0) {
                sb.append(operator);
            }
            Cond u = Cond.unwrap(c);
            sb.append(other.isInstance(u) ? "(" + cedar(u) + ")" : cedar(u));
        }
        return sb.toString();
    }

    private static String compare(Cond.Compare c) {
        String e = expr(c.attr());
        if (c.value() instanceof Literal.Decimal d && c.op() != Op.EQ && c.op() != Op.NE) {
            String method = switch (c.op()) {
                case LT -> "lessThan";
                case LE -> "lessThanOrEqual";
                case GT -> "greaterThan";
                default -> "greaterThanOrEqual";
            };
            return e + "." + method + "(" + literal(d) + ")";
        }
        return e + " " + c.op().symbol + " " + literal(c.value());
    }

    static String literal(Literal l) {
        if (l instanceof Literal.Long n) {
            return Long.toString(n.value());
        } else if (l instanceof Literal.Decimal d) {
            BigDecimal v = d.value().stripTrailingZeros();
            return "decimal(\"" + (v.scale() <= 0 ? v.setScale(1).toPlainString() : v.toPlainString()) + "\")";
        } else if (l instanceof Literal.Str s) {
            return string(s.value());
        }
        return Boolean.toString(((Literal.Bool) l).value());
    }

    private static String list(List<Literal> values) {
        return "[" + String.join(", ", values.stream().map(CedarEmitter::literal).toList()) + "]";
    }

    static String expr(Attr a) {
        StringBuilder sb = new StringBuilder("context.input");
        for (String seg : a.path()) {
            sb.append(access(seg));
        }
        return sb.toString();
    }

    private static String has(Attr a, int segment) {
        StringBuilder prefix = new StringBuilder("context.input");
        for (int k = 0; k < segment; k++) {
            prefix.append(access(a.path().get(k)));
        }
        String seg = a.path().get(segment);
        return prefix + " has " + (isIdent(seg) ? seg : string(seg));
    }

    private static String access(String seg) {
        return isIdent(seg) ? "." + seg : "[" + string(seg) + "]";
    }

    private static boolean isIdent(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (char c : s.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '_') || c > 127) {
                return false;
            }
        }
        return !RESERVED.contains(s);
    }

    private static String getTag(String claim) {
        return "principal.getTag(" + string(claim) + ")";
    }

    private static String like(boolean before, String text, boolean after) {
        return "\"" + (before ? "*" : "") + CedarSyntax.escape(text).replace("*", "\\*") + (after ? "*" : "") + "\"";
    }

    static String string(String s) {
        return CedarSyntax.quote(s);
    }
}
