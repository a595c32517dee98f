package com.cedarauthoring.testing;

import com.cedarauthoring.cedar.Decision;
import java.util.Objects;

/** One case's outcome: the enforced decision and whether it is the expected one. */
public record CaseResult(TestCase testCase, Decision decision) {
    public CaseResult {
        Objects.requireNonNull(testCase, "testCase");
        Objects.requireNonNull(decision, "decision");
    }

    public boolean passed() {
        return decision.allowed() == testCase.expectAllow();
    }
}
