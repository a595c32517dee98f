package com.cedarauthoring.cedar;

import java.util.Optional;

/**
 * Bounds on text handed to cedar-java's native parser, checked by a small lexer before the text crosses JNI.
 *
 * <p>The native parser recurses once per nesting level, binary operator and member access. On a 1 MiB
 * thread stack it overflows (and the JVM dies with SIGSEGV, no exception) at 70 nested brackets, about
 * 1,080 chained {@code &&} / {@code +} terms and about 1,080 chained {@code .a} steps (measured in a forked
 * JVM, see {@code NativeStack}). The bounds here sit far below those figures, and native calls also run on
 * threads with a 64 MiB stack, so an input that passes cannot overflow. They also keep the EST that Cedar
 * returns well inside Jackson's nesting limit of 1,000 (two JSON levels per operator), which a 500-term
 * chain used to exceed.
 *
 * <p>The lexer respects string literals (with escapes) and {@code //} comments, so brackets or operators
 * inside them are not counted. Operator and chain counts restart at each top-level {@code ;} (one policy).
 */
public final class CedarLimits {
    /** Brackets {@code ( [ {} (and {@code <} in schemas) open at once. */
    public static final int MAX_NESTING = 32;
    /** Operators ({@code && || == != < <= > >= + - * ! in has like is if}) in one policy. */
    public static final int MAX_OPERATORS = 256;
    /** Consecutive member accesses ({@code .attr}, {@code .method(...)}) in one expression. */
    public static final int MAX_MEMBER_CHAIN = 32;
    /** Characters of policy text handed over at once (a statement is at most 10,000 by the API). */
    public static final int MAX_POLICY_CHARS = 100_000;
    /** Characters of schema text (AgentCore allows 400 KB of tool schemas per gateway). */
    public static final int MAX_SCHEMA_CHARS = 4_000_000;

    private CedarLimits() {}

    /** Why this policy text may not reach the native parser; empty when it may. */
    public static Optional<String> checkPolicy(String text) {
        return new Scan(text, false).run();
    }

    /** Why this schema text (Cedar syntax) may not reach the native parser; empty when it may. */
    public static Optional<String> checkSchema(String text) {
        return new Scan(text, true).run();
    }

    /** One pass over the text; the first exceeded bound is reported. */
    private static final class Scan {
        private final String text;
        private final boolean schema;
        private final int[] chain = new int[MAX_NESTING + 2];
        private int depth;
        private int operators;

        Scan(String text, boolean schema) {
            this.text = text == null ? "" : text;
            this.schema = schema;
        }

        Optional<String> run() {
            String what = schema ? "The Cedar schema" : "The Cedar statement";
            int maxChars = schema ? MAX_SCHEMA_CHARS : MAX_POLICY_CHARS;
            if (text.length() > maxChars) {
                return Optional.of(what + " has " + text.length() + " characters; at most " + maxChars + " are allowed");
            }
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '"') {
                    i = skipString(i + 1);
                    continue;
                }
                if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                    continue;
                }
                if (c == '(' || c == '[' || c == '{' || (schema && c == '<')) {
                    if (++depth > MAX_NESTING) {
                        return Optional.of(what + " nests brackets more than " + MAX_NESTING
                                + " levels deep; at most " + MAX_NESTING + " are allowed");
                    }
                    chain[depth] = 0;
                } else if (c == ')' || c == ']' || c == '}' || (schema && c == '>')) {
                    depth = Math.max(0, depth - 1);
                } else if (c == ';' && depth == 0) {
                    operators = 0; // the next policy starts
                    chain[0] = 0;
                } else if (c == '.' && !schema) {
                    if (++chain[depth] > MAX_MEMBER_CHAIN) {
                        return Optional.of(what + " chains more than " + MAX_MEMBER_CHAIN
                                + " member accesses in one expression; at most " + MAX_MEMBER_CHAIN + " are allowed");
                    }
                } else if (!schema && isOperatorChar(c)) {
                    // two-character operators (&&, ||, ==, !=, <=, >=) count once
                    if (i + 1 < n && isOperatorPair(c, text.charAt(i + 1))) {
                        i++;
                    }
                    if (countOperator()) {
                        return tooManyOperators(what);
                    }
                } else if (Character.isJavaIdentifierStart(c)) {
                    int start = i;
                    while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                        i++;
                    }
                    if (!schema && isOperatorWord(text.substring(start, i)) && countOperator()) {
                        return tooManyOperators(what);
                    }
                    continue;
                } else if (c == ',' || c == ':') {
                    chain[depth] = 0;
                }
                i++;
            }
            return Optional.empty();
        }

        /** @return true when the bound is exceeded */
        private boolean countOperator() {
            chain[depth] = 0;
            return ++operators > MAX_OPERATORS;
        }

        private Optional<String> tooManyOperators(String what) {
            return Optional.of(what + " has more than " + MAX_OPERATORS + " operators in one policy; at most "
                    + MAX_OPERATORS + " are allowed (split the condition into several policies)");
        }

        private int skipString(int i) {
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == '"') {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return n;
        }

        private static boolean isOperatorChar(char c) {
            return c == '&' || c == '|' || c == '=' || c == '!' || c == '<' || c == '>' || c == '+' || c == '-' || c == '*';
        }

        private static boolean isOperatorPair(char first, char second) {
            return (first == '&' && second == '&') || (first == '|' && second == '|')
                    || (second == '=' && (first == '=' || first == '!' || first == '<' || first == '>'));
        }

        private static boolean isOperatorWord(String word) {
            return switch (word) {
                case "in", "has", "like", "is", "if" -> true;
                default -> false;
            };
        }
    }
}
