package com.cedarauthoring.translate;

import com.cedarauthoring.findings.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts raw text into requirements: sentences, bullet points, numbered lines, {@code ;}-separated parts
 * and lines. Each requirement keeps its exact span so findings and {@code rawTextFragment} point back
 * into the user's text. Periods inside numbers ({@code $2.5}), abbreviations ({@code e.g.}), identifiers
 * ({@code example.com}) and quotes do not end a sentence. Stateless and thread-safe.
 */
public final class RequirementSplitter {

    public List<Requirement> split(String raw) {
        List<Requirement> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        int n = raw.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = raw.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            // a wrapped sentence: the next line starts in lower case and this one did not end a sentence
            while (lineEnd < n && continues(raw, lineStart, lineEnd)) {
                int next = raw.indexOf('\n', lineEnd + 1);
                lineEnd = next < 0 ? n : next;
            }
            splitLine(raw, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private static boolean continues(String raw, int lineStart, int lineEnd) {
        int e = lineEnd;
        while (e > lineStart && Character.isWhitespace(raw.charAt(e - 1))) {
            e--;
        }
        if (e == lineStart || ".!?;:".indexOf(raw.charAt(e - 1)) >= 0) {
            return false;
        }
        int nextEnd = raw.indexOf('\n', lineEnd + 1);
        nextEnd = nextEnd < 0 ? raw.length() : nextEnd;
        int s = skipSpace(raw, lineEnd + 1, nextEnd);
        return s < nextEnd && skipMarker(raw, s, nextEnd) == s && Character.isLowerCase(raw.charAt(s));
    }

    private void splitLine(String raw, int start, int end, List<Requirement> out) {
        int s = skipSpace(raw, start, end);
        s = skipMarker(raw, s, end);
        int segStart = s;
        char quote = 0;
        for (int i = s; i < end; i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == quote || (quote == '\u201c' && c == '\u201d')) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\u201c') {
                quote = c;
            } else if (c == ';') {
                emit(raw, segStart, i, out);
                segStart = i + 1;
            } else if ((c == '.' || c == '!' || c == '?') && endsSentence(raw, i, end)) {
                emit(raw, segStart, i + 1, out);
                segStart = i + 1;
            }
        }
        emit(raw, segStart, end, out);
    }

    /** A period ends a sentence only when followed by whitespace or the end, and is not part of a number or abbreviation. */
    private static boolean endsSentence(String raw, int i, int end) {
        if (i + 1 < end && !Character.isWhitespace(raw.charAt(i + 1)) && raw.charAt(i + 1) != '"') {
            return false;
        }
        if (raw.charAt(i) != '.') {
            return true;
        }
        int w = i;
        while (w > 0 && !Character.isWhitespace(raw.charAt(w - 1))) {
            w--;
        }
        String word = raw.substring(w, i + 1).toLowerCase();
        if (word.matches("(e\\.g|i\\.e|etc|vs|approx|incl|no|mr|mrs|dr|inc|ltd|co)\\.")) {
            if (word.equals("etc.")) {
                // "etc." may end a sentence when a capital letter follows.
                int j = skipSpace(raw, i + 1, end);
                return j >= end || Character.isUpperCase(raw.charAt(j));
            }
            return false;
        }
        // A single letter ("A. ") is an initial or list marker, not a sentence end.
        return word.length() > 2 || !Character.isLetter(word.charAt(0));
    }

    private static int skipSpace(String raw, int i, int end) {
        while (i < end && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Skips a bullet ({@code -}, {@code *}, {@code •}) or a number marker ({@code 1.}, {@code 1)}, {@code (a)}). */
    private static int skipMarker(String raw, int i, int end) {
        if (i >= end) {
            return i;
        }
        char c = raw.charAt(i);
        if ((c == '-' || c == '*' || c == '\u2022' || c == '\u2013' || c == '\u2014' || c == '+')
                && i + 1 < end && Character.isWhitespace(raw.charAt(i + 1))) {
            return skipSpace(raw, i + 1, end);
        }
        int j = i;
        while (j < end && Character.isDigit(raw.charAt(j))) {
            j++;
        }
        if (j > i && j - i <= 3 && j < end && (raw.charAt(j) == '.' || raw.charAt(j) == ')')
                && j + 1 < end && Character.isWhitespace(raw.charAt(j + 1))) {
            return skipSpace(raw, j + 1, end);
        }
        if (c == '(' && i + 2 < end && raw.charAt(i + 2) == ')' && Character.isLetterOrDigit(raw.charAt(i + 1))) {
            return skipSpace(raw, i + 3, end);
        }
        if (Character.isLetter(c) && i + 2 < end && raw.charAt(i + 1) == ')' && Character.isWhitespace(raw.charAt(i + 2))) {
            return skipSpace(raw, i + 2, end); // "a) Allow ..."
        }
        return i;
    }

    private static void emit(String raw, int start, int end, List<Requirement> out) {
        int s = skipSpace(raw, start, end);
        s = skipMarker(raw, s, end);
        int e = end;
        while (e > s && Character.isWhitespace(raw.charAt(e - 1))) {
            e--;
        }
        if (e <= s) {
            return;
        }
        String text = raw.substring(s, e);
        boolean hasLetter = text.chars().anyMatch(Character::isLetter);
        if (hasLetter) {
            out.add(new Requirement(text, new Span(s, e)));
        }
    }
}
