package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicates that state a value: "is US", "is US, CA, or UK", "is neither A nor B", "is eligible" (a Bool
 * adjective), "in prod" (a value of exactly one enum attribute), "with a reason" (presence). Values are
 * checked by {@link ValueChecks}: enum membership, no evaluative words.
 */
final class ValuePredicate extends PredicateForm {
    ValuePredicate(Parse p, AttributeResolver attrs, PredicateParser predicates) {
        super(p, attrs, predicates);
    }

    /** No copula: "with a reason", "in prod", "with express shipping requested". */
    Cond withoutCopula(int ns, int ne, int q, int k, int e, boolean neg, int[] next) {
        boolean nothingAfter = k >= e || !t.word(k) || predicates.isConnectorWord(k);
        if (k == q && ns > 0 && (w(ns - 1, "a") || w(ns - 1, "an")) && ne > ns && nothingAfter) {
            // "with a reason": the attribute is present
            next[0] = ne;
            return Atoms.presence(attrs.subject(ns, ne, null, q));
        }
        if (k == q && ne > ns && nothingAfter) {
            // "in prod": a value of exactly one enum attribute
            int vs = ns;
            while (vs < ne && (w(vs, "in") || w(vs, "on") || w(vs, "the") || w(vs, "for"))) {
                vs++;
            }
            if (vs == ne - 1) {
                String v = t.get(vs).text();
                List<Attr> fits = attrs.commonAttrs().stream().filter(x -> x.attribute().enumValues().contains(v)).toList();
                if (fits.size() == 1) {
                    next[0] = ne;
                    p.lastSubject = fits.get(0);
                    return Atoms.guard(fits.get(0), new Cond.Compare(fits.get(0), Op.EQ, new Literal.Str(v)));
                }
            }
        }
        if (k == q && ne - ns >= 2 && (t.isAny(ne - 1, Lexicon.TRUE_WORDS) || t.isAny(ne - 1, Lexicon.PRESENT)
                || t.isAny(ne - 1, Lexicon.FALSE_WORDS))) {
            // "with express shipping requested", "with a reason provided"
            Attr b = attrs.boolFor(ns, ne - 1, t.get(ne - 1).lower());
            next[0] = ne;
            if (b != null) {
                return Atoms.guard(b, new Cond.Compare(b, Op.EQ, new Literal.Bool(!t.isAny(ne - 1, Lexicon.FALSE_WORDS))));
            }
            if (t.isAny(ne - 1, Lexicon.PRESENT)) {
                return Atoms.presence(attrs.subject(ns, ne - 1, null, q));
            }
        }
        throw predicates.leftover(ns < ne ? ns : k, e);
    }

    /** After the copula: "one of", "in", "neither", "either", a Bool adjective, or a value list. */
    Cond afterCopula(int ns, int ne, int q, int k, int e, boolean neg, int[] next) {
        if ((w(k, "one") || w(k, "any")) && w(k + 1, "of")) {
            k += 2;
        } else if (w(k, "in") && !w(k + 1, "the")) {
            k += 1;
        } else if (w(k, "neither")) {
            Attr a = attrs.subject(ns, ne, predicates.valueTokOrNull(k + 1, e), q);
            return values(a, true, k + 1, e, next, ns);
        } else if (w(k, "either")) {
            k++;
        }
        if (k >= e) {
            throw predicates.leftover(ns, e);
        }
        // "the product is eligible", "express shipping is requested"
        Tok v = t.get(k);
        if (v.kind() == Tok.Kind.WORD && !isListContinuation(k + 1, e)) {
            Cond b = boolAdjective(ns, ne, k, neg, next);
            if (b != null) {
                return b;
            }
        }
        Attr a = attrs.subject(ns, ne, v, q);
        return values(a, neg, k, e, next, ns);
    }

