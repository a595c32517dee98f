package com.cedarauthoring.grounding;

import java.util.List;

/**
 * One word of the requirement with its offsets into the fragment; {@code stems} holds the stem of the
 * whole word and of each part of a compound ("RefundTarget", "high-sensitivity").
 */
record Tok(int index, String text, int start, int end, List<String> stems) {
    Tok {
        stems = List.copyOf(stems);
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
