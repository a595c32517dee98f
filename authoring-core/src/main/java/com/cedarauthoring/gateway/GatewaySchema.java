package com.cedarauthoring.gateway;

import com.cedarauthoring.cedar.CedarSchema;
import com.cedarauthoring.cedar.CedarType;
import java.util.List;
import java.util.Optional;

/**
 * The derived Cedar schema of one gateway: everything a translator, validator or analysis needs.
 *
 * @param gatewayArn    the resource every generated policy is scoped to
 * @param authorizer    decides the principal type ({@code OAuthUser} with tags, or {@code IamEntity})
 * @param actions       one per tool, in target then tool order
 * @param cedarText     the schema in Cedar syntax (namespace {@code AgentCore})
 * @param cedarJson     the same schema in Cedar's JSON schema format
 */
public record GatewaySchema(String gatewayArn, AuthorizerType authorizer, List<ToolAction> actions,
                            String cedarText, String cedarJson) implements CedarSchema {

    public GatewaySchema {
        actions = List.copyOf(actions);
    }

    public Optional<ToolAction> action(String actionId) {
        // a loop, not a stream: every authorize request looks its tool up here
        for (ToolAction a : actions) {
            if (a.actionId().equals(actionId)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<CedarType.RecordType> inputOf(String actionId) {
        return action(actionId).map(ToolAction::input);
    }

    /** Target names in declaration order, without duplicates. */
    public List<String> targetNames() {
        return actions.stream().map(ToolAction::targetName).distinct().toList();
    }

    /** {@code AgentCore::OAuthUser} or {@code AgentCore::IamEntity}. */
    public String principalType() {
        return NAMESPACE + "::" + authorizer.principalEntity();
    }

    /**
     * The schema cut down to these tool actions (all entity types and target groups kept). Strict
     * validation of a policy whose scope is exactly one action typechecks only that action's request
     * environment, so the result is the same as against the full schema; cedar-java, however, ships the
     * whole schema across JNI on every call, so the smaller text is several times faster on big gateways.
     */
    @Override
    public Optional<String> cedarTextFor(java.util.Collection<String> actionIds) {
        List<ToolAction> chosen = new java.util.ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(actionIds)) {
            Optional<ToolAction> a = action(id);
            if (a.isEmpty()) {
                return Optional.empty();
            }
            chosen.add(a.get());
        }
        return chosen.isEmpty() ? Optional.empty() : Optional.of(SchemaDeriver.cedarText(authorizer, targetNames(), chosen));
    }
}
