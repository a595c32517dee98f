package com.cedarauthoring.translate.rules;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The tokens of one requirement with keyword tests by position, and a record of which tokens the parse gave a
 * meaning to. A content word no parser consumed makes the requirement NOT_TRANSLATABLE (section 5): parsers
 * call {@link #consume} for what they understood, and nothing else passes a word over.
 */
final class Tokens {
    private final List<Tok> toks;
    private final BitSet consumed = new BitSet();

    private Tokens(List<Tok> toks) {
        this.toks = List.copyOf(toks);
    }

    /** The tokens of {@code text} without its closing punctuation. */
    static Tokens of(String text) {
        List<Tok> toks = new java.util.ArrayList<>(Lexer.lex(text));
        while (!toks.isEmpty() && toks.get(toks.size() - 1).kind() == Tok.Kind.PUNCT) {
            toks.remove(toks.size() - 1);
        }
        return new Tokens(toks);
    }

    int size() {
        return toks.size();
    }

    boolean isEmpty() {
        return toks.isEmpty();
    }

    Tok get(int k) {
        return toks.get(k);
    }

    boolean in(int k) {
        return k >= 0 && k < toks.size();
    }

    boolean is(int k, String word) {
        return in(k) && toks.get(k).is(word);
    }

    boolean isAny(int k, Set<String> words) {
        return in(k) && toks.get(k).isAny(words);
    }

    /** The words at {@code k, k+1, ...} are exactly {@code words}. */
    boolean phrase(int k, String... words) {
        for (int j = 0; j < words.length; j++) {
            if (!is(k + j, words[j])) {
                return false;
            }
        }
        return true;
    }

    boolean kind(int k, Tok.Kind kind) {
        return in(k) && toks.get(k).kind() == kind;
    }

    boolean word(int k) {
        return kind(k, Tok.Kind.WORD);
    }

    List<Tok> slice(int s, int e) {
        return toks.subList(s, e);
    }

    /** The user's words from token {@code s} (inclusive) to {@code e} (exclusive). */
    String text(int s, int e) {
        if (s >= e || s >= toks.size()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = s; k < Math.min(e, toks.size()); k++) {
            sb.append(k == s ? "" : " ").append(toks.get(k).text());
        }
        return sb.toString();
    }

    /** The user's words whose offsets lie inside {@code [a, b)}. */
    String textBetween(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (Tok x : toks) {
            if (x.start() >= a && x.end() <= b) {
                sb.append(sb.length() == 0 ? "" : " ").append(x.text());
            }
        }
        return sb.toString();
    }

    String lowerJoin(int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (int k = s; k < e; k++) {
            sb.append(k == s ? "" : " ").append(toks.get(k).lower());
        }
        return sb.toString();
    }

    int indexOf(Tok x) {
        return toks.indexOf(x);
    }

    int startOf(int k) {
        return toks.get(clamp(k)).start();
    }

    int endOf(int k) {
        return toks.get(clamp(k)).end();
    }

    int clamp(int k) {
        return Math.max(0, Math.min(k, toks.size() - 1));
    }

    /** A finding for tokens {@code s..e} (inclusive, clamped into the requirement). */
    Untranslatable fail(String code, String message, int s, int e) {
        return new Untranslatable(code, message, startOf(s), Math.max(startOf(s), endOf(Math.max(s, e))));
    }

    void consume(int s, int e) {
        if (e > s) {
            consumed.set(Math.max(0, s), Math.min(e, toks.size()));
        }
    }

    /** Tokens no parser gave a meaning to that are not function words or punctuation, in order. */
    BitSet unconsumedContent() {
        BitSet out = new BitSet();
        for (int k = 0; k < toks.size(); k++) {
            Tok x = toks.get(k);
            boolean content = x.kind() == Tok.Kind.NUMBER || x.kind() == Tok.Kind.QUOTED
                    || (x.kind() == Tok.Kind.WORD && !Lexicon.FUNCTION.contains(x.lower()));
            if (content && !consumed.get(k)) {
                out.set(k);
            }
        }
        return out;
    }
}
