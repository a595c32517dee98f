package com.cedarauthoring.cedar;

/** Cedar's lexical rules that more than one writer of Cedar text needs (schemas, policies). */
public final class CedarSyntax {
    private CedarSyntax() {}

    /** A Cedar string literal, with quotes, backslashes and control characters escaped. */
    public static String quote(String s) {
        return '"' + escape(s) + '"';
    }

    /** The body of a Cedar string literal (or like pattern) for {@code s}, without the quotes. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u{%x}", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
