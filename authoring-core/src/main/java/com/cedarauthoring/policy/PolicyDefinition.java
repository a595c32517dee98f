package com.cedarauthoring.policy;

import java.util.Objects;

/** The PolicyDefinition union of a create or update request: a statement, or a reference to a generated asset. */
public sealed interface PolicyDefinition {
    int STATEMENT_MIN = 35;
    int STATEMENT_MAX = 10_000;

    /** {@code definition.cedar.statement} or {@code definition.policy.statement}. */
    record Statement(StatementKind kind, String statement) implements PolicyDefinition {
        public Statement {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(statement, "statement");
        }
    }

    /** {@code definition.policyGeneration {policyGenerationId, policyGenerationAssetId}}. */
    record FromGeneration(String policyGenerationId, String policyGenerationAssetId) implements PolicyDefinition {
        public FromGeneration {
            Objects.requireNonNull(policyGenerationId, "policyGenerationId");
            Objects.requireNonNull(policyGenerationAssetId, "policyGenerationAssetId");
        }
    }
}
