package com.cedarauthoring.findings;

import java.util.Optional;

/**
 * One finding on a generated asset: AgentCore's {@code {type, description}} plus our stable machine
 * {@code code} and an optional {@code span} into the raw text. VALID has no description.
 */
public record Finding(FindingType type, String description, String code, Span span) {
    public Finding {
        if (type == null || code == null || code.isBlank()) {
            throw new IllegalArgumentException("finding needs a type and a code");
        }
        if (type == FindingType.VALID && description != null) {
            throw new IllegalArgumentException("VALID carries no description");
        }
        if (type != FindingType.VALID && (description == null || description.isBlank())) {
            throw new IllegalArgumentException(type + " needs a description");
        }
    }

    public static Finding valid() {
        return new Finding(FindingType.VALID, null, "VALID", null);
    }

    public static Finding of(FindingType type, String code, String description, Span span) {
        return new Finding(type, description, code, span);
    }

    public static Finding of(FindingType type, String code, String description) {
        return new Finding(type, description, code, null);
    }

    public Optional<Span> spanIfAny() {
        return Optional.ofNullable(span);
    }

    public Finding withSpanIfAbsent(Span fallback) {
        return span != null || fallback == null ? this : new Finding(type, description, code, fallback);
    }
}
