package com.cedarauthoring.translate.rules;

import com.cedarauthoring.findings.FindingType;

/** A finding the parse attaches to its reading (AMBIGUOUS ...), with local offsets into the requirement. */
record Diagnostic(FindingType type, String code, String message, int start, int end) {
    static Diagnostic ambiguous(String code, String message, int start, int end) {
        return new Diagnostic(FindingType.AMBIGUOUS, code, message, start, end);
    }
}
