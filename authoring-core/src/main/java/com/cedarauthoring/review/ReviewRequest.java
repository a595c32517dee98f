package com.cedarauthoring.review;

import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.policy.EnforcementMode;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST .../assets/{assetId}/review} as read from the wire (checked by {@link ReviewService}).
 *
 * @param statement          APPROVE: the reviewer's edited Cedar, if any
 * @param confirmDifference  APPROVE: the reviewer has seen that the edit changes the meaning and approves anyway
 * @param dryRun             check everything and answer what would be recorded, storing nothing
 */
public record ReviewRequest(ReviewDecision decision, Optional<String> comment, Optional<String> policyName,
                            Optional<String> description, Optional<String> statement,
                            Set<FindingType> acknowledgedFindings, EnforcementMode enforcementMode,
                            boolean confirmDifference, boolean dryRun) {
    public ReviewRequest {
        Objects.requireNonNull(decision, "decision");
        comment = comment == null ? Optional.empty() : comment;
        policyName = policyName == null ? Optional.empty() : policyName;
        description = description == null ? Optional.empty() : description;
        statement = statement == null ? Optional.empty() : statement;
        // an EnumSet keeps declaration order, so the clientToken fingerprint is the same in every JVM
        acknowledgedFindings = acknowledgedFindings == null || acknowledgedFindings.isEmpty()
                ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(acknowledgedFindings));
        enforcementMode = enforcementMode == null ? EnforcementMode.ACTIVE : enforcementMode;
    }
}
