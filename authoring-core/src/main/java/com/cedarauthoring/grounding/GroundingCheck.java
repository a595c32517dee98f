package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.cedar.est.PolicyView.ActionScope;
import com.cedarauthoring.cedar.est.PolicyView.EntityRef;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.translate.Alignment;
import java.util.ArrayList;
import java.util.List;

/**
 * cedar-conventions.md section 5 on one candidate: every part of the policy (effect, principal, tool,
 * each condition atom) must have words of its requirement behind it, and every content word of the
 * requirement must be accounted for. It never trusts the translator: a claimed alignment is verified,
 * and the evidence is always derived from the policy and the text. Deterministic, no I/O, thread-safe.
 */
public final class GroundingCheck {

    /**
     * @param requirement    the candidate's text (its rawTextFragment)
     * @param at             where that text sits in the raw input (spans are reported against the raw input)
     * @param policy         the schema-valid policy
     * @param schema         the gateway schema it was checked against
     * @param claimed        the translator's alignment ({@link Alignment#none()} when it gave none)
     * @param siblingEffects effects of the other candidates for the same sentence ("only X may" pairs)
     */
    public GroundingResult check(String requirement, Span at, PolicyView policy, GatewaySchema schema,
                                 Alignment claimed, List<PolicyView.Effect> siblingEffects) {
        RequirementText text = new RequirementText(requirement, at == null ? 0 : at.start());
        Grounding g = new Grounding(text, policy, schema, tools(policy, schema), siblingEffects);
        ClaimedAlignmentStep.apply(g, claimed);
        TextSafetyStep.apply(g);
        OnlyStep.apply(g);
        PrincipalStep.apply(g);
        ToolStep.apply(g);
        ConditionStep.apply(g);
        EffectStep.apply(g);
        CoverageStep.apply(g);
        ConstantStep.apply(g).ifPresent(g::flag);
        return g.findings().isEmpty() ? new GroundingResult.Grounded(g.alignment())
                : new GroundingResult.Ungrounded(g.findings(), g.alignment());
    }

    private static List<ToolAction> tools(PolicyView policy, GatewaySchema schema) {
        ActionScope scope = policy.action();
        List<EntityRef> refs = new ArrayList<>();
        if (scope instanceof ActionScope.Any) {
            return schema.actions();
        } else if (scope instanceof ActionScope.Eq one) {
            refs.add(one.action());
        } else if (scope instanceof ActionScope.InList list) {
            refs.addAll(list.actions());
        } else if (scope instanceof ActionScope.InGroup group) {
            refs.add(group.group());
        }
        List<ToolAction> out = new ArrayList<>();
        for (EntityRef ref : refs) {
            schema.action(ref.id()).ifPresentOrElse(out::add, () -> schema.actions().stream()
                    .filter(a -> a.targetName().equals(ref.id())).forEach(out::add));
        }
        return out;
    }
}
