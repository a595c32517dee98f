package com.cedarauthoring.explain;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;

/**
 * Generates the request set on which two policy sets are compared and from which decision examples
 * are drawn: each tool, boundary values around every literal in the policies, optional attributes
 * present and absent, tags present, absent and different, and a request for another gateway.
 */
public final class RequestGenerator {

    public List<AuthRequest> generate(GatewaySchema schema, List<String> policies) {
        throw new UnsupportedOperationException("implemented by the analysis work (branch analysis)");
    }
}
