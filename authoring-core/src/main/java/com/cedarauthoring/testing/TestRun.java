package com.cedarauthoring.testing;

import java.util.List;

/** A suite run against an engine: per-case results in the order given, and totals. */
public record TestRun(List<CaseResult> results) {
    public TestRun {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }
}
