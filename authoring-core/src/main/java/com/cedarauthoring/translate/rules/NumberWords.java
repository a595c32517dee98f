package com.cedarauthoring.translate.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Second lexer pass: number words ("two thousand", "five hundred and fifty", "a million", "twenty-five")
 * become one number token (section 5), and a currency code before a number ("USD 500", "EUR 20") is the
 * number's currency. A single number word stays a word: "one of" is not a number.
 */
final class NumberWords {
    private NumberWords() {}

    static List<Tok> merge(List<Tok> in) {
        List<Tok> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Tok x = in.get(i);
            if (x.kind() == Tok.Kind.WORD && Lexicon.CURRENCIES.containsKey(x.lower()) && i + 1 < in.size()
                    && in.get(i + 1).kind() == Tok.Kind.NUMBER && in.get(i + 1).currency() == null) {
                Tok n = in.get(i + 1);
                out.add(new Tok(Tok.Kind.NUMBER, x.text() + " " + n.text(), (x.text() + " " + n.text()).toLowerCase(Locale.ROOT),
                        n.number(), true, x.start(), n.end(), Lexicon.CURRENCIES.get(x.lower()), n.alternative(), n.unit()));
                i++;
                continue;
            }
            int end = phraseEnd(in, i);
            if (end > i + 1) {
                Tok n = number(in, i, end);
                if (end < in.size() && in.get(end).kind() == Tok.Kind.WORD) {
                    // "five hundred dollars", "two thousand USD"
                    String next = in.get(end).lower();
                    boolean dollars = next.equals("dollars") || next.equals("dollar") || next.equals("bucks");
                    if (dollars || Lexicon.CURRENCIES.containsKey(next)) {
                        Tok u = in.get(end);
                        n = new Tok(Tok.Kind.NUMBER, n.text() + " " + u.text(), (n.text() + " " + u.text()).toLowerCase(Locale.ROOT),
                                n.number(), true, n.start(), u.end(), dollars ? null : Lexicon.CURRENCIES.get(next), null, null);
                        end++;
                    }
                }
                out.add(n);
                i = end - 1;
                continue;
            }
            out.add(x);
        }
        return out;
    }

    private static boolean numberWord(Tok x) {
        return x.kind() == Tok.Kind.WORD && (Lexicon.NUMBER_WORDS.containsKey(x.lower()) || Lexicon.MAGNITUDES.containsKey(x.lower())
                || hyphenated(x.lower()) > 0);
    }

    /** "twenty-five" -> 25, else -1. */
    private static long hyphenated(String w) {
        int dash = w.indexOf('-');
        if (dash <= 0) {
            return -1;
        }
        Long tens = Lexicon.NUMBER_WORDS.get(w.substring(0, dash));
        Long ones = Lexicon.NUMBER_WORDS.get(w.substring(dash + 1));
        return tens != null && ones != null && tens >= 20 && tens % 10 == 0 && ones < 10 ? tens + ones : -1;
    }

    /** The end of a number-word phrase starting at {@code i} ("a" only before a magnitude), or {@code i}. */
    private static int phraseEnd(List<Tok> in, int i) {
        int k = i;
        if ((in.get(k).is("a") || in.get(k).is("an")) && k + 1 < in.size() && in.get(k + 1).kind() == Tok.Kind.WORD
                && Lexicon.MAGNITUDES.containsKey(in.get(k + 1).lower())) {
            k++;
        } else if (!numberWord(in.get(k)) || Lexicon.MAGNITUDES.containsKey(in.get(k).lower())) {
            return i;
        }
        while (k < in.size() && numberWord(in.get(k))) {
            k++;
            if (k + 1 < in.size() && in.get(k).is("and") && in.get(k - 1).is("hundred") && numberWord(in.get(k + 1))
                    && !Lexicon.MAGNITUDES.containsKey(in.get(k + 1).lower())) {
                k++;
            }
        }
        return k;
    }

    private static Tok number(List<Tok> in, int s, int e) {
        long total = 0;
        long current = 0;
        for (int k = s; k < e; k++) {
            String w = in.get(k).lower();
            if (w.equals("a") || w.equals("an") || w.equals("and")) {
                continue;
            }
            long h = hyphenated(w);
            if (h > 0) {
                current += h;
            } else if (w.equals("hundred")) {
                current = Math.max(current, 1) * 100;
            } else if (Lexicon.MAGNITUDES.containsKey(w)) {
                total += Math.max(current, 1) * Lexicon.MAGNITUDES.get(w);
                current = 0;
            } else {
                current += Lexicon.NUMBER_WORDS.get(w);
            }
        }
        Tok first = in.get(s);
        Tok last = in.get(e - 1);
        StringBuilder text = new StringBuilder();
        for (int k = s; k < e; k++) {
            text.append(k == s ? "" : " ").append(in.get(k).text());
        }
        return new Tok(Tok.Kind.NUMBER, text.toString(), text.toString().toLowerCase(Locale.ROOT),
                BigDecimal.valueOf(total + current), false, first.start(), last.end());
    }
}
