package com.cedarauthoring.findings;

/**
 * Stable machine codes of findings ({@code findings[].code} on the wire), each with the finding type it
 * carries. Codes are API: never rename one; add new ones.
 */
public enum FindingCode {
    // Cedar and scope (the candidate check)
    CEDAR_SYNTAX(FindingType.INVALID),
    CEDAR_SCHEMA(FindingType.INVALID),
    SCOPE_VIOLATION(FindingType.INVALID),
    // translators
    UNSUPPORTED_CONSTRUCT(FindingType.NOT_TRANSLATABLE),
    UNTRANSLATED_WORDS(FindingType.NOT_TRANSLATABLE),
    MODEL_OUTPUT(FindingType.NOT_TRANSLATABLE),
    MODEL_AMBIGUITY(FindingType.AMBIGUOUS),
    MODEL_RULES_DISAGREE(FindingType.AMBIGUOUS),
    // grounding (cedar-conventions.md section 5)
    /** A string or number of the policy that the requirement does not say. */
    UNGROUNDED_LITERAL(FindingType.INVALID),
    /** The effect (permit/forbid) has no word of the requirement behind it, or the opposite one. */
    UNGROUNDED_EFFECT(FindingType.INVALID),
    /** An attribute the requirement does not name. */
    UNGROUNDED_ATTRIBUTE(FindingType.NOT_TRANSLATABLE),
    /** A phrase that names only part of an attribute ("the booking" for booking_id). */
    HALF_NAMED_ATTRIBUTE(FindingType.NOT_TRANSLATABLE),
    /** A phrase that names part of several attributes equally. */
    ATTRIBUTE_TIE(FindingType.AMBIGUOUS),
    /** A money amount on a non-money attribute, or another unit the attribute does not carry. */
    UNIT_MISMATCH(FindingType.NOT_TRANSLATABLE),
    /** A named currency that the policy does not test. */
    CURRENCY_IGNORED(FindingType.NOT_TRANSLATABLE),
    /** A value outside the attribute's enum. */
    ENUM_VALUE(FindingType.NOT_TRANSLATABLE),
    /** An evaluative word ("reasonable", "important") used as a value. */
    EVALUATIVE_VALUE(FindingType.NOT_TRANSLATABLE),
    /** Words of the requirement that no part of the policy accounts for. */
    UNCONSUMED_WORDS(FindingType.NOT_TRANSLATABLE),
    /** The comparison written differs from the one in the policy ("at or above" read as >). */
    COMPARATOR_MISMATCH(FindingType.NOT_TRANSLATABLE),
    /** No tool phrase behind the policy's action scope. */
    NO_TOOL(FindingType.NOT_TRANSLATABLE),
    /** A group noun ("customers", "staff") that a token does not identify. */
    GROUP_PRINCIPAL(FindingType.NOT_TRANSLATABLE),
    /** A bare lower-case word in subject position: username or role. */
    BARE_PRINCIPAL(FindingType.AMBIGUOUS),
    /** "1.000", "1,5": a separator that reads two ways. */
    NUMBER_FORMAT(FindingType.AMBIGUOUS),
    /** "Only X may ..." translated as a plain permit. */
    ONLY_CONSTRUCT(FindingType.NOT_TRANSLATABLE),
    /** Control or bidirectional-override characters in the requirement's values. */
    CONTROL_CHARACTERS(FindingType.NOT_TRANSLATABLE),
    /** A value mixing scripts (a Cyrillic letter in a Latin name). */
    MIXED_SCRIPT(FindingType.AMBIGUOUS),
    /** A translator's alignment that the words it points at do not support. */
    ALIGNMENT_MISMATCH(FindingType.INVALID);

    private final FindingType type;

    FindingCode(FindingType type) {
        this.type = type;
    }

    public FindingType type() {
        return type;
    }

    /** A finding of this code's type. */
    public Finding finding(String description, Span span) {
        return new Finding(type, description, name(), span);
    }
}
