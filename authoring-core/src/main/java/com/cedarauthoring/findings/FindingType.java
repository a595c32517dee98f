package com.cedarauthoring.findings;

/** AgentCore's FindingType plus AMBIGUOUS, which AgentCore lacks (cedar-conventions.md section 4). */
public enum FindingType {
    VALID, INVALID, NOT_TRANSLATABLE, ALLOW_ALL, ALLOW_NONE, DENY_ALL, DENY_NONE, AMBIGUOUS;

    /** Findings that make an asset unusable as a policy (refused under FAIL_ON_ANY_FINDINGS and by the CLI). */
    public boolean isError() {
        return this == INVALID || this == NOT_TRANSLATABLE;
    }
}
