package com.cedarauthoring.policy;

/** What other features need to know about a policy engine. */
public record EngineRef(String policyEngineId, String policyEngineArn, String name) {}
