package com.cedarauthoring.explain;

import com.cedarauthoring.gateway.GatewaySchema;

/** Cedar to plain English for reviewers. */
public final class Explainer {

    public String explain(String cedarPolicy, GatewaySchema schema) {
        throw new UnsupportedOperationException("implemented by the analysis work (branch analysis)");
    }
}
