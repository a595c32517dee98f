package com.cedarauthoring.policy;

import java.util.Optional;

/** Lookup of policy engines for other features (generation). Implemented by the policy feature. */
public interface EngineDirectory {
    Optional<EngineRef> find(String policyEngineId);
}
