package com.cedarauthoring.translate.rules;

/**
 * The passive form, where the subject is the tool phrase: "Refunds over $500 must be blocked [for users
 * with role R] [when C]", "Refund processing is allowed for users with role R".
 */
final class PassiveForm {
    private final Tokens t;
    private final ReadingDraft d;
    private final ClauseTail tail;
    private final PrincipalParser principals;

    PassiveForm(Parse p, ReadingDraft d, ClauseTail tail, PrincipalParser principals) {
        this.t = p.t;
        this.d = d;
        this.tail = tail;
        this.principals = principals;
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    /** The tool phrase is {@code [s, m)}, the effect words {@code [m, after)}; {@code verb} is its participle or -1. */
    void parse(int s, int m, int after, int verb) {
        t.consume(m, after);
        tail.tail(tail.action(s, m, verb), m);
        int k = after;
        if ((w(k, "for") || w(k, "by") || w(k, "to")) && principals.startsAt(k + 1)) {
            int end = principals.parse(k + 1, d.principal);
            d.principalAt(k + 1, end);
            t.consume(k, end);
            k = end;
        }
        tail.tail(k, t.size());
    }
}
