package com.cedarauthoring.policy;

/** Per-policy enforcement: LOG_ONLY policies are evaluated and reported but never decide. Default ACTIVE. */
public enum EnforcementMode { ACTIVE, LOG_ONLY }
