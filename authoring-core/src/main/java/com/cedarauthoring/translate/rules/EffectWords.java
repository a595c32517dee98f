package com.cedarauthoring.translate.rules;

/**
 * The effect of a subject-first sentence, read at its modal or copula: "X can / may / is allowed to Y",
 * "X cannot / must not Y", "X is able to Y", and the passive "Y must be blocked", "Y is allowed for X",
 * "Y may be processed by X" (the participle then names the tool's verb).
 */
final class EffectWords {
    private final Tokens t;

    /**
     * The effect found at a modal, with the token after it.
     *
     * @param passive the subject is the tool phrase, not the principal
     * @param verb    a participle that belongs to the tool phrase ("processed"), or -1
     */
    record Effect(boolean forbid, int after, boolean passive, int verb) {
        Effect(boolean forbid, int after, boolean passive) {
            this(forbid, after, passive, -1);
        }
    }

    EffectWords(Tokens t) {
        this.t = t;
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    /** The effect at {@code m}, or null; passive when a participle follows with no "to". */
    Effect at(int m) {
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
        return new Effect(permit ? neg : !neg, k + 1, !active);
    }
}
