package com.cedarauthoring.cedar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parse and format outcomes are kept by text (one JNI call each); a cached answer is Cedar's answer. */
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
}
