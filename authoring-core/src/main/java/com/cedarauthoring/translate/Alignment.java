package com.cedarauthoring.translate;

import com.cedarauthoring.findings.Span;
import java.util.List;

/**
 * Where each part of a candidate policy came from in the requirement (cedar-conventions.md section 5).
 * A translator proposes it; the pipeline's grounding check verifies it and never trusts it. Spans are
 * offsets into the raw input text, like {@link Candidate#span()}, so the console can highlight them.
 *
 * @param parts one entry per policy part: the effect, the principal test, the tool, each condition atom
 */
public record Alignment(List<Part> parts) {

    public Alignment {
        parts = List.copyOf(parts);
    }

    /** A translator that gives no alignment; the grounding check then derives evidence itself. */
    public static Alignment none() {
        return new Alignment(List.of());
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Which part of the policy an alignment entry explains. */
    public enum Role { EFFECT, PRINCIPAL, TOOL, CONDITION }

    /**
     * @param role   the part of the policy
     * @param target what in the policy: the Cedar of a condition atom (e.g. {@code context.input.amount < 500}),
     *               the action id of a tool, the principal test, or {@code permit}/{@code forbid}
     * @param spans  the requirement words it came from, offsets into the raw input (non-empty)
     */
    public record Part(Role role, String target, List<Span> spans) {
        public Part {
            if (role == null || target == null) {
                throw new IllegalArgumentException("an alignment part needs a role and a target");
            }
            spans = List.copyOf(spans);
        }
    }
}
