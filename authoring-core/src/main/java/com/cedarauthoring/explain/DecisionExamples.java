package com.cedarauthoring.explain;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.cedar.Decision;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.ConditionFacts.Key;
import com.cedarauthoring.findings.ConditionFacts;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.semantics.RequestGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A few allow and deny examples that show a reviewer where a policy's boundaries are: a request where
 * the condition holds, then requests where exactly one predicate fails (a value just across a bound,
 * a missing tag or field), and a request for another gateway. Decisions come from Cedar itself; a
 * forbid is evaluated as if every other request were allowed, so its examples show what it blocks.
 */
public final class DecisionExamples {
    public static final int MAX_EXAMPLES = 6;

    private final Cedar cedar;

    public DecisionExamples(Cedar cedar) {
        this.cedar = cedar;
    }


    public List<DecisionExample> examples(String cedarPolicy, GatewaySchema schema) {
        PolicyView policy = cedar.view(cedarPolicy);
        Optional<ToolAction> tool = firstTool(policy.action(), schema);
        String actionId = tool.map(ToolAction::actionId).orElse(singleId(policy.action()).orElse("CallTool"));
        CedarType.RecordType type = tool.map(ToolAction::input).orElse(new CedarType.RecordType(List.of()));
        ObjectNode base = RequestGenerator.neutral(type);
        boolean tags = schema.authorizer().principalHasTags();
        String principal = schema.authorizer().principalEntity();
        ConditionFacts facts = ConditionFacts.of(policy);
        // a forbid alone denies everything; show what it blocks against a background that allows the rest
        boolean forbid = policy.effect() == PolicyView.Effect.FORBID;
        Map<String, String> policies = forbid
                ? Map.of("policy", cedarPolicy, "background", "permit (principal, action, resource);")
                : Map.of("policy", cedarPolicy);

        List<String> whats = new ArrayList<>();
        List<AuthRequest> requests = new ArrayList<>();
        Map<Key, Optional<Object>> first = null;
        AuthRequest firstRequest = null;
        for (ConditionFacts.Scenario s : facts.scenarios()) {
            if (requests.size() >= MAX_EXAMPLES - 1) {
                break;
            }
            Optional<RequestGenerator.Built> built = RequestGenerator.scenarioRequest(s, type, base, Map.of(), tags);
            if (built.isEmpty()) {
                continue;
            }
            AuthRequest r = new AuthRequest(principal, RequestGenerator.PRINCIPAL_ID, built.get().tags(), actionId,
                    schema.gatewayArn(), built.get().input());
            if (first == null) {
                first = s.values();
                firstRequest = r;
            }
            String what = describe(s.values(), s.values() == first ? Map.of() : first);
            if (!requests.contains(r)) {
                whats.add(what);
                requests.add(r);
            }
        }
        if (firstRequest == null) {
            firstRequest = new AuthRequest(principal, RequestGenerator.PRINCIPAL_ID, Map.of(), actionId,
                    schema.gatewayArn(), base);
            whats.add("a " + actionId + " call with no particular inputs");
            requests.add(firstRequest);
        }
        AuthRequest other = new AuthRequest(firstRequest.principalType(), firstRequest.principalId(), firstRequest.tags(),
                firstRequest.actionId(), RequestGenerator.OTHER_GATEWAY, firstRequest.input());
        whats.add("the same call on another gateway");
        requests.add(other);
        List<Decision> decisions = cedar.authorizeAll(policies, requests, Optional.of(schema));
        List<DecisionExample> out = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            boolean allowed = decisions.get(i).allowed();
            String decision = allowed ? (forbid ? "ALLOW (not blocked by this policy)" : "ALLOW") : "DENY";
            out.add(new DecisionExample(whats.get(i) + " -> " + decision, requests.get(i), allowed));
        }
        return List.copyOf(out);
    }

    /** The values of this scenario that differ from the reference one (all of them for the first). */
    private static String describe(Map<Key, Optional<Object>> values, Map<Key, Optional<Object>> reference) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!reference.isEmpty() && Objects.equals(reference.get(k), v)) {
                return;
            }
            String name = k.tag() ? k.name() + " tag" : k.name();
            parts.add(v.isEmpty() ? "no " + name
                    : v.get() == ConditionFacts.AnyValue.ANY ? name + " provided" : name + " = " + text(v.get()));
        });
        return parts.isEmpty() ? "no condition values" : String.join(", ", parts);
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    /** The one action or group id of {@code action == A} / {@code action in G}. */
    private static Optional<String> singleId(PolicyView.ActionScope action) {
        return action instanceof PolicyView.ActionScope.InList ? Optional.empty() : action.ids().stream().findFirst();
    }

    private static Optional<ToolAction> firstTool(PolicyView.ActionScope action, GatewaySchema schema) {
        List<String> ids = action.ids();
        if (ids.isEmpty()) {
            return schema.actions().stream().findFirst();
        }
        Map<String, ToolAction> byId = new LinkedHashMap<>();
        schema.actions().forEach(a -> byId.put(a.actionId(), a));
        for (String id : ids) {
            if (byId.containsKey(id)) {
                return Optional.of(byId.get(id));
            }
            Optional<ToolAction> inTarget = schema.actions().stream()
                    .filter(a -> a.targetName().equals(id) || id.equals("CallTool")).findFirst();
            if (inTarget.isPresent()) {
                return inTarget;
            }
        }
        return Optional.empty();
    }
}
