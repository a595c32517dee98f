package com.cedarauthoring.translate.rules;

/**
 * The sentence: effect, principal, tool phrase and the when/unless tail (cedar-conventions.md section 3),
 * in each of its word orders: verb first ("Allow X to Y when C"), subject first ("X can Y"), passive
 * ("Y when C must be blocked [for X]", {@link PassiveForm}), requirement ("Require X for Y", "Y requires X",
 * {@link RequirementForm}) and "Only X may Y". Reads into a typed {@link Reading}; writes no Cedar. Any
 * content word it did not consume is refused.
 */
final class SentenceParser {
    private final Tokens t;
    private final ReadingDraft d;
    private final PrincipalParser principals;
    private final ClauseTail tail;
    private final EffectWords effects;
    private final PassiveForm passive;
    private final RequirementForm requirement;

    SentenceParser(Parse p) {
        this.t = p.t;
        this.d = new ReadingDraft(p);
        this.principals = new PrincipalParser(p);
        AttributeResolver attrs = new AttributeResolver(p);
        ConditionParser conditions = new ConditionParser(p, principals, attrs);
        this.tail = new ClauseTail(p, d, principals, conditions);
        this.effects = new EffectWords(t);
        this.passive = new PassiveForm(p, d, tail, principals);
        this.requirement = new RequirementForm(p, d, tail, principals, conditions, attrs);
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
            d.only = true; // "Only X may ...": the principal and the modal follow
            t.consume(i, i + 1);
            i++;
        }
        int verb = verbFirst(i);
        if (verb >= 0) {
            afterVerb(verb);
        } else if (w(i, "require") || w(i, "requires")) {
            requirement.require(i);
        } else {
            subjectFirst(i);
        }
        return d.finish();
    }

    /** "Allow", "Never allow", "Do not allow", "Block", "Disable": returns the token after the effect, or -1. */
    private int verbFirst(int i) {
        int start = i;
        if (w(i, "never") && t.isAny(i + 1, Lexicon.PERMIT)) {
            d.forbid = true;
            i += 2;
        } else if ((t.phrase(i, "do", "not") && t.isAny(i + 2, Lexicon.PERMIT)) || ((w(i, "don't") || w(i, "dont"))
                && t.isAny(i + 1, Lexicon.PERMIT))) {
            d.forbid = true;
            i += w(i, "do") ? 3 : 2;
        } else if (t.isAny(i, Lexicon.PERMIT)) {
            i++;
        } else if (t.isAny(i, Lexicon.FORBID)) {
            d.forbid = true;
            i++;
        } else if (t.isAny(i, Lexicon.SHUTDOWN) || t.phrase(i, "shut", "down") || t.phrase(i, "turn", "off")
                || (w(i, "emergency") && (w(i + 1, "shutdown") || w(i + 1, "stop")))) {
            d.forbid = true;
            d.anyPrincipalType = true;
            d.principalNamed = true;
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
        d.effectAt(start, i);
        t.consume(start, i);
        return i;
    }

    private void afterVerb(int i) {
        boolean let = t.is(i - 1, "let");
        if (w(i, "only") && !d.anyPrincipalType) {
            // "Allow only X to ..."
            d.only = true;
            t.consume(i, i + 1);
            i++;
        }
        if (t.isAny(i, Lexicon.PRONOUNS)) {
            throw t.fail("UNTRANSLATED_WORDS", "\"" + t.get(i).text()
                    + "\" refers to another requirement; name the principal in each requirement", i, i);
        }
        if (d.anyPrincipalType) {
            tail.tail(tail.action(i, t.size()), t.size());
            return;
        }
        int end = principals.parse(i, d.principal);
        if (end >= 0) {
            d.principalAt(i, end);
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
        tail.tail(tail.action(i, t.size()), t.size());
    }

    /**
     * "X can / may / is allowed to Y", "X cannot / must not Y", "No one may Y"; and the passive, where the subject is
     * the tool phrase: "Refunds over $500 must be blocked", "Refund processing is allowed for users with role R".
     */
    private void subjectFirst(int s) {
        for (int m = s; m < t.size(); m++) {
            EffectWords.Effect eff = effects.at(m);
            if (eff == null) {
                if (w(m, "require") || w(m, "requires") || w(m, "required")) {
                    if (m > s) {
                        requirement.requiredBy(s, m);
                        return;
                    }
                }
                continue;
            }
            d.forbid = eff.forbid();
            d.effectAt(m, eff.after());
            boolean nobody = (w(s, "no") && (w(s + 1, "one") || w(s + 1, "user") || w(s + 1, "users")) && m == s + 2)
                    || ((w(s, "nobody") || w(s, "no-one")) && m == s + 1);
            if (nobody) {
                d.forbid = !d.forbid;
                d.principalNamed = true;
                t.consume(s, eff.after());
                activeTail(eff.after());
                return;
            }
            int end = eff.passive() ? passiveSubject(s, m) : principalSubject(s, m);
            if (end == m) {
                t.consume(m, eff.after());
                activeTail(eff.after());
                return;
            }
            if (!eff.passive()) {
                throw t.fail("UNTRANSLATED_WORDS", "could not read the subject \"" + t.text(s, m) + "\" as a principal",
                        end < 0 ? s : end, Math.max(s, m - 1));
            }
            passive.parse(s, m, eff.after(), eff.verb());
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
            return principalSubject(s, m);
        } catch (Untranslatable notAPrincipal) {
            d.principal.clear();
            return -1;
        }
    }

    /** Reads {@code [s, m)} as the principal; returns where the principal phrase ends ({@code m} when it is all of it). */
    private int principalSubject(int s, int m) {
        int end = principals.parse(s, d.principal);
        if (end == m) {
            d.principalAt(s, m);
            t.consume(s, m);
        } else {
            d.principal.clear();
        }
        return end;
    }

    private void activeTail(int after) {
        int k = after;
        if (w(k, "to") || w(k, "from")) {
            t.consume(k, k + 1);
            k++;
        }
        tail.tail(tail.action(k, t.size()), t.size());
    }
}
