package com.cedarauthoring.testing;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.ParseOutcome;
import com.cedarauthoring.errors.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate policies evaluated as if added to an engine, named {@code candidate-1}, {@code candidate-2}...
 * Bounded before cedar-java sees them (count, length, nesting: its parser runs on the calling thread and a
 * deeply nested statement overflows that thread's stack), and each must parse as exactly one policy.
 */
public final class CandidatePolicies {
    public static final int MAX_CANDIDATES = 20;
    public static final int MAX_LENGTH = 10_000;
    public static final int MAX_NESTING = 32;

    private CandidatePolicies() {}

    public static Map<String, String> check(Cedar cedar, String field, List<String> statements) {
        if (statements.size() > MAX_CANDIDATES) {
            throw ValidationException.field(field, "Member must have at most " + MAX_CANDIDATES + " items");
        }
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            String member = field + "[" + i + "]";
            String s = statements.get(i);
            if (s == null || s.isBlank() || s.length() > MAX_LENGTH) {
                throw ValidationException.field(member, "Member must have length between 1 and " + MAX_LENGTH + ", inclusive");
            }
            if (nesting(s) > MAX_NESTING) {
                throw ValidationException.field(member, "Cedar nested more than " + MAX_NESTING + " levels deep");
            }
            ParseOutcome parsed = cedar.parse(s);
            if (parsed instanceof ParseOutcome.SyntaxError err) {
                throw ValidationException.field(member, "Cedar syntax error: " + err.message());
            }
            int count = ((ParseOutcome.Parsed) parsed).policies().size();
            if (count != 1) {
                throw ValidationException.field(member, "Each candidate must hold exactly one policy, found " + count);
            }
            named.put("candidate-" + (i + 1), s);
        }
        return named;
    }

    /** Deepest bracket nesting outside string literals. */
    static int nesting(String s) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '!' || c == '-') {
                // unary chains (!!!!x) nest in the parser too
                max = Math.max(max, depth + run(s, i, c));
            }
        }
        return max;
    }

    private static int run(String s, int i, char c) {
        int n = 0;
        while (i + n < s.length() && s.charAt(i + n) == c) {
            n++;
        }
        return n;
    }
}
