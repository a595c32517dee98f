package com.cedarauthoring.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementSplitterTest {
    private final RequirementSplitter splitter = new RequirementSplitter();

    private List<String> texts(String raw) {
        List<Requirement> reqs = splitter.split(raw);
        for (Requirement r : reqs) {
            // the span is exact: the fragment is the raw substring
            assertThat(raw.substring(r.span().start(), r.span().end())).isEqualTo(r.text());
        }
        return reqs.stream().map(Requirement::text).toList();
    }

    @Test
    void splitsSentences() {
        assertThat(texts("Allow refunds. Block transfers! Deny payments? Permit bookings"))
                .containsExactly("Allow refunds.", "Block transfers!", "Deny payments?", "Permit bookings");
    }

    @Test
    void keepsPeriodsInNumbersAbbreviationsAndIdentifiers() {
        assertThat(texts("Allow users to transfer up to $2.5 million, e.g. wires. Allow email ending with example.com."))
                .containsExactly("Allow users to transfer up to $2.5 million, e.g. wires.", "Allow email ending with example.com.");
        assertThat(texts("Allow refunds when the ratio is 1.5 i.e. small")).hasSize(1);
    }

    @Test
    void keepsPeriodsInsideQuotes() {
        assertThat(texts("Allow principal with username \"a. b\" to process refunds. Deny X"))
                .containsExactly("Allow principal with username \"a. b\" to process refunds.", "Deny X");
    }

    @Test
    void bulletsNumberedLinesSemicolonsAndNewlines() {
        String raw = "- Allow A\n* Block B\n\u2022 Deny C\n1. Permit D\n2) Forbid E\nAllow F; allow G\n\n  Allow H  ";
        assertThat(texts(raw)).containsExactly("Allow A", "Block B", "Deny C", "Permit D", "Forbid E", "Allow F", "allow G", "Allow H");
    }

    @Test
    void spansPointIntoTheRawText() {
        String raw = "  1. Allow refunds.  Block B";
        List<Requirement> reqs = splitter.split(raw);
        assertThat(reqs.get(0).span().start()).isEqualTo(5);
        assertThat(reqs.get(1).text()).isEqualTo("Block B");
        assertThat(reqs.get(1).span().start()).isEqualTo(raw.indexOf("Block"));
    }

    @Test
    void wrappedLinesStayOneRequirement() {
        assertThat(texts("Allow users to process refunds\nwhen the amount is under 500\nBlock user x\na) Deny y"))
                .containsExactly("Allow users to process refunds\nwhen the amount is under 500", "Block user x", "Deny y");
    }

    @Test
    void emptyAndPunctuationOnlyInputGiveNothing() {
        assertThat(texts("")).isEmpty();
        assertThat(texts(" ;; \n - \n ... ")).isEmpty();
    }
}
