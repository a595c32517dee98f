package com.cedarauthoring.policy;

/**
 * Which member of AgentCore's PolicyDefinition union carries a statement: {@code cedar} (since preview)
 * or {@code policy} (2026-06-17). A policy is answered with the member it was written with; policies
 * created from a generation asset keep the resolved statement as {@code cedar}.
 */
public enum StatementKind {
    CEDAR("cedar"), POLICY("policy");

    private final String member;

    StatementKind(String member) {
        this.member = member;
    }

    /** The JSON member name in the definition union. */
    public String member() {
        return member;
    }
}
