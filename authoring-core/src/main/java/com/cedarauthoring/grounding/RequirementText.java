package com.cedarauthoring.grounding;

import com.cedarauthoring.findings.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requirement as words and numbers with offsets, plus which words some part of the policy has
 * accounted for. Offsets are local to the fragment; {@link #span} maps them into the raw text.
 */
final class RequirementText {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’:@._/\\\\-]+[\\p{L}\\p{N}]+)*");

    final String text;
    final int base;
    final List<Tok> tokens;
    final List<NumberMention> numbers;
    private final boolean[] consumed;

    RequirementText(String text, int base) {
        this.text = text;
        this.base = base;
        List<Tok> toks = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            List<String> stems = new ArrayList<>();
            stems.add(Lexicon.stem(word));
            for (String part : Lexicon.nameWords(word)) {
                stems.add(Lexicon.stem(part));
            }
            toks.add(new Tok(toks.size(), word, m.start(), m.end(), stems));
        }
        this.tokens = List.copyOf(toks);
        this.numbers = Numbers.find(text);
        this.consumed = new boolean[tokens.size()];
    }

    /** Raw-text span of [start, end) in the fragment, in either order (evidence words need not be in order). */
    Span span(int start, int end) {
        return new Span(base + Math.min(start, end), base + Math.max(start, end));
    }

    Span span(Tok t) {
        return span(t.start(), t.end());
    }

    boolean consumed(Tok t) {
        return consumed[t.index()];
    }

    void consume(Tok t) {
        consumed[t.index()] = true;
    }

    /** Marks every word overlapping [start, end) as accounted for; returns their span. */
    Span consume(int start, int end) {
        for (Tok t : tokens) {
            if (t.start() < end && t.end() > start) {
                consumed[t.index()] = true;
            }
        }
        return span(start, end);
    }

    /**
     * Where a literal value occurs as a whole word run (case-insensitively unless {@code exactCase}),
     * preferring an occurrence no part of the policy has used yet; -1 when nowhere.
     */
    int find(String literal, boolean exactCase) {
        if (literal.isEmpty()) {
            return -1;
        }
        int fallback = -1;
        for (int at = 0; at + literal.length() <= text.length(); at++) {
            if (!text.regionMatches(!exactCase, at, literal, 0, literal.length())) {
                continue;
            }
            if (exactCase && !text.startsWith(literal, at) && !capitalisedStart(literal, at)) {
                continue;
            }
            if (!boundary(at - 1) || !boundary(at + literal.length())) {
                continue;
            }
            if (!allConsumed(at, at + literal.length())) {
                return at;
            }
            if (fallback < 0) {
                fallback = at;
            }
        }
        return fallback;
    }

    // "Refund-agent can ..." still names refund-agent: a capital that only starts the sentence.
    private boolean capitalisedStart(String literal, int at) {
        return firstWordAt(at) && text.regionMatches(true, at, literal, 0, 1)
                && text.startsWith(literal.substring(1), at + 1);
    }

    private boolean firstWordAt(int at) {
        return !tokens.isEmpty() && tokens.get(0).start() == at;
    }

    private boolean boundary(int i) {
        if (i < 0 || i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return !Character.isLetterOrDigit(c);
    }

    private boolean allConsumed(int start, int end) {
        for (Tok t : tokens) {
            if (t.start() < end && t.end() > start && !consumed[t.index()]) {
                return false;
            }
        }
        return true;
    }

    /** The first token at or after a character offset. */
    int tokenAt(int offset) {
        for (Tok t : tokens) {
            if (t.end() > offset) {
                return t.index();
            }
        }
        return tokens.size();
    }

    String lower(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i).text().toLowerCase(Locale.ROOT) : "";
    }

    /** Words no part of the policy accounted for and that carry content. */
    List<Tok> unconsumedContent() {
        List<Tok> out = new ArrayList<>();
        for (Tok t : tokens) {
            if (!consumed[t.index()] && !Lexicon.FUNCTION.contains(t.lower())) {
                out.add(t);
            }
        }
        return out;
    }
}
