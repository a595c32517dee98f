package com.cedarauthoring.translate.rules;

/** A comparison operator of the condition tree. */
enum Op {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    static Op of(String symbol) {
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    /** The operator of the negated comparison ("not under" is ">="). */
    Op negate() {
        return switch (this) {
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
            case EQ -> NE;
            case NE -> EQ;
        };
    }
}
