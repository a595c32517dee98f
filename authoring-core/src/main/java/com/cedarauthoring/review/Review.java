package com.cedarauthoring.review;

import com.cedarauthoring.findings.FindingType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded review decision on an asset.
 *
 * @param statement       APPROVE: the statement approved (the generated one or the reviewer's edit)
 * @param edited          APPROVE: the reviewer changed the statement
 * @param selfApproval    APPROVE without four-eyes: given in local mode, where the one principal ({@code local})
 *                        cannot be shown to differ from the one who started the generation
 * @param difference      APPROVE with an edit that changes the meaning: one request decided differently
 * @param policyId        the policy this approval created (only the approval that completed the count)
 */
public record Review(String reviewId, String policyEngineId, String policyGenerationId, String policyGenerationAssetId,
                     int sequence, ReviewDecision decision, String reviewer, Optional<String> comment,
                     Optional<String> statement, Optional<String> statementSha256, boolean edited,
                     boolean selfApproval, Optional<StatementDifference> difference, List<FindingType> acknowledgedFindings,
                     Optional<String> policyId, Instant createdAt) {
    public Review {
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reviewer, "reviewer");
        comment = comment == null ? Optional.empty() : comment;
        statement = statement == null ? Optional.empty() : statement;
        statementSha256 = statementSha256 == null ? Optional.empty() : statementSha256;
        difference = difference == null ? Optional.empty() : difference;
        acknowledgedFindings = acknowledgedFindings == null ? List.of() : List.copyOf(acknowledgedFindings);
        policyId = policyId == null ? Optional.empty() : policyId;
        Objects.requireNonNull(createdAt, "createdAt");
    }

    Review withPolicy(String id) {
        return new Review(reviewId, policyEngineId, policyGenerationId, policyGenerationAssetId, sequence, decision,
                reviewer, comment, statement, statementSha256, edited, selfApproval, difference, acknowledgedFindings,
                Optional.of(id), createdAt);
    }
}
