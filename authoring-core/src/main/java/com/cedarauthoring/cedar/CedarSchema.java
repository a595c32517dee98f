package com.cedarauthoring.cedar;

import java.util.Optional;

/**
 * A schema as {@link Cedar} needs it: its text for strict validation and the declared type of each
 * action's input, so JSON numbers on {@code decimal} attributes become Cedar decimals. A port owned
 * here so that the engine facade depends on no domain package (the gateway's derived schema
 * implements it).
 *
 * <p>The constants are the AgentCore entity model every such schema shares: the namespace, and action
 * ids of the form {@code <Target>___<tool>} that sit in their target's group, itself in {@code CallTool}.
 */
public interface CedarSchema {
    String NAMESPACE = "AgentCore";
    String ACTION_SEPARATOR = "___";

    /** The whole schema in Cedar syntax. */
    String cedarText();

    /**
     * A schema that validates policies scoped to exactly one of these actions each as the whole one does
     * (smaller, so cheaper to hand to cedar-java); empty when an action is unknown.
     */
    Optional<String> cedarTextFor(java.util.Collection<String> actionIds);

    /** The declared input record of an action; empty when the action is unknown. */
    Optional<CedarType.RecordType> inputOf(String actionId);
}