    /** "is eligible", "is ineligible" / "non-compliant" (the negation of a Bool adjective). */
    private Cond boolAdjective(int ns, int ne, int k, boolean neg, int[] next) {
        Tok v = t.get(k);
        Attr boolAttr = attrs.boolFor(ns, ne, v.lower());
        boolean negatedAdjective = false;
        if (boolAttr == null) {
            for (String prefix : List.of("non-", "non", "un", "in", "im", "dis")) {
                if (v.lower().startsWith(prefix) && v.lower().length() > prefix.length() + 3) {
                    boolAttr = attrs.boolFor(ns, ne, v.lower().substring(prefix.length()));
                    if (boolAttr != null) {
                        negatedAdjective = true;
                        break;
                    }
                }
            }
        }
        if (boolAttr == null) {
            return null;
        }
        next[0] = k + 1;
        boolean value = !Lexicon.FALSE_WORDS.contains(v.lower()) ^ neg ^ negatedAdjective;
        return Atoms.guard(boolAttr, new Cond.Compare(boolAttr, Op.EQ, new Literal.Bool(value)));
    }

    private boolean isListContinuation(int k, int e) {
        return k < e && (w(k, "or") || w(k, "nor") || t.kind(k, Tok.Kind.COMMA)) && k + 1 < e
                && (isValueTok(k + 1) || w(k + 1, "or")) && !(k + 2 < e && t.word(k + 2) && (w(k + 2, "is") || w(k + 2, "are")));
    }

    private boolean isValueTok(int c) {
        if (!t.in(c)) {
            return false;
        }
        Tok x = t.get(c);
        if (x.kind() == Tok.Kind.QUOTED || x.kind() == Tok.Kind.NUMBER) {
            return true;
        }
        return x.kind() == Tok.Kind.WORD && !Lexicon.STOP.contains(x.lower())
                && !java.util.Set.of("can", "may", "cannot", "must", "when", "if", "unless", "who", "should").contains(x.lower());
    }

    /** "is US", "is US, CA, or UK", "is not EU", "is neither A nor B" (neg), numbers "is 2". */
    Cond values(Attr a, boolean neg, int k, int e, int[] next, int ns) {
        List<Tok> vals = new ArrayList<>();
        vals.add(predicates.valueTok(k, e));
        k++;
        while (k < e) {
            if (Comparison.postfix(t, k) != null) {
                break;
            }
            if ((w(k, "or") || w(k, "nor") || w(k, "and/or")) && k + 1 < e && isValueTok(k + 1) && !startsClause(k + 1, e)) {
                vals.add(t.get(k + 1));
                k += 2;
            } else if (t.kind(k, Tok.Kind.COMMA) && (w(k + 1, "or") || w(k + 1, "nor")) && k + 2 < e && isValueTok(k + 2)
                    && !startsClause(k + 2, e)) {
                vals.add(t.get(k + 2));
                k += 3;
            } else if (t.kind(k, Tok.Kind.COMMA) && k + 1 < e && isValueTok(k + 1) && !startsClause(k + 1, e)
                    && (k + 2 >= e || w(k + 2, "or") || w(k + 2, "nor") || t.kind(k + 2, Tok.Kind.COMMA))) {
                vals.add(t.get(k + 1));
                k += 2;
            } else {
                break;
            }
        }
        // a number followed by "or more" etc. is a comparison
        if (vals.size() == 1 && vals.get(0).kind() == Tok.Kind.NUMBER) {
            String[] post = Comparison.postfix(t, k);
            if (post != null) {
                next[0] = k + 2;
                Op op = Op.of(post[1]);
                return Atoms.guard(a, Atoms.compare(a, neg ? op.negate() : op, vals.get(0)));
            }
        }
        next[0] = k;
        CedarType type = a.attribute().type();
        if (a.numeric()) {
            return numbers(a, neg, vals);
        }
        if (type instanceof CedarType.BoolType) {
            Tok v = vals.get(0);
            boolean value;
            if (Lexicon.TRUE_WORDS.contains(v.lower())) {
                value = true;
            } else if (Lexicon.FALSE_WORDS.contains(v.lower())) {
                value = false;
            } else {
                throw new Untranslatable("UNTRANSLATED_WORDS", "\"" + v.text() + "\" is not true or false for " + a.key(),
                        v.start(), v.end());
            }
            return Atoms.guard(a, new Cond.Compare(a, Op.EQ, new Literal.Bool(neg != value)));
        }
        if (!(type instanceof CedarType.StringType)) {
            if (type instanceof CedarType.SetType st && vals.size() == 1) {
                Cond c = new Cond.SetContains(a, Atoms.element(vals.get(0), st.element()));
                return neg ? Atoms.guardNot(a, c) : Atoms.guard(a, c);
            }
            throw new Untranslatable("UNSUPPORTED_CONSTRUCT", a.key() + " is a " + type.cedarSyntax()
                    + "; only comparisons on strings, numbers and booleans are supported", t.startOf(ns), vals.get(0).end());
        }
        List<String> texts = new ArrayList<>();
        for (Tok v : vals) {
            if (v.kind() == Tok.Kind.WORD || v.kind() == Tok.Kind.NUMBER) {
                ValueChecks.requireValue(a, v.text(), v);
            }
            texts.add(ValueChecks.spelling(a, v.text()));
        }
        if (vals.size() == 1 && vals.get(0).kind() == Tok.Kind.WORD && a.attribute().enumValues().isEmpty()) {
            // "the reason is wrong item": a value of several plain words, up to the next connective
            int j = next[0];
            StringBuilder sb = new StringBuilder(vals.get(0).text());
            while (j < e && j - next[0] < 3 && t.word(j) && !predicates.isConnectorWord(j) && !predicates.isPredicateStart(j)
                    && !Lexicon.STOP.contains(t.get(j).lower()) && !Lexicon.COND_MARKERS.contains(t.get(j).lower())
                    && !Lexicon.EVALUATIVE.contains(t.get(j).lower()) && plainWord(t.get(j).text())) {
                sb.append(' ').append(t.get(j).text());
                j++;
            }
            if (j > next[0] && (j >= e || predicates.isConnectorWord(j) || !t.word(j))) {
                texts.set(0, sb.toString());
                next[0] = j;
            }
        }
        if (texts.size() == 1) {
            return Atoms.guard(a, new Cond.Compare(a, neg ? Op.NE : Op.EQ, new Literal.Str(texts.get(0))));
        }
        Cond c = new Cond.OneOf(a, texts.stream().map(x -> (Literal) new Literal.Str(x)).toList());
        return neg ? Atoms.guardNot(a, c) : Atoms.guard(a, c);
    }

