package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import java.util.List;

/**
 * One predicate on a subject noun phrase ({@code ns..ne}) starting at {@code q}: the copula and negation
 * ("is", "isn't", "must not be", "does not"), then the first form that accepts the words: presence, range
 * ("between", "from X to Y"), comparison, text match, or a value ({@link ValuePredicate}).
 */
final class PredicateParser {
    private final Parse p;
    private final Tokens t;
    private final AttributeResolver attrs;
    private final Comparison comparison;
    private final ValuePredicate values;

    PredicateParser(Parse p, AttributeResolver attrs) {
        this.p = p;
        this.t = p.t;
        this.attrs = attrs;
        this.comparison = new Comparison(p, attrs, this);
        this.values = new ValuePredicate(p, attrs, this);
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    /** The negation and copula read before the predicate proper. */
    record Head(int at, boolean neg, boolean copula) {}

    private Head head(int q) {
        int k = q;
        boolean neg = false;
        boolean copula = false;
        if (t.isAny(k, Lexicon.COPULA)) {
            copula = true;
            k++;
        } else if (w(k, "isn't") || w(k, "aren't") || w(k, "wasn't") || w(k, "weren't")) {
            copula = true;
            neg = true;
            k++;
        } else if (w(k, "must") || w(k, "should")) {
            k++;
            if (w(k, "not")) {
                neg = true;
                k++;
            }
            if (w(k, "be")) {
                copula = true;
                k++;
            }
        }
        if (w(k, "has") || w(k, "have")) {
            if (w(k + 1, "been")) {
                k += 2;
                copula = true;
            } else if (w(k + 1, "not") && w(k + 2, "been")) {
                k += 3;
                copula = true;
                neg = true;
            }
        }
        if (w(k, "does") || w(k, "do")) {
            if (w(k + 1, "not")) {
                neg = true;
                k += 2;
            }
        } else if (w(k, "doesn't") || w(k, "don't") || w(k, "hasn't") || w(k, "haven't")) {
            neg = true;
            k++;
            if (w(k, "been")) {
                k++;
            }
        }
        if (w(k, "not") || w(k, "never")) {
            neg = !neg;
            k++;
        }
        if (w(k, "been")) {
            k++;
        }
        return new Head(k, neg, copula);
    }

    Cond predicate(int ns, int ne, int q, int e, int[] next) {
        Head h = head(q);
        int k = h.at();
        boolean neg = h.neg();
        // presence
        if (k < e && t.isAny(k, Lexicon.PRESENT)) {
            Attr a = attrs.subject(ns, ne, null, q);
            next[0] = k + 1;
            return neg ? new Cond.Not(Atoms.presence(a)) : Atoms.presence(a);
        }
        if (k < e && t.isAny(k, Lexicon.ABSENT)) {
            Attr a = attrs.subject(ns, ne, null, q);
            next[0] = k + 1;
            return neg ? Atoms.presence(a) : new Cond.Not(Atoms.presence(a));
        }
        if (w(k, "exists") || w(k, "exist")) {
            Attr a = attrs.subject(ns, ne, null, q);
            next[0] = k + 1;
            return neg ? new Cond.Not(Atoms.presence(a)) : Atoms.presence(a);
        }
        Cond range = comparison.range(ns, ne, q, k, e, neg, next);
        if (range != null) {
            return range;
        }
        String[] op = Comparison.operator(t, k);
        int opEnd = op == null ? k : k + Comparison.length(op);
        if (op != null && (op[1].equals("==") || op[1].equals("!=")) && t.in(opEnd) && !Atoms.isNumber(t.get(opEnd))) {
            // "equals approved", "is equal to US", "is other than EU"
            int v = opEnd;
            Attr a = attrs.subject(ns, ne, valueTokOrNull(v, e), q);
            return values.values(a, neg ^ op[1].equals("!="), v, e, next, ns);
        }
        Cond compared = comparison.compare(ns, ne, q, k, e, neg, next);
        if (compared != null) {
            return compared;
        }
        Cond text = textMatch(ns, ne, q, k, e, neg, next);
        if (text != null) {
            return text;
        }
        if (!h.copula()) {
            return values.withoutCopula(ns, ne, q, k, e, neg, next);
        }
        return values.afterCopula(ns, ne, q, k, e, neg, next);
    }

    /** "contains X", "starts with X", "ends with X", "matches X"; on a set attribute "contains" is membership. */
    private Cond textMatch(int ns, int ne, int q, int k, int e, boolean neg, int[] next) {
        if (w(k, "contains") || w(k, "contain") || w(k, "includes") || w(k, "include") || w(k, "containing")
                || w(k, "including") || w(k, "matches") || w(k, "match")) {
            boolean containsOp = !(w(k, "matches") || w(k, "match"));
            Tok v = valueTok(k + 1, e);
            Attr a = attrs.subject(ns, ne, v, q);
            next[0] = k + 2;
            Cond c;
            if (a.attribute().type() instanceof CedarType.SetType set) {
                c = new Cond.SetContains(a, Atoms.element(v, set.element()));
            } else {
                requireString(a, v);
                c = new Cond.Like(a, containsOp, v.text(), containsOp);
            }
            return neg ? Atoms.guardNot(a, c) : Atoms.guard(a, c);
        }
        boolean starts = (w(k, "starts") || w(k, "start") || w(k, "begins") || w(k, "begin") || w(k, "starting")
                || w(k, "beginning")) && w(k + 1, "with");
        boolean ends = (w(k, "ends") || w(k, "end") || w(k, "ending")) && w(k + 1, "with");
        if (starts || ends) {
            Tok v = valueTok(k + 2, e);
            Attr a = attrs.subject(ns, ne, v, q);
            requireString(a, v);
            next[0] = k + 3;
            Cond c = new Cond.Like(a, !starts, v.text(), starts);
            return neg ? Atoms.guardNot(a, c) : Atoms.guard(a, c);
        }
        return null;
    }

    Untranslatable leftover(int i, int e) {
        e = Math.min(e, t.size());
        if (i >= e) {
            i = Math.max(0, e - 1);
        }
        for (int k = i; k < e; k++) {
            if (Lexicon.EVALUATIVE.contains(t.get(k).lower())) {
                return t.fail("SUBJECTIVE_CONDITION", "\"" + t.get(k).text() + "\" is subjective; state a precise, testable condition", k, k);
            }
        }
        return t.fail("UNTRANSLATED_WORDS", "could not translate \"" + t.text(i, e) + "\"; no condition was dropped or guessed",
                i, e - 1);
    }

    boolean isConnectorWord(int k) {
        return t.isAny(k, Lexicon.AND_WORDS) || t.isAny(k, Lexicon.OR_WORDS) || w(k, "unless") || w(k, "when")
                || w(k, "if") || w(k, "nor") || w(k, "for") || w(k, "by") || w(k, "except");
    }

    boolean isPredicateStart(int k) {
        Tok x = t.get(k);
        if (x.kind() != Tok.Kind.WORD) {
            return true;
        }
        if (!Lexicon.PREDICATE_START.contains(x.lower())) {
            return x.isAny(Lexicon.PRESENT) && (!t.word(k + 1) || t.isAny(k + 1, Lexicon.AND_WORDS) || t.isAny(k + 1, Lexicon.OR_WORDS));
        }
        if (x.is("at")) {
            return w(k + 1, "least") || w(k + 1, "most") || w(k + 1, "or");
        }
        if (x.is("up")) {
            return w(k + 1, "to");
        }
        if (x.is("less") || x.is("more") || x.is("greater") || x.is("fewer") || x.is("lower") || x.is("higher")
                || x.is("larger") || x.is("smaller")) {
            return w(k + 1, "than");
        }
        if (x.is("end") || x.is("start") || x.is("begin")) {
            return w(k + 1, "with");
        }
        if (x.is("from")) {
            return t.in(k + 1) && Atoms.isNumber(t.get(k + 1));
        }
        if (x.is("other")) {
            return w(k + 1, "than");
        }
        if (x.is("no")) {
            return Comparison.operator(t, k) != null;
        }
        return true;
    }

    Tok valueTok(int k, int e) {
        Tok v = valueTokOrNull(k, e);
        if (v == null) {
            throw t.fail("UNTRANSLATED_WORDS", "a value is missing", k, k);
        }
        return v;
    }

    Tok valueTokOrNull(int k, int e) {
        if (k >= e || !t.in(k)) {
            return null;
        }
        Tok v = t.get(k);
        return v.kind() == Tok.Kind.WORD || v.kind() == Tok.Kind.QUOTED || v.kind() == Tok.Kind.NUMBER ? v : null;
    }

    void requireString(Attr a, Tok v) {
        if (!(a.attribute().type() instanceof CedarType.StringType)) {
            throw new Untranslatable("UNSUPPORTED_CONSTRUCT", a.key() + " is " + a.attribute().type().cedarSyntax()
                    + ", not a string: a text pattern does not apply", v.start(), v.end());
        }
    }

}
