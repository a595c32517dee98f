package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentence: effect, principal, tool phrase and the when/unless tail (cedar-conventions.md section 3),
 * in each of its word orders: verb first ("Allow X to Y when C"), subject first ("X can Y"), passive
 * ("Y when C must be blocked [for X]"), requirement ("Require X for Y", "Y requires X") and "Only X may Y".
 * Reads into a typed {@link Reading}; writes no Cedar. Any content word it did not consume is refused.
 */
final class SentenceParser {
    private final Parse p;
    private final Tokens t;
    private final PrincipalParser principals;
    private final ToolMatcher toolMatcher;
    private final AttributeResolver attrs;
    private final ConditionParser conditions;

    private boolean forbid;
    private boolean anyPrincipalType;
    private boolean principalNamed;
    private boolean only;
    private final List<Cond> principal = new ArrayList<>();
    private int[] effectSpan;
    private int[] principalSpan;
    private ActionScope action;
    private int[] actionSpan;
    private final List<List<Cond>> whenParts = new ArrayList<>();
    private final List<Cond> unlessParts = new ArrayList<>();

    SentenceParser(Parse p) {
        this.p = p;
        this.t = p.t;
        this.principals = new PrincipalParser(p);
        this.toolMatcher = new ToolMatcher(p);
        this.attrs = new AttributeResolver(p);
        this.conditions = new ConditionParser(p, principals, attrs);
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    Reading parse() {
        if (t.isEmpty()) {
            throw new Untranslatable("UNTRANSLATED_WORDS", "the requirement has no words", 0, 0);
        }
        int i = 0;
        while (t.isAny(i, Lexicon.OPENERS)) {
            t.consume(i, i + 1);
            i++;
        }
        if (w(i, "only") && !t.isAny(i + 1, Lexicon.PERMIT)) {
            only = true;
            t.consume(i, i + 1);
            i++;
        }
        int verb = verbFirst(i);
        if (verb >= 0) {
            afterVerb(verb);
        } else if (w(i, "require") || w(i, "requires")) {
            require(i);
        } else {
            subjectFirst(i);
        }
        return finish();
    }

    /** "Allow", "Never allow", "Do not allow", "Block", "Disable": returns the token after the effect, or -1. */
    private int verbFirst(int i) {
        int start = i;
        if (w(i, "never") && t.isAny(i + 1, Lexicon.PERMIT)) {
            forbid = true;
            i += 2;
        } else if ((t.phrase(i, "do", "not") && t.isAny(i + 2, Lexicon.PERMIT)) || ((w(i, "don't") || w(i, "dont"))
                && t.isAny(i + 1, Lexicon.PERMIT))) {
            forbid = true;
            i += w(i, "do") ? 3 : 2;
        } else if (t.isAny(i, Lexicon.PERMIT)) {
            i++;
        } else if (t.isAny(i, Lexicon.FORBID)) {
            forbid = true;
            i++;
        } else if (t.isAny(i, Lexicon.SHUTDOWN) || t.phrase(i, "shut", "down") || t.phrase(i, "turn", "off")
                || (w(i, "emergency") && (w(i + 1, "shutdown") || w(i + 1, "stop")))) {
            forbid = true;
            anyPrincipalType = true;
            principalNamed = true;
            i += (w(i, "shut") || w(i, "turn") || w(i, "emergency")) ? 2 : 1;
            if (w(i, "of") || w(i, "for") || w(i, "access")) {
                i++;
                if (w(i - 1, "access") && (w(i, "to") || w(i, "for"))) {
                    i++;
                }
            }
        } else {
            return -1;
        }
        effectSpan = new int[] {t.startOf(start), t.endOf(i - 1)};
        t.consume(start, i);
        return i;
    }

    private void afterVerb(int i) {
        boolean let = t.is(i - 1, "let");
        if (w(i, "only") && !anyPrincipalType) {
            // "Allow only X to ..."
            only = true;
            t.consume(i, i + 1);
            i++;
        }
        if (t.isAny(i, Lexicon.PRONOUNS)) {
            throw t.fail("UNTRANSLATED_WORDS", "\"" + t.get(i).text()
                    + "\" refers to another requirement; name the principal in each requirement", i, i);
        }
        if (anyPrincipalType) {
            tail(action(i, t.size()), t.size());
            return;
        }
        int end = principals.parse(i, principal);
        if (end >= 0) {
            principalNamed = true;
            principalSpan = new int[] {t.startOf(i), t.endOf(end - 1)};
            t.consume(i, end);
            int k = end;
            if ((w(k, "access") || w(k, "permission") || w(k, "permissions") || w(k, "rights")) && (w(k + 1, "to") || w(k + 1, "for"))) {
                k++; // "grant users with role admin access to all tools"
            } else if (w(k, "the") && (w(k + 1, "ability") || w(k + 1, "right")) && w(k + 2, "to")) {
                k += 2;
            }
            if (w(k, "to") || w(k, "from")) {
                k++;
                if (t.phrase(k, "be", "able", "to")) {
                    k += 3;
                }
            } else if (!let && t.in(k) && !(w(k, "when") || w(k, "if") || w(k, "unless") || w(k, "where") || w(k, "whenever"))) {
                int j = k;
                while (t.in(j) && !w(j, "to") && !w(j, "from")) {
                    j++;
                }
                throw t.fail("UNTRANSLATED_WORDS", "could not read \"" + t.text(k, j)
                        + "\" as part of the principal (exceptions and other qualifiers are not supported)", k, Math.max(k, j - 1));
            }
            t.consume(end, k);
            i = k;
        } else if (w(i, "access") && (w(i + 1, "to") || w(i + 1, "for"))) {
            t.consume(i, i + 2);
            i += 2;
        }
        tail(action(i, t.size()), t.size());
    }

    /**
     * "X can / may / is allowed to Y", "X cannot / must not Y", "No one may Y"; and the passive, where the subject is
     * the tool phrase: "Refunds over $500 must be blocked", "Refund processing is allowed for users with role R".
     */
    private void subjectFirst(int s) {
        for (int m = s; m < t.size(); m++) {
            Effect eff = modalEffect(m);
            if (eff == null) {
                if (w(m, "require") || w(m, "requires") || w(m, "required")) {
                    if (m > s) {
                        requiredBy(s, m);
                        return;
                    }
                }
                continue;
            }
            forbid = eff.forbid();
            effectSpan = new int[] {t.startOf(m), t.endOf(eff.after() - 1)};
            boolean nobody = (w(s, "no") && (w(s + 1, "one") || w(s + 1, "user") || w(s + 1, "users")) && m == s + 2)
                    || ((w(s, "nobody") || w(s, "no-one")) && m == s + 1);
            if (nobody) {
                forbid = !forbid;
                principalNamed = true;
                t.consume(s, eff.after());
                activeTail(eff.after());
                return;
            }
            int end = eff.passive() ? passiveSubject(s, m) : tryPrincipal(s, m);
            if (end == m) {
                t.consume(m, eff.after());
                activeTail(eff.after());
                return;
            }
            if (!eff.passive()) {
                throw t.fail("UNTRANSLATED_WORDS", "could not read the subject \"" + t.text(s, m) + "\" as a principal",
                        end < 0 ? s : end, Math.max(s, m - 1));
            }
            passive(s, m, eff.after(), eff.verb());
            return;
        }
        throw t.fail("UNSUPPORTED_CONSTRUCT", "no effect word (allow, permit, deny, block, can, cannot...) was found",
                0, t.size() - 1);
    }

    /** A passive sentence's subject is usually the tool phrase; it is a principal only when it reads as one in full. */
    private int passiveSubject(int s, int m) {
        if (!principals.startsAt(s)) {
            return -1;
        }
        try {
            return tryPrincipal(s, m);
        } catch (Untranslatable notAPrincipal) {
            principal.clear();
            return -1;
        }
    }

    private int tryPrincipal(int s, int m) {
        int end = principals.parse(s, principal);
        if (end == m) {
            principalNamed = true;
            principalSpan = new int[] {t.startOf(s), t.endOf(m - 1)};
            t.consume(s, m);
        } else {
            principal.clear();
        }
        return end;
    }

    private void activeTail(int after) {
        int k = after;
        if (w(k, "to") || w(k, "from")) {
            t.consume(k, k + 1);
            k++;
        }
        tail(action(k, t.size()), t.size());
    }

    /** The effect at {@code m}, with the token after it; passive when a participle follows with no "to". */
    private record Effect(boolean forbid, int after, boolean passive, int verb) {
        Effect(boolean forbid, int after, boolean passive) {
            this(forbid, after, passive, -1);
        }
    }

    private Effect modalEffect(int m) {
        if (t.isAny(m, Lexicon.MODALS)) {
            int k = m + 1;
            boolean neg = false;
            if (w(k, "not") || w(k, "never")) {
                neg = true;
                k++;
            }
            if (w(k, "be")) {
                Effect e = participle(k + 1, neg);
                if (e != null) {
                    return e;
                }
                if (w(k + 1, "able")) {
                    return new Effect(neg, k + 2, false);
                }
                // "Refunds may be processed by ...", "must not be approved when ...": the participle names the tool's verb
                if ((w(m, "can") || w(m, "may") || neg) && isParticiple(k + 1)) {
                    return new Effect(neg, k + 2, true, k + 1);
                }
                return null;
            }
            if (w(m, "can") || w(m, "may") || neg) {
                return new Effect(neg, k, false);
            }
            return null;
        }
        if (w(m, "cannot") || w(m, "can't") || w(m, "mustn't") || w(m, "shouldn't") || w(m, "won't")) {
            int k = m + 1;
            if (w(k, "be")) {
                Effect e = participle(k + 1, true);
                if (e != null) {
                    return e;
                }
            }
            return new Effect(true, k, false);
        }
        if ((w(m, "is") || w(m, "are") || w(m, "isn't") || w(m, "aren't")) && t.in(m + 1)) {
            boolean neg = w(m, "isn't") || w(m, "aren't");
            int k = m + 1;
            if (w(k, "not") || w(k, "never")) {
                neg = true;
                k++;
            }
            if (w(k, "able")) {
                return new Effect(neg, k + 1, false);
            }
            return participle(k, neg);
        }
        if (w(m, "never")) {
            return new Effect(true, m + 1, false);
        }
        return null;
    }

    private boolean isParticiple(int k) {
        if (!t.word(k)) {
            return false;
        }
        String x = t.get(k).lower();
        return (x.endsWith("ed") || x.endsWith("en") || x.equals("run") || x.equals("paid") || x.equals("sent")
                || x.equals("shut")) && !t.isAny(k, Lexicon.PRESENT);
    }

    private Effect participle(int k, boolean neg) {
        boolean permit = t.isAny(k, Lexicon.PASSIVE_PERMIT);
        boolean deny = t.isAny(k, Lexicon.PASSIVE_FORBID);
        if (!permit && !deny) {
            return null;
        }
        boolean active = w(k + 1, "to") || w(k + 1, "from");
        return new Effect(permit ? neg : !neg, active ? k + 1 : k + 1, !active);
    }

    /** "Refunds over $500 must be blocked [for users with role R] [when C]". */
    private void passive(int s, int m, int after, int verb) {
        t.consume(m, after);
        tail(action(s, m, verb), m);
        int k = after;
        if ((w(k, "for") || w(k, "by") || w(k, "to")) && principals.startsAt(k + 1)) {
            int end = principals.parse(k + 1, principal);
            principalNamed = true;
            principalSpan = new int[] {t.startOf(k + 1), t.endOf(end - 1)};
            t.consume(k, end);
            k = end;
        }
        tail(k, t.size());
    }

    /** "Require X for Y [when C]": Y is forbidden unless X. */
    private void require(int i) {
        forbid = true;
        effectSpan = new int[] {t.startOf(i), t.endOf(i)};
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
        tail(action(y, t.size()), t.size());
        requirement(x, f);
    }

    /** "Refunds over $500 require a reason", "Refund processing requires role manager". */
    private void requiredBy(int s, int m) {
        forbid = true;
        effectSpan = new int[] {t.startOf(m), t.endOf(m)};
        t.consume(m, m + 1);
        int x = m + 1;
        if (w(m, "required") || t.phrase(m + 1, "that")) {
            throw t.fail("UNTRANSLATED_WORDS", "could not read what is required in \"" + t.text(m, t.size()) + "\"", m, t.size() - 1);
        }
        tail(action(s, m), m);
        int end = x;
        while (t.in(end) && !w(end, "when") && !w(end, "if") && !w(end, "unless") && !w(end, "for")) {
            end++;
        }
        requirement(x, end);
        tail(end, t.size());
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
                unlessParts.add(new Cond.Sourced(Cond.and(claims), t.startOf(x), t.endOf(e - 1)));
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
        unlessParts.add(new Cond.Sourced(Cond.and(presence), t.startOf(x), t.endOf(e - 1)));
    }

    /** The tool phrase from {@code i} to the first boundary before {@code limit}; returns where it ends. */
    private int action(int i, int limit) {
        return action(i, limit, -1);
    }

    /** As {@link #action(int, int)}; {@code verb} is a passive participle that belongs to the phrase ("processed"). */
    private int action(int i, int limit, int verb) {
        int end = i;
        while (end < limit && !isBoundary(end)) {
            end++;
        }
        action = toolMatcher.resolve(i, end, verb);
        actionSpan = new int[] {t.startOf(i), t.endOf(Math.max(i, end - 1))};
        t.consume(i, end);
        return end;
    }

    /** Conditions, "unless"/"except when" clauses and a "for <principal>" from {@code i} to {@code end}. */
    private void tail(int i, int end) {
        while (i < end) {
            if (t.kind(i, Tok.Kind.COMMA) && i + 1 < end) {
                t.consume(i, i + 1);
                i++;
                continue;
            }
            if ((w(i, "for") || w(i, "by") || w(i, "to")) && !anyPrincipalType && principals.startsAt(i + 1)) {
                int e = principals.parse(i + 1, principal);
                if (e >= 0) {
                    principalNamed = true;
                    principalSpan = new int[] {t.startOf(i + 1), t.endOf(e - 1)};
                    t.consume(i, e);
                    i = e;
                    continue;
                }
            }
            int unless = unlessMarker(i);
            if (unless > i) {
                t.consume(i, unless);
                int e = clauseEnd(unless, end);
                unlessParts.add(conditions.expression(unless, e).get(0));
                i = e;
                continue;
            }
            int s = skipMarker(i);
            t.consume(i, s);
            int e = clauseEnd(s, end);
            if (s >= e) {
                throw t.fail("UNTRANSLATED_WORDS", "nothing follows \"" + t.text(i, s) + "\"", i, Math.max(i, s - 1));
            }
            whenParts.add(conditions.expression(s, e));
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

    private Reading finish() {
        List<Cond> whenAll = new ArrayList<>();
        List<List<Cond>> parts = new ArrayList<>();
        for (Cond c : p.actionConds) {
            parts.add(List.of(c));
        }
        parts.addAll(whenParts);
        // combine the when parts; only one of them may carry several readings
        List<Cond> base = new ArrayList<>();
        List<Cond> multi = null;
        for (List<Cond> part : parts) {
            if (part.size() > 1 && multi == null) {
                multi = part;
                base.add(null);
            } else {
                base.add(part.get(0));
            }
        }
        if (multi == null) {
            if (!base.isEmpty()) {
                whenAll.add(Cond.and(base));
            }
        } else {
            for (Cond r : multi) {
                List<Cond> b = new ArrayList<>();
                for (Cond c : base) {
                    b.add(c == null ? r : c);
                }
                whenAll.add(Cond.and(b));
            }
        }
        var left = t.unconsumedContent();
        if (!left.isEmpty()) {
            List<String> words = new ArrayList<>();
            left.stream().forEach(k -> words.add(t.get(k).text()));
            throw t.fail("UNTRANSLATED_WORDS", "no part of the policy accounts for " + String.join(", ",
                    words.stream().map(x -> "\"" + x + "\"").toList()) + "; nothing was dropped or guessed",
                    left.nextSetBit(0), left.length() - 1);
        }
        if (only && forbid) {
            throw t.fail("UNSUPPORTED_CONSTRUCT", "\"only\" with a forbid has no clear meaning; say who may and who may not", 0, 0);
        }
        Cond unless = unlessParts.isEmpty() ? null : Cond.and(unlessParts);
        return new Reading(forbid, anyPrincipalType, principal, action, whenAll, unless, p.notes, principalNamed, only,
                effectSpan, principalSpan, actionSpan);
    }
}