    private Cond numbers(Attr a, boolean neg, List<Tok> vals) {
        for (Tok v : vals) {
            if (!Atoms.isNumber(v)) {
                if (Lexicon.EVALUATIVE.contains(v.lower())) {
                    throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + v.text() + "\" is subjective; "
                            + a.key() + " needs a precise number", v.start(), v.end());
                }
                throw new Untranslatable("UNTRANSLATED_WORDS", "\"" + v.text() + "\" is not a number for " + a.key(),
                        v.start(), v.end());
            }
            if (v.money() && !a.money()) {
                throw new Untranslatable("UNIT_MISMATCH", "\"" + v.text() + "\" is money, but " + a.key()
                        + " is not a money attribute", v.start(), v.end());
            }
        }
        if (vals.size() == 1) {
            return Atoms.guard(a, Atoms.compare(a, neg ? Op.NE : Op.EQ, vals.get(0)));
        }
        List<Cond> eqs = new ArrayList<>();
        for (Tok v : vals) {
            eqs.add(Atoms.compare(a, Op.EQ, v));
        }
        Cond any = Cond.or(eqs);
        return neg ? Atoms.guardNot(a, any) : Atoms.guard(a, any);
    }

    private static boolean plainWord(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!Character.isDigit(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return letter;
    }

    /** A new clause ("the region is", "product is eligible") rather than another value. */
    private boolean startsClause(int k, int e) {
        if (t.isAny(k, Lexicon.DETERMINERS) && !(w(k, "requested") || w(k, "given") || w(k, "specified"))) {
            return true;
        }
        int j = k;
        while (j < e && t.word(j) && !predicates.isPredicateStart(j) && !w(j, "and") && !w(j, "or")) {
            j++;
        }
        return j < e && j > k && t.word(j) && predicates.isPredicateStart(j) && !w(j, "and") && !w(j, "or");
    }
}
