package com.cedarauthoring.translate.rules;

import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Numeric predicates: "under $500", "at or above 2,500", "500 or more", "between 2 and 8", "from 10 to 20".
 * The number's unit must fit the attribute (section 5): money binds only to money attributes, "10 kg" only to an
 * attribute that carries kilograms, and a named currency ("1000 USD") needs a currency attribute.
 */
final class Comparison extends PredicateForm {
    Comparison(Parse p, AttributeResolver attrs, PredicateParser predicates) {
        super(p, attrs, predicates);
    }

    /** "between X and Y", "from X to Y", "in the range (of) X to Y": inclusive, and AMBIGUOUS about it unless said. */
    Cond range(int ns, int ne, int q, int k, int e, boolean neg, int[] next) {
        boolean between = w(k, "between");
        boolean from = w(k, "from") && t.in(k + 1) && Atoms.isNumber(t.get(k + 1));
        boolean inRange = t.phrase(k, "in", "the", "range");
        if (!between && !from && !inRange) {
            return null;
        }
        int v = between || from ? k + 1 : k + 3;
        if (w(v, "of") || w(v, "from")) {
            v++;
        }
        Tok lo = numberAt(v);
        int sep = v + 1;
        int loUnit = -1;
        if (t.isAny(sep, Lexicon.UNITS.keySet()) && (w(sep + 1, "and") || w(sep + 1, "to"))) {
            loUnit = sep++;
        }
        boolean inclusiveWord = false;
        if (w(sep, "and") || w(sep, "to") || w(sep, "through") || w(sep, "thru") || w(sep, "-")) {
            inclusiveWord = w(sep, "through") || w(sep, "thru");
            sep++;
        } else if (t.phrase(sep, "up", "to", "and", "including")) {
            inclusiveWord = true;
            sep += 4;
        } else {
            throw predicates.leftover(v + 1, e);
        }
        Tok hi = numberAt(sep);
        int end = sep + 1;
        // "between 100 and 500 kg" with no noun: the unit names the attribute
        Attr byUnit = ns >= ne && t.isAny(end, Lexicon.UNITS.keySet()) ? attrs.unitNoun(List.of(t.get(end).lower())) : null;
        Attr a = byUnit != null ? byUnit : attrs.subject(ns, ne, lo, q);
        p.lastSubject = a;
        requireUnit(a, lo);
        requireUnit(a, hi);
        if (loUnit >= 0 && unitWord(a, loUnit, e) == loUnit) {
            throw predicates.leftover(loUnit, e);
        }
        end = unitWord(a, end, e);
        if (w(end, "inclusive") || t.phrase(end, "both", "inclusive")) {
            inclusiveWord = true;
            end += w(end, "both") ? 2 : 1;
        } else if (t.kind(end, Tok.Kind.LPAREN) && w(end + 1, "inclusive") && t.kind(end + 2, Tok.Kind.RPAREN)) {
            inclusiveWord = true;
            end += 3;
        }
        next[0] = end;
        if (!inclusiveWord) {
            p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_BETWEEN", "\"" + t.text(k, sep + 1)
                    + "\" does not say whether the bounds are included; read as inclusive (>= " + lo.text() + " and <= "
                    + hi.text() + "); exclusive bounds would use > and <", t.startOf(k), hi.end()));
        }
        Cond both = new Cond.And(List.of(Atoms.compare(a, Op.GE, lo), Atoms.compare(a, Op.LE, hi)));
        return neg ? Atoms.guardNot(a, both) : Atoms.guard(a, both);
    }

    /** A comparator phrase then a number; null when no comparator starts at {@code k}. */
    Cond compare(int ns, int ne, int q, int k, int e, boolean neg, int[] next) {
        String[] found = operator(t, k);
        if (found == null) {
            return bareNumber(ns, ne, q, k, e, neg, next);
        }
        int predStart = k;
        Op op = Op.of(found[1]);
        k += length(found);
        if (w(k, "of")) {
            k++;
        }
        if (k >= e || !t.in(k)) {
            throw predicates.leftover(predStart, e);
        }
        Tok num = t.get(k);
        if (!Atoms.isNumber(num)) {
            if (op == Op.EQ || op == Op.NE) {
                // "equals approved", "is equal to US", "other than EU"
                return null;
            }
            if (Lexicon.EVALUATIVE.contains(num.lower())) {
                throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + num.text() + "\" is not a number", num.start(), num.end());
            }
            throw predicates.leftover(predStart, e);
        }
        int[] unitEnd = new int[] {k + 1};
        Attr named = ns >= ne ? unitNoun(k + 1, e, unitEnd) : null;
        Attr a = named != null ? named : attrs.subject(ns, ne, num, q);
        p.lastSubject = a;
        k = named != null ? unitEnd[0] : unitWord(a, k + 1, e);
        requireUnit(a, num);
        String[] post = postfix(t, k);
        if (post != null) {
            op = op == Op.EQ ? Op.of(post[1]) : op;
            k += 2;
        }
        if (neg) {
            op = op.negate();
        }
        next[0] = k;
        return withCurrency(a, Atoms.guard(a, number(a, op, num)), num);
    }

    /** "refunds of 500 or less": a number with a postfix comparator and no comparator before it. */
    private Cond bareNumber(int ns, int ne, int q, int k, int e, boolean neg, int[] next) {
        if (!t.in(k) || k >= e || !Atoms.isNumber(t.get(k)) || ns < ne) {
            return null;
        }
        String[] post = postfix(t, k + 1);
        if (post == null) {
            return null;
        }
        Tok num = t.get(k);
        Attr a = attrs.subject(ns, ne, num, q);
        requireUnit(a, num);
        next[0] = k + 3;
        Op op = Op.of(post[1]);
        return withCurrency(a, Atoms.guard(a, number(a, neg ? op.negate() : op, num)), num);
    }

    /** {@code a op num}; "1.000" is 1000 or 1 (section 5): one reading each. */
    Cond number(Attr a, Op op, Tok num) {
        if (num.alternative() == null) {
            return Atoms.compare(a, op, num);
        }
        int pick = p.choices.pick(Choices.Kind.NUMBER, t.indexOf(num), 2);
        BigDecimal chosen = pick == 0 ? num.number() : num.alternative();
        BigDecimal other = pick == 0 ? num.alternative() : num.number();
        p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_NUMBER", "\"" + num.text() + "\" could be " + chosen.toPlainString()
                + " or " + other.toPlainString() + " (a separator used for thousands or for decimals); this reading uses "
                + chosen.toPlainString(), num.start(), num.end()));
        return Atoms.compare(a, op, num, chosen);
    }

    /** "less than 1000 USD": the currency attribute must say USD too; without one the amount's description must name it. */
    private Cond withCurrency(Attr a, Cond c, Tok num) {
        if (num.currency() == null) {
            return c;
        }
        String code = num.currency();
        for (Attr cur : attrs.commonAttrs()) {
            if (Stems.identifierWords(cur.leaf()).contains("currency")
                    && cur.attribute().type() instanceof com.cedarauthoring.cedar.CedarType.StringType) {
                ValueChecks.requireValue(cur, code, num);
                Cond is = Atoms.guard(cur, new Cond.Compare(cur, Op.EQ, new Literal.Str(ValueChecks.spelling(cur, code))));
                return new Cond.And(List.of(c, is));
            }
        }
        String lower = code.toLowerCase(Locale.ROOT);
        if (a.descWords().contains(lower) || (code.equals("USD") && a.descWords().stream().anyMatch(x -> x.startsWith("dollar")))) {
            return c;
        }
        throw new Untranslatable("UNIT_MISMATCH", "\"" + num.text() + "\" names the currency " + code + ", but the tool has no "
                + "currency input and " + a.key() + " does not say it is in " + code, num.start(), num.end());
    }

    /** Money binds only to money attributes; "10 kg" / "10%" only to attributes that carry the unit. */
    void requireUnit(Attr a, Tok num) {
        if (num.money() && !a.money()) {
            throw new Untranslatable("UNIT_MISMATCH", "\"" + num.text() + "\" is money, but " + a.key()
                    + " is not a money attribute (amount, price, cost, total ...)", num.start(), num.end());
        }
        if (num.unit() != null && !carriesUnit(a, num.unit())) {
            throw new Untranslatable("UNIT_MISMATCH", "\"" + num.text() + "\" is in " + num.unit() + ", but " + a.key()
                    + " does not say it holds " + num.unit(), num.start(), num.end());
        }
    }

    static boolean carriesUnit(Attr a, String unit) {
        Set<String> evidence = Lexicon.UNIT_EVIDENCE.getOrDefault(unit, Set.of(unit, unit + "s"));
        List<String> words = new ArrayList<>(a.nameWords());
        words.addAll(a.descWords());
        for (String x : words) {
            if (evidence.contains(x) || x.equals(unit) || x.equals(unit + "s")) {
                return true;
            }
        }
        return false;
    }

    /** A unit word after the number ("60 minutes"): it must be one the attribute carries. */
    private int unitWord(Attr a, int k, int e) {
        if (k >= e || !t.word(k) || predicates.isConnectorWord(k)) {
            return k;
        }
        String unit = Lexicon.UNITS.get(t.get(k).lower());
        if (unit != null) {
            if (!carriesUnit(a, unit)) {
                throw t.fail("UNIT_MISMATCH", "\"" + t.get(k).text() + "\" is a unit " + a.key() + " does not carry", k, k);
            }
            return k + 1;
        }
        String stem = Stems.stem(t.get(k).lower());
        return a.nameStems().contains(stem) || a.descStems().contains(stem) ? k + 1 : k;
    }

    /** "fewer than 5 passengers": the words after the number name a numeric attribute; {@code end[0]} is after them. */
    private Attr unitNoun(int k, int e, int[] end) {
        int j = k;
        List<String> words = new ArrayList<>();
        while (j < e && t.word(j) && !predicates.isConnectorWord(j) && j - k < 3) {
            words.addAll(Stems.identifierWords(t.get(j).text()));
            j++;
        }
        // the longest run of words that names an attribute, so no word is passed over
        for (int stop = j; stop > k; stop--) {
            List<String> ws = new ArrayList<>();
            for (int x = k; x < stop; x++) {
                ws.addAll(Stems.identifierWords(t.get(x).text()));
            }
            Attr a = attrs.unitNoun(ws);
            if (a != null) {
                end[0] = stop;
                return a;
            }
        }
        return null;
    }

    Tok numberAt(int k) {
        if (t.in(k) && Atoms.isNumber(t.get(k))) {
            return t.get(k);
        }
        throw t.fail("UNTRANSLATED_WORDS", "a number is expected", k, k);
    }

    // comparator phrases split into words once
    private static final String[][] COMPARATOR_WORDS = words(Lexicon.COMPARATORS);
    private static final String[][] POSTFIX_WORDS = words(Lexicon.POSTFIX);

    private static String[][] words(String[][] table) {
        String[][] out = new String[table.length][];
        for (int i = 0; i < table.length; i++) {
            out[i] = table[i][0].split(" ");
        }
        return out;
    }

    /** The comparator phrase at {@code k}: {words, operator}, or null. */
    static String[] operator(Tokens t, int k) {
        if (!t.in(k)) {
            return null;
        }
        for (int i = 0; i < COMPARATOR_WORDS.length; i++) {
            if (t.phrase(k, COMPARATOR_WORDS[i])) {
                return Lexicon.COMPARATORS[i];
            }
        }
        return null;
    }

    /** The number of words of a comparator phrase returned by {@link #operator}. */
    static int length(String[] comparator) {
        for (int i = 0; i < Lexicon.COMPARATORS.length; i++) {
            if (Lexicon.COMPARATORS[i] == comparator) {
                return COMPARATOR_WORDS[i].length;
            }
        }
        return comparator[0].split(" ").length;
    }

    /** "or more", "and below" after a number (not "or more than 5", a new comparison). */
    static String[] postfix(Tokens t, int k) {
        if (!(t.is(k, "or") || t.is(k, "and") || t.is(k, "at"))) {
            return null;
        }
        for (int i = 0; i < POSTFIX_WORDS.length; i++) {
            if (t.phrase(k, POSTFIX_WORDS[i]) && !(t.kind(k + 2, Tok.Kind.NUMBER) || t.is(k + 2, "than"))) {
                return Lexicon.POSTFIX[i];
            }
        }
        return null;
    }
}
