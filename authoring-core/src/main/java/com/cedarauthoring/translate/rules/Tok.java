package com.cedarauthoring.translate.rules;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One token of a requirement. {@code lower} is the lower-cased text used for keyword matching;
 * {@code text} is exactly what the user wrote (literals keep it). Offsets are local to the requirement.
 *
 * @param money       the number is a money amount ("$500", "500 dollars", "1000 USD")
 * @param currency    the currency the number names ("USD" for "1000 USD"), null for "$" or none
 * @param alternative the other reading of a number whose separator is ambiguous ("1.000": 1000 or 1), else null
 * @param unit        a non-money unit written with the number ("10%", "5kg"), else null
 */
record Tok(Kind kind, String text, String lower, BigDecimal number, boolean money, int start, int end, String currency,
           BigDecimal alternative, String unit) {
    enum Kind { WORD, NUMBER, QUOTED, COMMA, LPAREN, RPAREN, PUNCT }

    Tok(Kind kind, String text, String lower, BigDecimal number, boolean money, int start, int end) {
        this(kind, text, lower, number, money, start, end, null, null, null);
    }

    boolean is(String word) {
        return kind == Kind.WORD && lower.equals(word);
    }

    boolean isAny(Set<String> words) {
        return kind == Kind.WORD && words.contains(lower);
    }

    Tok withNumber(BigDecimal value, int newStart, int newEnd, String newText) {
        return new Tok(Kind.NUMBER, newText, newText.toLowerCase(java.util.Locale.ROOT), value, money, newStart, newEnd,
                currency, alternative, unit);
    }
}
