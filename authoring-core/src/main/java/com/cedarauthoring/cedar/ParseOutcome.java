package com.cedarauthoring.cedar;

import java.util.List;

/** Result of splitting Cedar text into policies. Syntax errors are data, not exceptions. */
public sealed interface ParseOutcome {

    /** Each element is the exact source of one policy (permit or forbid). */
    record Parsed(List<String> policies) implements ParseOutcome {
        public Parsed {
            policies = List.copyOf(policies);
        }
    }

    record SyntaxError(String message) implements ParseOutcome {}
}
