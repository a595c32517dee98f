package com.cedarauthoring.cedar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Parse and format outcomes are kept by text (one JNI call each); a cached answer is Cedar's answer. Several
 * requests against one policy set are evaluated on a natively cached set, with the same decisions.
 */
class CedarCacheTest {
    private final Cedar cedar = new Cedar();

    @Test
    void formattingItsOwnOutputAnswersThatOutput() {
        String messy = "permit(principal,action,resource)when{context.input.amount<500};";
        String pretty = cedar.format(messy);
        assertThat(pretty).isNotEqualTo(messy).contains("context.input.amount < 500");
        assertThat(cedar.format(pretty)).isEqualTo(pretty);
        assertThat(new Cedar().format(pretty)).as("what a fresh engine says, without the cache").isEqualTo(pretty);
    }

    @Test
    void repeatedParsesAgreeWithAFreshEngine() {
        String two = "permit(principal, action, resource);\nforbid(principal, action, resource) when { false };";
        ParseOutcome first = cedar.parse(two);
        assertThat(cedar.parse(two)).isEqualTo(first).isEqualTo(new Cedar().parse(two));
        assertThat(((ParseOutcome.Parsed) first).policies()).hasSize(2);
        String broken = "permit(principal, action, resource) when {";
        assertThat(cedar.parse(broken)).isInstanceOf(ParseOutcome.SyntaxError.class).isEqualTo(cedar.parse(broken));
        assertThat(cedar.format(broken)).as("unparseable text comes back unchanged").isEqualTo(broken);
        assertThat(cedar.parse(null)).isInstanceOf(ParseOutcome.SyntaxError.class);
    }

    @Test
    void validationUsesTheCachedParseWithoutChangingItsAnswer() {
        String notOne = "permit(principal, action, resource); permit(principal, action, resource);";
        cedar.parse(notOne);
        assertThat(cedar.validate("namespace A { entity U; action \"a\" appliesTo { principal: U, resource: U }; }", notOne))
                .containsExactly("the statement must hold exactly one policy, found 2");
    }

    @Test
    void severalRequestsOnANativelyCachedSetAreDecidedAsOneByOneWhetherOrNotTheCacheHasRoom() {
        Map<String, String> policies = Map.of("policy", "permit(principal, action, resource) when { "
                + "principal.hasTag(\"username\") && principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < 500 };",
                "background", "forbid(principal, action, resource) when { context.input.amount == 13 };");
        List<AuthRequest> requests = List.of(request("refund-agent", 499), request("refund-agent", 500),
                request("refund-agent", 13), request("intern", 1), request("refund-agent", -5));
        List<Decision> oneByOne = requests.stream().map(r -> cedar.authorize(policies, r, Optional.empty())).toList();
        assertThat(oneByOne).extracting(Decision::allowed).containsExactly(true, false, false, false, true);
        assertThat(oneByOne.get(0).determiningPolicies()).containsExactly("policy");
        assertThat(oneByOne.get(2).determiningPolicies()).containsExactly("background");

        assertThat(cedar.authorizeAll(policies, requests, Optional.empty())).isEqualTo(oneByOne);
        PolicySet holder = new PolicySet(Set.of(new Policy(
                "permit(principal, action, resource);", "p")));
        PolicySet.setCacheMaxPolicySets(1);
        try {
            try {
                holder.cache(); // takes the one place
            } catch (CacheException alreadyFull) {
                // sets cached by other tests fill it already
            }
            assertThatThrownBy(() -> new PolicySet(Set.of(new Policy(
                    "permit(principal, action, resource);", "p"))).cache()).as("the cache is full")
                    .isInstanceOf(CacheException.class);
            assertThat(cedar.authorizeAll(policies, requests, Optional.empty())).isEqualTo(oneByOne);
        } finally {
            PolicySet.setCacheMaxPolicySets(4_096);
        }
    }

    private static AuthRequest request(String username, int amount) {
        return new AuthRequest("OAuthUser", "u1", Map.of("username", username), "RefundTarget___process_refund",
                "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/g1",
                JsonNodeFactory.instance.objectNode().put("amount", amount));
    }
}
