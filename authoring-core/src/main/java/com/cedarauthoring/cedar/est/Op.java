package com.cedarauthoring.cedar.est;

import java.util.Optional;

/** Cedar's comparison operators, with the decimal method that means the same. */
public enum Op {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String cedar;

    Op(String cedar) {
        this.cedar = cedar;
    }

    public String cedar() {
        return cedar;
    }

    /** The operator that holds exactly when this one does not. */
    public Op negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
        };
    }

    /** The operator with its operands swapped ({@code 5 < x} is {@code x > 5}). */
    public Op flip() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    public static Optional<Op> ofCedar(String text) {
        for (Op op : values()) {
            if (op.cedar.equals(text)) {
                return Optional.of(op);
            }
        }
        return switch (text) {
            case "lessThan" -> Optional.of(LT);
            case "lessThanOrEqual" -> Optional.of(LE);
            case "greaterThan" -> Optional.of(GT);
            case "greaterThanOrEqual" -> Optional.of(GE);
            default -> Optional.empty();
        };
    }
}
