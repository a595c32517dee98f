package com.cedarauthoring.explain;

import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;

/** A few allow and deny examples that show a reviewer where a policy's boundaries are. */
public final class DecisionExamples {

    public List<DecisionExample> examples(String cedarPolicy, GatewaySchema schema) {
        throw new UnsupportedOperationException("implemented by the analysis work (branch analysis)");
    }
}
