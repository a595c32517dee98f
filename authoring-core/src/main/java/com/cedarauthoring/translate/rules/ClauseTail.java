package com.cedarauthoring.translate.rules;

/**
 * What every effect form shares after its effect and principal: the tool phrase up to its first boundary,
 * then the when/unless clauses and a trailing "for &lt;principal&gt;" (cedar-conventions.md section 3).
 */
final class ClauseTail {
    private final Parse p;
    private final Tokens t;
    private final ReadingDraft d;
    private final PrincipalParser principals;
    private final ToolMatcher toolMatcher;
    private final ConditionParser conditions;

    ClauseTail(Parse p, ReadingDraft d, PrincipalParser principals, ConditionParser conditions) {
        this.p = p;
        this.t = p.t;
        this.d = d;
        this.principals = principals;
        this.toolMatcher = new ToolMatcher(p);
        this.conditions = conditions;
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    /** The tool phrase from {@code i} to the first boundary before {@code limit}; returns where it ends. */
    int action(int i, int limit) {
        return action(i, limit, -1);
    }

    /** As {@link #action(int, int)}; {@code verb} is a passive participle that belongs to the phrase ("processed"). */
    int action(int i, int limit, int verb) {
        int end = i;
        while (end < limit && !isBoundary(end)) {
            end++;
        }
        d.action = toolMatcher.resolve(i, end, verb);
        d.actionSpan = new int[] {t.startOf(i), t.endOf(Math.max(i, end - 1))};
        t.consume(i, end);
        return end;
    }

    /** Conditions, "unless"/"except when" clauses and a "for <principal>" from {@code i} to {@code end}. */
    void tail(int i, int end) {
        while (i < end) {
            if (t.kind(i, Tok.Kind.COMMA) && i + 1 < end) {
                t.consume(i, i + 1);
                i++;
                continue;
            }
            if ((w(i, "for") || w(i, "by") || w(i, "to")) && !d.anyPrincipalType && principals.startsAt(i + 1)) {
                int e = principals.parse(i + 1, d.principal);
                if (e >= 0) {
                    d.principalAt(i + 1, e);
                    t.consume(i, e);
                    i = e;
                    continue;
                }
            }
            int unless = unlessMarker(i);
            if (unless > i) {
                t.consume(i, unless);
                int e = clauseEnd(unless, end);
                d.unlessParts.add(conditions.expression(unless, e).get(0));
                i = e;
                continue;
            }
            int s = skipMarker(i);
            t.consume(i, s);
            int e = clauseEnd(s, end);
            if (s >= e) {
                throw t.fail("UNTRANSLATED_WORDS", "nothing follows \"" + t.text(i, s) + "\"", i, Math.max(i, s - 1));
            }
            d.whenParts.add(conditions.expression(s, e));
            i = e;
        }
    }

    /** "unless", "except when/if/where", "but not when/if", "other than when", "except for when": the first token after it. */
    private int unlessMarker(int i) {
        if (w(i, "unless")) {
            return i + 1;
        }
        int k = i;
        if (w(k, "except") || t.phrase(k, "but", "not") || t.phrase(k, "other", "than") || t.phrase(k, "except", "for")) {
            k += w(k, "except") && !w(k + 1, "for") ? 1 : 2;
            if (w(k, "when") || w(k, "if") || w(k, "where") || w(k, "whenever")) {
                return k + 1;
            }
        }
        return i;
    }

    private int skipMarker(int i) {
        if (t.phrase(i, "but", "only")) {
            i += 2;
        } else if (w(i, "only") || w(i, "but")) {
            i++;
        }
        if (t.phrase(i, "as", "long", "as") || t.phrase(i, "so", "long", "as")) {
            return i + 3;
        }
        if (w(i, "provided") || w(i, "providing")) {
            return w(i + 1, "that") ? i + 2 : i + 1;
        }
        if (t.phrase(i, "in", "case")) {
            return i + 2;
        }
        if (t.phrase(i, "on", "condition", "that")) {
            return i + 3;
        }
        if (w(i, "when") || w(i, "if") || w(i, "where") || w(i, "whenever") || w(i, "for") || w(i, "with")
                || w(i, "while") || w(i, "whose") || w(i, "that") || w(i, "which") || w(i, "once") || w(i, "having")) {
            i++;
            if (w(i, "which") || w(i, "whom")) {
                i++;
            }
        }
        return i;
    }

    /** End of a when/unless clause: the next top-level "unless"/"except when", a "for <principal>", or {@code end}. */
    private int clauseEnd(int s, int end) {
        int depth = 0;
        for (int k = s; k < end; k++) {
            if (t.kind(k, Tok.Kind.LPAREN)) {
                depth++;
            } else if (t.kind(k, Tok.Kind.RPAREN)) {
                depth--;
            } else if (depth == 0 && k > s && unlessMarker(k) > k) {
                return k;
            } else if (depth == 0 && k > s && (w(k, "for") || w(k, "by")) && principals.startsAt(k + 1)) {
                return k;
            }
        }
        return end;
    }

    private boolean isBoundary(int k) {
        Tok x = t.get(k);
        if (x.kind() == Tok.Kind.NUMBER || x.kind() == Tok.Kind.LPAREN || x.kind() == Tok.Kind.PUNCT) {
            return true;
        }
        if (x.kind() == Tok.Kind.COMMA) {
            // "process refunds, check status" keeps going; ", when ..." or ", unless" ends the action
            return t.in(k + 1) && t.isAny(k + 1, Lexicon.ACTION_BOUNDARY) && !w(k + 1, "or") && !w(k + 1, "and");
        }
        if (!x.isAny(Lexicon.ACTION_BOUNDARY)) {
            return false;
        }
        if (x.is("up")) {
            return w(k + 1, "to");
        }
        if (x.is("at")) {
            return w(k + 1, "least") || w(k + 1, "most") || w(k + 1, "or");
        }
        if (x.is("less") || x.is("more") || x.is("greater") || x.is("fewer") || x.is("larger") || x.is("smaller")
                || x.is("higher") || x.is("lower") || x.is("bigger") || x.is("other")) {
            return w(k + 1, "than");
        }
        if (x.is("no") || x.is("not")) {
            return Comparison.operator(t, k) != null;
        }
        if (x.is("in") || x.is("on")) {
            // "tools in the RefundTarget target" / "on the X target"
            return !targetPhraseAt(k + 1);
        }
        if (x.is("from")) {
            return t.in(k + 1) && Atoms.isNumber(t.get(k + 1));
        }
        return true;
    }

    private boolean targetPhraseAt(int k) {
        if (w(k, "the")) {
            k++;
        }
        for (String target : p.index.schema.targetNames()) {
            if (t.in(k) && t.get(k).text().equalsIgnoreCase(target)) {
                return true;
            }
        }
        return false;
    }
}
