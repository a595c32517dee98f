package com.cedarauthoring.explain;

import com.cedarauthoring.cedar.AuthRequest;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;
import java.util.Optional;

/** Semantic comparison of two policy sets: do they decide every generated request the same way? */
public final class Equivalence {

    /** A request on which the two sets disagree. */
    public record Difference(AuthRequest request, boolean expectedAllowed, boolean actualAllowed) {}

    /** The first request (from {@link RequestGenerator} over both sets) decided differently, if any. */
    public Optional<Difference> compare(List<String> expected, List<String> actual, GatewaySchema schema) {
        throw new UnsupportedOperationException("implemented by the analysis work (branch analysis)");
    }
}
