package com.cedarauthoring.explain;

import static com.cedarauthoring.explain.TestSchemas.permit;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.GatewaySchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionExamplesTest {
    private static final Cedar CEDAR = new Cedar();
    private static final GatewaySchema SCHEMA = TestSchemas.refunds();
    private final DecisionExamples examples = new DecisionExamples(CEDAR);

    @Test
    void showsBothSidesOfEachBoundary() {
        String p = permit("principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\""
                + " && context.input.amount < 500");
        List<DecisionExample> ex = examples.examples(p, SCHEMA);
        assertThat(ex).hasSizeBetween(4, DecisionExamples.MAX_EXAMPLES);
        assertThat(ex).extracting(DecisionExample::description).contains(
                "username tag = \"refund-agent\", amount = 499 -> ALLOW",
                "no username tag -> DENY",
                "amount = 500 -> DENY",
                "the same call on another gateway -> DENY");
        // the recorded decisions are Cedar's
        for (DecisionExample e : ex) {
            assertThat(CEDAR.authorize(Map.of("p", p), e.request(), Optional.of(SCHEMA)).allowed()).isEqualTo(e.allowed());
        }
        assertThat(ex).anyMatch(DecisionExample::allowed).anyMatch(e -> !e.allowed());
    }

    @Test
    void coversOptionalAndDecimalAttributes() {
        String p = permit("context.input has rate && context.input.rate.greaterThan(decimal(\"1.5\"))");
        List<DecisionExample> ex = examples.examples(p, SCHEMA);
        assertThat(ex).extracting(DecisionExample::description)
                .contains("rate = 1.5001 -> ALLOW", "no rate -> DENY", "rate = 1.5 -> DENY");
    }

    @Test
    void unconditionedPolicyStillGetsExamples() {
        List<DecisionExample> ex = examples.examples(permit(null), SCHEMA);
        assertThat(ex).extracting(DecisionExample::allowed).containsExactly(true, false);
    }

    @Test
    void forbidExamplesShowWhatIsBlocked() {
        String p = TestSchemas.forbid("context.input.amount >= 10000");
        assertThat(examples.examples(p, SCHEMA)).extracting(DecisionExample::description).contains(
                "amount = 10000 -> DENY", "amount = 9999 -> ALLOW (not blocked by this policy)");
    }

    @Test
    void presenceOnlyConditionsGetExamples() {
        assertThat(examples.examples(permit("context.input has reason"), SCHEMA)).extracting(DecisionExample::description)
                .contains("reason provided -> ALLOW", "no reason -> DENY");
    }
}
