package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The requirement form: "Require X for Y [when C]" and "Y requires X" read as a forbid of Y unless X,
 * where X is a principal claim ("role manager", "the admin scope") or the presence of inputs ("a reason").
 */
final class RequirementForm {
    private final Tokens t;
    private final ReadingDraft d;
    private final ClauseTail tail;
    private final PrincipalParser principals;
    private final ConditionParser conditions;
    private final AttributeResolver attrs;

    RequirementForm(Parse p, ReadingDraft d, ClauseTail tail, PrincipalParser principals, ConditionParser conditions,
                    AttributeResolver attrs) {
        this.t = p.t;
        this.d = d;
        this.tail = tail;
        this.principals = principals;
        this.conditions = conditions;
        this.attrs = attrs;
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    /** "Require X for Y [when C]", the verb at {@code i}: Y is forbidden unless X. */
    void require(int i) {
        d.forbid = true;
        d.effectAt(i, i + 1);
        t.consume(i, i + 1);
        int x = i + 1;
        if (w(x, "that")) {
            t.consume(x, x + 1);
            x++;
        }
        int f = x;
        while (t.in(f) && !w(f, "for") && !w(f, "to") && !w(f, "before")) {
            f++;
        }
        if (!t.in(f) || f == x) {
            throw t.fail("UNTRANSLATED_WORDS", "\"Require\" needs what is required and what for (\"Require a reason for refunds\")", i, t.size() - 1);
        }
        t.consume(f, f + 1);
        int y = f + 1;
        tail.tail(tail.action(y, t.size()), t.size());
        requirement(x, f);
    }

    /** "Refunds over $500 require a reason", "Refund processing requires role manager": subject at {@code s}, verb at {@code m}. */
    void requiredBy(int s, int m) {
        d.forbid = true;
        d.effectAt(m, m + 1);
        t.consume(m, m + 1);
        int x = m + 1;
        if (w(m, "required") || t.phrase(m + 1, "that")) {
            throw t.fail("UNTRANSLATED_WORDS", "could not read what is required in \"" + t.text(m, t.size()) + "\"", m, t.size() - 1);
        }
        tail.tail(tail.action(s, m), m);
        int end = x;
        while (t.in(end) && !w(end, "when") && !w(end, "if") && !w(end, "unless") && !w(end, "for")) {
            end++;
        }
        requirement(x, end);
        tail.tail(end, t.size());
    }

    /** What a requirement requires: a principal claim ("role manager", "the admin scope") or an input's presence. */
    private void requirement(int x, int e) {
        if (x >= e) {
            throw t.fail("UNTRANSLATED_WORDS", "nothing is required", x, x);
        }
        List<Cond> claims = new ArrayList<>();
        int k = x;
        if (w(k, "a") || w(k, "an") || w(k, "the")) {
            k++;
        }
        if (principals.claimWordAt(k) || principals.startsAt(k)) {
            int end = w(k, "role") || w(k, "roles") || w(k, "scope") ? principals.parse(k, claims) : principals.parse(x, claims);
            if (end == e && !claims.isEmpty()) {
                t.consume(x, e);
                d.unlessParts.add(new Cond.Sourced(Cond.and(claims), t.startOf(x), t.endOf(e - 1)));
                return;
            }
        }
        int ns = x;
        while (ns < e && conditions.isDeterminer(ns)) {
            ns++;
        }
        List<Cond> presence = new ArrayList<>();
        int start = ns;
        for (int j = ns; j <= e; j++) {
            if (j == e || w(j, "and") || t.kind(j, Tok.Kind.COMMA)) {
                int a = start;
                while (a < j && conditions.isDeterminer(a)) {
                    a++;
                }
                if (a >= j) {
                    throw t.fail("UNTRANSLATED_WORDS", "could not read what is required", x, e - 1);
                }
                presence.add(Atoms.presence(attrs.resolve(a, j, null)));
                start = j + 1;
            }
        }
        t.consume(x, e);
        d.unlessParts.add(new Cond.Sourced(Cond.and(presence), t.startOf(x), t.endOf(e - 1)));
    }
}
