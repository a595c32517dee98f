package com.cedarauthoring.translate;

import com.cedarauthoring.findings.Span;

/** One requirement cut from the raw text: its exact text and where it sits in the raw text. */
public record Requirement(String text, Span span) {
    public Requirement {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty requirement");
        }
    }
}
