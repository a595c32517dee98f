package com.cedarauthoring.translate.rules;

import java.math.BigDecimal;

/** A typed value of the condition tree, already checked against the attribute's type. */
sealed interface Literal {
    record Long(long value) implements Literal {}

    /** A Cedar decimal: at most 4 fractional digits, checked when built. */
    record Decimal(BigDecimal value) implements Literal {}

    record Str(String value) implements Literal {}

    record Bool(boolean value) implements Literal {}
}
