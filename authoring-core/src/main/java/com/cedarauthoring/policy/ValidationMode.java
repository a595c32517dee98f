package com.cedarauthoring.policy;

/**
 * How findings of the analyzer affect a policy. Schema checks run in both modes; only
 * {@link #FAIL_ON_ANY_FINDINGS} (AgentCore's default) also fails on analyzer findings.
 */
public enum ValidationMode { FAIL_ON_ANY_FINDINGS, IGNORE_ALL_FINDINGS }
