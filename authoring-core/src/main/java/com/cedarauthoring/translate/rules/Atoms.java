package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds typed condition atoms for an attribute: values checked against its type (no rounding, Cedar ranges),
 * presence guards for optional path segments (cedar-conventions.md section 2). Writes no Cedar.
 */
final class Atoms {
    private Atoms() {}

    private static final BigDecimal DECIMAL_MAX = new BigDecimal("922337203685477");

    /** {@code a op v} with {@code v} a number token (or number word); typed by the attribute. */
    static Cond compare(Attr a, Op op, Tok v) {
        return compare(a, op, v, numberOf(v));
    }

    static Cond compare(Attr a, Op op, Tok v, BigDecimal n) {
        CedarType type = a.attribute().type();
        if (type instanceof CedarType.LongType) {
            if (n.stripTrailingZeros().scale() > 0) {
                throw new Untranslatable("FRACTIONAL_ON_LONG", a.key() + " is an integer (Long) but " + v.text()
                        + " has a fraction; it is not rounded", v.start(), v.end());
            }
            try {
                return new Cond.Compare(a, op, new Literal.Long(n.longValueExact()));
            } catch (ArithmeticException ex) {
                throw new Untranslatable("UNSUPPORTED_CONSTRUCT", v.text() + " does not fit a Cedar Long", v.start(), v.end());
            }
        }
        if (type instanceof CedarType.DecimalType) {
            BigDecimal d = n.stripTrailingZeros();
            if (d.scale() > 4) {
                throw new Untranslatable("UNSUPPORTED_CONSTRUCT", v.text() + " has more than 4 decimal places (Cedar decimal)",
                        v.start(), v.end());
            }
            if (d.abs().compareTo(DECIMAL_MAX) > 0) {
                throw new Untranslatable("UNSUPPORTED_CONSTRUCT", v.text() + " does not fit a Cedar decimal", v.start(), v.end());
            }
            return new Cond.Compare(a, op, new Literal.Decimal(d));
        }
        if (type instanceof CedarType.StringType && (op == Op.EQ || op == Op.NE)) {
            return new Cond.Compare(a, op, new Literal.Str(v.text()));
        }
        throw new Untranslatable("UNSUPPORTED_CONSTRUCT", a.key() + " is " + type.cedarSyntax() + ", not a number",
                v.start(), v.end());
    }

    static BigDecimal numberOf(Tok v) {
        return v.kind() == Tok.Kind.NUMBER ? v.number() : BigDecimal.valueOf(Lexicon.NUMBER_WORDS.getOrDefault(v.lower(), -1L));
    }

    static boolean isNumber(Tok v) {
        return v.kind() == Tok.Kind.NUMBER || (v.kind() == Tok.Kind.WORD && Lexicon.NUMBER_WORDS.containsKey(v.lower()));
    }

    /** An element of a set attribute. */
    static Literal element(Tok v, CedarType element) {
        if (element instanceof CedarType.LongType && v.kind() == Tok.Kind.NUMBER) {
            return new Literal.Long(v.number().longValueExact());
        }
        return new Literal.Str(v.text());
    }

    /** {@code has} tests for every optional segment of the path (outermost first). */
    static List<Cond> guards(Attr a) {
        List<Cond> g = new ArrayList<>();
        for (int k = 0; k < a.path().size(); k++) {
            if (a.optional().get(k)) {
                g.add(new Cond.Has(a, k));
            }
        }
        return g;
    }

    static Cond guard(Attr a, Cond c) {
        List<Cond> g = guards(a);
        return g.isEmpty() ? c : new Cond.Guard(g, c);
    }

    /** A negated condition on an optional attribute still requires its presence (conventions section 2). */
    static Cond guardNot(Attr a, Cond c) {
        return guard(a, new Cond.Not(c));
    }

    /** The attribute is present: its optional parents and itself. */
    static Cond presence(Attr a) {
        List<Cond> parts = new ArrayList<>();
        for (int k = 0; k < a.path().size(); k++) {
            if (a.optional().get(k) || k == a.path().size() - 1) {
                parts.add(new Cond.Has(a, k));
            }
        }
        return Cond.and(parts);
    }

    /** A claim test guarded by {@code hasTag} in the same conjunction (section 2). */
    static Cond tag(String claim, List<String> values, boolean like) {
        Cond test;
        if (like) {
            List<Cond> ors = new ArrayList<>();
            for (String v : values) {
                ors.add(new Cond.TagLike(claim, v));
            }
            test = Cond.or(ors);
        } else {
            test = new Cond.TagIs(claim, values);
        }
        return new Cond.And(List.of(new Cond.HasTag(claim), test));
    }

    /** {@code hasTag(c) && !(test)}: "whose role is not X". */
    static Cond tagNot(String claim, Cond guardedTest) {
        Cond inner = guardedTest instanceof Cond.And a && a.parts().size() == 2 ? a.parts().get(1) : guardedTest;
        return new Cond.And(List.of(new Cond.HasTag(claim), new Cond.Not(inner)));
    }
}
