package com.cedarauthoring.translate.rules;

import java.math.BigDecimal;

/**
 * One token of a requirement. {@code lower} is the lower-cased text used for keyword matching;
 * {@code text} is exactly what the user wrote (literals keep it). Offsets are local to the requirement.
 */
record Tok(Kind kind, String text, String lower, BigDecimal number, boolean money, int start, int end) {
    enum Kind { WORD, NUMBER, QUOTED, COMMA, LPAREN, RPAREN, PUNCT }

    boolean is(String word) {
        return kind == Kind.WORD && lower.equals(word);
    }

    boolean isAny(java.util.Set<String> words) {
        return kind == Kind.WORD && words.contains(lower);
    }
}
