package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.PolicyView.Effect;
import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Alignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The effect must be said: a permit word for a permit, a forbid word (or a negated permit) for a forbid. */
final class EffectStep {
    private static final Set<String> MODALS = Set.of("may", "can", "must", "is", "are", "be", "should", "shall", "will");

    private EffectStep() {}

    static void apply(Grounding g) {
        RequirementText t = g.text;
        List<Span> permit = new ArrayList<>();
        List<Span> forbid = new ArrayList<>();
        for (Tok tok : t.tokens) {
            if (t.consumed(tok)) {
                continue; // a value or a tool name ("the status is denied"), not the effect
            }
            String w = tok.lower();
            int i = tok.index();
            if (Lexicon.FORBID_VERBS.contains(w) || w.startsWith("require")) {
                forbid.add(t.span(tok));
                t.consume(tok);
                if (w.equals("shut") && t.lower(i + 1).equals("down")) {
                    t.consume(t.tokens.get(i + 1));
                }
            } else if (Lexicon.PERMIT_VERBS.contains(w)) {
                boolean negated = Lexicon.NEGATORS.contains(t.lower(i - 1))
                        || Lexicon.NEGATORS.contains(t.lower(i + 1)) && (w.equals("may") || w.equals("can"))
                        || t.lower(i - 1).equals("be") && Lexicon.NEGATORS.contains(t.lower(i - 2));
                (negated ? forbid : permit).add(t.span(tok));
                t.consume(tok);
            } else if (w.equals("must") && Lexicon.NEGATORS.contains(t.lower(i + 1))) {
                forbid.add(t.span(tok));
                t.consume(tok);
            }
        }
        boolean isPermit = g.policy.effect() == Effect.PERMIT;
        List<Span> own = isPermit ? permit : forbid;
        if (!isPermit && own.isEmpty() && onlyPair(g)) {
            // "Only X may do Y": the forbid for everyone else is said by "only", beside its permit (section 5)
            own = List.of(t.span(t.tokens.get(0)));
        }
        if (own.isEmpty()) {
            g.flag(FindingCode.UNGROUNDED_EFFECT, "The policy is a " + (isPermit ? "permit" : "forbid")
                    + " but no word of the requirement says " + (isPermit ? "allow" : "block/deny") + ".", null);
        } else if (!(isPermit ? forbid : permit).isEmpty() && isPermit) {
            // "may not", "never allow", "block": a permit read from a sentence that also forbids is not grounded
            g.flag(FindingCode.UNGROUNDED_EFFECT, "The policy is a permit but the requirement says '"
                    + t.text.substring(forbid.get(0).start() - t.base, forbid.get(0).end() - t.base) + "'.", forbid.get(0));
        }
        g.evidence(Alignment.Role.EFFECT, isPermit ? "permit" : "forbid", own);
    }

    /** The forbid half of "Only X may ...": the sentence opens with "only" and a permit stands beside it. */
    private static boolean onlyPair(Grounding g) {
        RequirementText t = g.text;
        return !t.tokens.isEmpty() && t.lower(0).equals("only") && g.siblingEffects.contains(Effect.PERMIT);
    }
}
