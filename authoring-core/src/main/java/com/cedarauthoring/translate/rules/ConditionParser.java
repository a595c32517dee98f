package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A condition expression: clauses joined by and/or, commas and parentheses (section 3 "combining"). A comma
 * closes groups; "A or B and C" without grouping gives one reading per grouping (AMBIGUOUS_GROUPING).
 * Each clause is one predicate (or coordinated subjects sharing one) read by {@link PredicateParser}.
 */
final class ConditionParser {
    private final Parse p;
    private final Tokens t;
    private final PrincipalParser principals;
    private final PredicateParser predicates;
    private final AttributeResolver attrs;

    ConditionParser(Parse p, PrincipalParser principals, AttributeResolver attrs) {
        this.p = p;
        this.t = p.t;
        this.principals = principals;
        this.attrs = attrs;
        this.predicates = new PredicateParser(p, attrs);
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    private sealed interface Item permits CondItem, ConnItem {}

    private record CondItem(Cond cond) implements Item {}

    /** and = true for &&; comma = the connector came with a comma (closes groups); explicit = a word was written. */
    private record ConnItem(boolean and, boolean comma, boolean explicit) implements Item {}

    /** Parses tokens {@code s..e}; one Cond per reading (several when and/or grouping is ambiguous). */
    List<Cond> expression(int s, int e) {
        if (s >= e) {
            throw t.fail("UNTRANSLATED_WORDS", "an empty condition", s, s);
        }
        if (p.tools.isEmpty()) {
            p.tools = p.index.tools;
        }
        List<Item> items = new ArrayList<>();
        int i = s;
        boolean expectCond = true;
        while (i < e) {
            if (expectCond) {
                if (w(i, "either") || w(i, "both")) {
                    t.consume(i, i + 1);
                    i++;
                    continue;
                }
                if (t.kind(i, Tok.Kind.LPAREN)) {
                    int close = matching(i, e);
                    List<Cond> inner = expression(i + 1, close);
                    items.add(new CondItem(inner.get(0)));
                    if (inner.size() > 1) {
                        groupingNote(i, close + 1, inner);
                    }
                    i = close + 1;
                } else {
                    int[] next = new int[1];
                    Cond c = clause(i, e, next);
                    t.consume(i, next[0]);
                    items.add(new CondItem(new Cond.Sourced(c, t.startOf(i), t.endOf(next[0] - 1))));
                    i = next[0];
                }
                expectCond = false;
            } else {
                boolean comma = false;
                int cs = i;
                if (t.kind(i, Tok.Kind.COMMA)) {
                    comma = true;
                    i++;
                }
                if (i < e && (t.isAny(i, Lexicon.AND_WORDS) || t.phrase(i, "as", "well", "as"))) {
                    int skip = w(i, "as") ? 3 : 1;
                    if (w(i, "and") && (w(i + 1, "also") || w(i + 1, "additionally"))) {
                        skip = 2;
                    }
                    items.add(new ConnItem(true, comma, true));
                    i += skip;
                } else if (i < e && t.isAny(i, Lexicon.OR_WORDS)) {
                    items.add(new ConnItem(false, comma, true));
                    i += (w(i, "or") && (w(i + 1, "else") || w(i + 1, "alternatively"))) ? 2 : 1;
                } else if (comma && i < e) {
                    items.add(new ConnItem(true, true, false));
                } else {
                    throw leftover(i, e);
                }
                t.consume(cs, i);
                expectCond = true;
            }
        }
        if (expectCond) {
            throw t.fail("UNTRANSLATED_WORDS", "the condition ends with a connective", e - 1, e - 1);
        }
        return group(items, s, e);
    }

    Untranslatable leftover(int i, int e) {
        return predicates.leftover(i, e);
    }

    private int matching(int open, int e) {
        int depth = 0;
        for (int k = open; k < e; k++) {
            if (t.kind(k, Tok.Kind.LPAREN)) {
                depth++;
            } else if (t.kind(k, Tok.Kind.RPAREN) && --depth == 0) {
                t.consume(open, open + 1);
                t.consume(k, k + 1);
                return k;
            }
        }
        throw t.fail("UNTRANSLATED_WORDS", "unbalanced parenthesis", open, open);
    }

    private void groupingNote(int a, int b, List<Cond> readings) {
        p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_GROUPING", "\"and\" and \"or\" are mixed without grouping; "
                + readings.size() + " readings: " + String.join("  |  ", readings.stream().map(CedarEmitter::cedar).toList()),
                t.startOf(a), t.endOf(b - 1)));
    }

    /** Comma connectors close groups; a bare comma takes the type of the next connector ("A, B, and C"). */
    private List<Cond> group(List<Item> items, int s, int e) {
        List<Item> res = new ArrayList<>(items);
        for (int k = 0; k < res.size(); k++) {
            if (res.get(k) instanceof ConnItem c && !c.explicit()) {
                Boolean type = null;
                for (int j = k + 1; j < res.size(); j++) {
                    if (res.get(j) instanceof ConnItem d && d.explicit()) {
                        type = d.and();
                        res.set(j, new ConnItem(d.and(), false, true));
                        break;
                    }
                }
                res.set(k, new ConnItem(type == null || type, false, true));
            }
        }
        List<List<Item>> segments = new ArrayList<>();
        List<ConnItem> commaConns = new ArrayList<>();
        List<Item> cur = new ArrayList<>();
        for (Item it : res) {
            if (it instanceof ConnItem c && c.comma()) {
                segments.add(cur);
                commaConns.add(c);
                cur = new ArrayList<>();
            } else {
                cur.add(it);
            }
        }
        segments.add(cur);
        List<List<Cond>> segReadings = new ArrayList<>();
        for (List<Item> seg : segments) {
            segReadings.add(flatReadings(seg));
        }
        int multiAt = -1;
        for (int k = 0; k < segReadings.size(); k++) {
            if (segReadings.get(k).size() > 1) {
                multiAt = k;
                break;
            }
        }
        int count = multiAt < 0 ? 1 : segReadings.get(multiAt).size();
        List<Cond> out = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Cond acc = segReadings.get(0).get(multiAt == 0 ? r : 0);
            for (int k = 1; k < segReadings.size(); k++) {
                Cond next = segReadings.get(k).get(multiAt == k ? r : 0);
                acc = commaConns.get(k - 1).and() ? new Cond.And(List.of(acc, next)) : new Cond.Or(List.of(acc, next));
            }
            out.add(acc);
        }
        if (out.size() > 1) {
            groupingNote(s, e, out);
        }
        return out;
    }

    /** Readings of one comma-free segment: conventional precedence ("and" binds tighter), left to right, right to left. */
    private List<Cond> flatReadings(List<Item> seg) {
        List<Cond> conds = new ArrayList<>();
        List<Boolean> ops = new ArrayList<>();
        for (Item it : seg) {
            if (it instanceof CondItem c) {
                conds.add(c.cond());
            } else {
                ops.add(((ConnItem) it).and());
            }
        }
        boolean hasAnd = ops.contains(true);
        boolean hasOr = ops.contains(false);
        if (!(hasAnd && hasOr)) {
            return List.of(hasOr ? Cond.or(conds) : Cond.and(conds));
        }
        Cond left = conds.get(0);
        for (int k = 0; k < ops.size(); k++) {
            left = ops.get(k) ? new Cond.And(List.of(left, conds.get(k + 1))) : new Cond.Or(List.of(left, conds.get(k + 1)));
        }
        List<Cond> disj = new ArrayList<>();
        List<Cond> conj = new ArrayList<>(List.of(conds.get(0)));
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k)) {
                conj.add(conds.get(k + 1));
            } else {
                disj.add(Cond.and(conj));
                conj = new ArrayList<>(List.of(conds.get(k + 1)));
            }
        }
        disj.add(Cond.and(conj));
        Cond prec = Cond.or(disj);
        Cond right = conds.get(conds.size() - 1);
        for (int k = ops.size() - 1; k >= 0; k--) {
            right = ops.get(k) ? new Cond.And(List.of(conds.get(k), right)) : new Cond.Or(List.of(conds.get(k), right));
        }
        List<Cond> out = new ArrayList<>();
        for (Cond c : List.of(prec, left, right)) {
            String text = CedarEmitter.cedar(c);
            if (out.stream().noneMatch(o -> CedarEmitter.cedar(o).equals(text))) {
                out.add(c);
            }
        }
        return out;
    }

    /** One condition: [determiner] subject predicate; subjects may be coordinated ("a description and priority are provided"). */
    private Cond clause(int i, int e, int[] next) {
        if (principalClauseAt(i)) {
            List<Cond> pc = new ArrayList<>();
            int end = principals.parse(i, pc);
            if (end > i && !pc.isEmpty()) {
                next[0] = end;
                return Cond.and(pc);
            }
        }
        boolean noSubject = false;
        if (w(i, "there") && (w(i + 1, "is") || w(i + 1, "are")) && w(i + 2, "no")) {
            noSubject = true;
            i += 3;
        } else if (w(i, "there") && (w(i + 1, "is") || w(i + 1, "are")) && (w(i + 2, "a") || w(i + 2, "an"))) {
            int ns = i + 3;
            int ne = ns;
            while (ne < e && t.word(ne) && !predicates.isConnectorWord(ne) && !predicates.isPredicateStart(ne)) {
                ne++;
            }
            if (ne > ns && (ne >= e || predicates.isConnectorWord(ne) || !t.word(ne))) {
                next[0] = ne;
                return Atoms.presence(attrs.subject(ns, ne, null, ns));
            }
        } else if (w(i, "no") && !w(i + 1, "more") && !w(i + 1, "less") && !w(i + 1, "fewer") && !w(i + 1, "greater")) {
            noSubject = true;
            i++;
        }
        List<int[]> subjects = new ArrayList<>();
        List<Boolean> subjectAnd = new ArrayList<>();
        int q = i;
        while (true) {
            while (q < e && isDeterminer(q)) {
                q++;
            }
            if (q >= e) {
                throw t.fail("UNTRANSLATED_WORDS", "the condition is incomplete", Math.min(i, e - 1), e - 1);
            }
            int ns = q;
            while (q < e && !predicates.isPredicateStart(q) && t.word(q) && !w(q, "and") && !w(q, "or") && !w(q, "nor")
                    && !w(q, "and/or")) {
                q++;
            }
            subjects.add(new int[] {ns, q});
            if (q < e && (w(q, "and") || w(q, "or") || w(q, "and/or") || (t.kind(q, Tok.Kind.COMMA) && q + 1 < e)) && q > ns
                    && laterPredicateIsShared(q, e)) {
                boolean and = !w(q, "or") && !w(q, "and/or");
                if (t.kind(q, Tok.Kind.COMMA)) {
                    and = !w(q + 1, "or");
                    q++;
                }
                if (w(q, "and") || w(q, "or") || w(q, "and/or")) {
                    q++;
                }
                subjectAnd.add(and);
                continue;
            }
            break;
        }
        if (noSubject) {
            // "no reason is provided" == the reason is absent
            int[] sub = subjects.get(0);
            SchemaIndex.Attr a = attrs.resolve(sub[0], sub[1], null);
            int k = q;
            if (w(k, "is") || w(k, "are") || w(k, "was")) {
                k++;
            }
            if (k < e && t.isAny(k, Lexicon.PRESENT)) {
                k++;
            }
            next[0] = k;
            p.lastSubject = a;
            return new Cond.Not(Atoms.presence(a));
        }
        if (subjects.size() == 1 && p.tags) {
            Cond claim = claimClause(subjects.get(0)[0], subjects.get(0)[1], q, e, next);
            if (claim != null) {
                return claim;
            }
        }
        List<Cond> out = new ArrayList<>();
        int after = -1;
        for (int[] sub : subjects) {
            int[] n = new int[1];
            out.add(predicates.predicate(sub[0], sub[1], q, e, n));
            after = n[0];
        }
        next[0] = after;
        Cond acc = out.get(0);
        for (int k = 1; k < out.size(); k++) {
            acc = subjectAnd.get(k - 1) ? new Cond.And(List.of(acc, out.get(k))) : new Cond.Or(List.of(acc, out.get(k)));
        }
        return acc;
    }

    /** "the scope contains admin:write", "the user's role is manager or director": a JWT claim, not a tool input. */
    private Cond claimClause(int ns, int ne, int q, int e, int[] next) {
        List<Integer> words = new ArrayList<>();
        for (int k = ns; k < ne; k++) {
            if (!t.isAny(k, Lexicon.CALLER_QUALIFIERS)) {
                words.add(k);
            }
        }
        if (words.size() != 1 || !principals.isClaimWord(words.get(0))) {
            return null;
        }
        int word = words.get(0);
        if (ne - ns <= 1) {
            // only the usual JWT claims, and only when no chosen tool has an input of that name
            if (!t.isAny(word, Lexicon.USUAL_CLAIMS)) {
                return null;
            }
            List<String> nw = Stems.identifierWords(t.get(word).text());
            for (SchemaIndex.Tool tool : p.tools) {
                if (attrs.quiet(nw, tool.attrs()) != null) {
                    return null;
                }
            }
        }
        String claim = principals.claimName(word);
        int k = q;
        boolean neg = false;
        boolean contains = false;
        if (w(k, "is") || w(k, "are") || w(k, "equals")) {
            k++;
        } else if (w(k, "isn't") || w(k, "aren't")) {
            neg = true;
            k++;
        } else if (w(k, "contains") || w(k, "includes") || w(k, "has")) {
            contains = true;
            k++;
        } else {
            return null;
        }
        if (w(k, "not")) {
            neg = true;
            k++;
        }
        if ((w(k, "one") || w(k, "any")) && w(k + 1, "of")) {
            k += 2;
        }
        if (!principals.isValueTok(k)) {
            return null;
        }
        List<Tok> values = new ArrayList<>();
        next[0] = principals.claimValues(k, values);
        Cond c = principals.tagCond(claim, values, k, contains);
        return neg ? Atoms.tagNot(claim, c) : c;
    }

    private boolean principalClauseAt(int i) {
        int k = i;
        if (w(k, "the")) {
            k++;
        }
        return (w(k, "user") || w(k, "users") || w(k, "caller") || w(k, "principal"))
                && (w(k + 1, "with") || w(k + 1, "whose") || ((w(k + 1, "has") || w(k + 1, "holds")) && principals.claimWordAt(k + 2))
                || (t.in(k + 1) && (t.kind(k + 1, Tok.Kind.QUOTED) || (t.word(k + 1) && t.get(k + 1).text().contains("-")))));
    }

    /** Coordinated subjects share the predicate only when each conjunct is a bare noun phrase up to it. */
    private boolean laterPredicateIsShared(int q, int e) {
        int k = q + 1;
        if (k < e && (w(k, "and") || w(k, "or"))) {
            k++;
        }
        while (k < e && isDeterminer(k)) {
            k++;
        }
        int ns = k;
        while (k < e && t.word(k) && !predicates.isPredicateStart(k) && !w(k, "and") && !w(k, "or")) {
            k++;
        }
        if (k == ns || k >= e) {
            return false;
        }
        if (w(k, "and") || w(k, "or") || t.kind(k, Tok.Kind.COMMA)) {
            return laterPredicateIsShared(k, e);
        }
        boolean or = w(q, "or") || w(q + 1, "or") || w(q, "nor") || w(q, "and/or");
        // "a description and a priority are provided"; "either the description or the priority is missing"
        return w(k, "are") || w(k, "were") || w(k, "exist") || w(k, "have") || (or && (w(k, "is") || w(k, "was")));
    }

    boolean isDeterminer(int k) {
        return t.isAny(k, Lexicon.DETERMINERS) && !(w(k, "requested") || w(k, "given") || w(k, "specified"));
    }
}
