package com.cedarauthoring.findings;

/** Character offsets {@code [start, end)} into the raw requirement text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
