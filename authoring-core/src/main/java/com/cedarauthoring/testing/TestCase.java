package com.cedarauthoring.testing;

import com.cedarauthoring.cedar.AuthRequest;
import java.util.Objects;

/** One named case of a test suite (the seed's {@code test_policy_suite}): a request and the decision expected. */
public record TestCase(String name, AuthRequest request, boolean expectAllow) {
    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
    }
}
