package com.cedarauthoring.translate.rules;

/** Control flow for "this requirement cannot be translated faithfully"; carries the finding's code and local span. */
final class Untranslatable extends RuntimeException {
    final String code;
    final int start;
    final int end;

    Untranslatable(String code, String message, int start, int end) {
        super(message, null, false, false);
        this.code = code;
        this.start = start;
        this.end = end;
    }
}
