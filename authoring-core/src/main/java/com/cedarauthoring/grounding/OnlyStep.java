package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.PolicyView.Effect;
import com.cedarauthoring.findings.FindingCode;

/**
 * "Only X may do Y" means X may and nobody else may: a permit alone does not stop anyone else, so it
 * is grounded only beside a forbid for the same sentence (section 5).
 */
final class OnlyStep {
    private OnlyStep() {}

    static void apply(Grounding g) {
        RequirementText t = g.text;
        if (t.tokens.isEmpty() || !t.lower(0).equals("only")) {
            return;
        }
        t.consume(t.tokens.get(0));
        if (g.policy.effect() == Effect.PERMIT && !g.siblingEffects.contains(Effect.FORBID)) {
            g.flag(FindingCode.ONLY_CONSTRUCT, "\"Only ... may\" also means nobody else may; a permit alone does "
                    + "not stop anyone else. Write the permit and a forbid for everyone else.", t.span(t.tokens.get(0)));
        }
    }
}
