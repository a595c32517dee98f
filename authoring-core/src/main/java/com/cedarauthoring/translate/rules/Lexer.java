package com.cedarauthoring.translate.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits one requirement into tokens with local offsets. Linear time; no regular expressions. */
final class Lexer {
    private Lexer() {}

    static List<Tok> lex(String s) {
        return NumberWords.merge(lexRaw(Markdown.unemphasise(s)));
    }

    private static List<Tok> lexRaw(String s) {
        List<Tok> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',') {
                out.add(new Tok(Tok.Kind.COMMA, ",", ",", null, false, i, i + 1));
                i++;
            } else if (c == '(' || c == '[') {
                out.add(new Tok(Tok.Kind.LPAREN, "(", "(", null, false, i, i + 1));
                i++;
            } else if (c == ')' || c == ']') {
                out.add(new Tok(Tok.Kind.RPAREN, ")", ")", null, false, i, i + 1));
                i++;
            } else if (c == '"' || c == '\u201c' || c == '`' || (c == '\'' && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))))) {
                char close = c == '\u201c' ? '\u201d' : c;
                int j = s.indexOf(close, i + 1);
                if (j < 0 && c == '\u201c') {
                    j = s.indexOf('"', i + 1);
                }
                if (c == '\'') {
                    // an apostrophe-quote must close before a non-letter
                    while (j > 0 && j + 1 < n && Character.isLetter(s.charAt(j + 1))) {
                        j = s.indexOf(close, j + 1);
                    }
                }
                if (j < 0) {
                    out.add(new Tok(Tok.Kind.PUNCT, String.valueOf(c), String.valueOf(c), null, false, i, i + 1));
                    i++;
                } else {
                    String content = s.substring(i + 1, j);
                    out.add(new Tok(Tok.Kind.QUOTED, content, content.toLowerCase(Locale.ROOT), null, false, i, j + 1));
                    i = j + 1;
                }
            } else if (c == '-' && i + 1 < n && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '$')
                    && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                int before = out.size();
                int next = number(s, i + 1, out);
                Tok t = out.get(before);
                out.set(before, t.kind() == Tok.Kind.NUMBER
                        ? new Tok(Tok.Kind.NUMBER, "-" + t.text(), "-" + t.lower(), t.number().negate(), t.money(), i, t.end())
                        : new Tok(Tok.Kind.WORD, "-" + t.text(), "-" + t.lower(), null, false, i, t.end()));
                i = next;
            } else if (c == '$' || c == '\u20ac' || c == '\u00a3' || Character.isDigit(c)
                    || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                i = number(s, i, out);
            } else if (c == ';' || c == '!' || c == '?' || (c == '.' && (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1))))) {
                out.add(new Tok(Tok.Kind.PUNCT, String.valueOf(c), String.valueOf(c), null, false, i, i + 1));
                i++;
            } else {
                int j = i;
                while (j < n && (!breaks(s.charAt(j)) || midWordQuote(s, i, j))) {
                    j++;
                }
                int e = j;
                // trailing sentence punctuation is not part of the word
                while (e > i + 1 && (s.charAt(e - 1) == '.' || s.charAt(e - 1) == ':') && !abbrev(s, i, e)) {
                    e--;
                }
                if (e > i) {
                    String w = s.substring(i, e);
                    if (w.length() > 2 && (w.endsWith("'s") || w.endsWith("\u2019s"))) {
                        w = w.substring(0, w.length() - 2);
                        out.add(new Tok(Tok.Kind.WORD, w, w.toLowerCase(Locale.ROOT), null, false, i, e - 2));
                    } else {
                        out.add(new Tok(Tok.Kind.WORD, w, w.toLowerCase(Locale.ROOT), null, false, i, e));
                    }
                }
                i = j;
            }
        }
        return out;
    }

    /** A straight quote inside a word ({@code 5"-screen}) is part of the word, not a quotation. */
    private static boolean midWordQuote(String s, int i, int j) {
        return s.charAt(j) == '"' && j > i && j + 1 < s.length() && !Character.isWhitespace(s.charAt(j + 1))
                && Character.isLetterOrDigit(s.charAt(j - 1)) && s.indexOf('"', j + 1) < 0;
    }

    private static boolean abbrev(String s, int i, int e) {
        String w = s.substring(i, e).toLowerCase(Locale.ROOT);
        return w.equals("e.g.") || w.equals("i.e.");
    }

    private static boolean breaks(char c) {
        return Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"'
                || c == ';' || c == '!' || c == '?' || c == '\u201c' || c == '\u201d';
    }

    private static int number(String s, int i, List<Tok> out) {
        int n = s.length();
        int start = i;
        boolean money = false;
        String currency = null;
        char first = s.charAt(i);
        if (first == '$' || first == '\u20ac' || first == '\u00a3') {
            money = true;
            currency = first == '\u20ac' ? "EUR" : first == '\u00a3' ? "GBP" : null;
            i++;
        }
        int separators = 0;
        boolean dotGroups = false;
        StringBuilder digits = new StringBuilder();
        boolean sawDot = false;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
                i++;
            } else if (c == ',' && threeDigits(s, i + 1)) {
                separators++;
                i++;
            } else if (c == '.' && threeDigits(s, i + 1) && separators == 0 && (dotGroups || s.indexOf('.', i + 1) == i + 4)
                    && i + 4 < n && s.charAt(i + 4) == '.' && threeDigits(s, i + 5)) {
                // "1.000.000": dots that group thousands
                dotGroups = true;
                i++;
            } else if (c == '.' && dotGroups && threeDigits(s, i + 1)) {
                i++;
            } else if (c == '.' && !sawDot && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                sawDot = true;
                digits.append('.');
                i++;
            } else {
                break;
            }
        }
        if (digits.length() == 0) {
            // a lone "$" or "$x": treat as a word
            int j = i;
            while (j < n && !breaks(s.charAt(j))) {
                j++;
            }
            String w = s.substring(start, Math.max(j, start + 1));
            out.add(new Tok(Tok.Kind.WORD, w, w.toLowerCase(Locale.ROOT), null, false, start, Math.max(j, start + 1)));
            return Math.max(j, start + 1);
        }
        // an identifier such as "3rd", "v2-beta" or "123-abc" stays a word
        if (i < n && s.charAt(i) == '%') {
            int after = i + 1;
            if (after >= n || breaks(s.charAt(after)) || s.charAt(after) == '.') {
                BigDecimal pct = new BigDecimal(digits.toString()).stripTrailingZeros();
                String text = s.substring(start, after);
                out.add(new Tok(Tok.Kind.NUMBER, text, text, pct, money, start, after));
                return after;
            }
        }
        boolean sentenceDot = i < n && s.charAt(i) == '.' && (i + 1 >= n || Character.isWhitespace(s.charAt(i + 1)));
        if (i < n && (!breaks(s.charAt(i)) || midWordQuote(s, start, i)) && !isSuffixStart(s, i) && !sentenceDot) {
            int j = i;
            while (j < n && (!breaks(s.charAt(j)) || midWordQuote(s, start, j))) {
                j++;
            }
            int e = j;
            while (e > i && s.charAt(e - 1) == '.') {
                e--;
            }
            String w = s.substring(start, e);
            out.add(new Tok(Tok.Kind.WORD, w, w.toLowerCase(Locale.ROOT), null, false, start, e));
            return j;
        }
        BigDecimal value = new BigDecimal(digits.toString());
        BigDecimal alternative = null;
        String unit = null;
        int dot = digits.indexOf(".");
        if (dot > 0 && digits.length() - dot - 1 == 3 && separators == 0 && !dotGroups && digits.charAt(0) != '0'
                && !(i < n && Character.isLetter(s.charAt(i)))) {
            // "1.000" / "10.000": a decimal point, or a dot grouping thousands (section 5: both readings)
            alternative = new BigDecimal(digits.toString().replace(".", ""));
        } else if (dot < 0 && separators == 0 && i + 1 < n && s.charAt(i) == ',' && Character.isDigit(s.charAt(i + 1))
                && commaDecimal(s, i + 1)) {
            // "1,5": a decimal comma, or a misplaced thousands comma (section 5: both readings)
            int j = i + 1;
            while (j < n && Character.isDigit(s.charAt(j))) {
                j++;
            }
            value = new BigDecimal(digits + "." + s.substring(i + 1, j));
            alternative = new BigDecimal(digits + s.substring(i + 1, j));
            i = j;
        }
        int end = i;
        if (i < n && s.charAt(i) == '%') {
            // "10%": the attribute holds the percentage as written
            unit = "percent";
            i++;
            end = i;
        } else if (i < n && Character.isLetter(s.charAt(i)) && !isSuffixStart(s, i)) {
            int j = i;
            while (j < n && Character.isLetter(s.charAt(j))) {
                j++;
            }
            String u = Lexicon.UNITS.get(s.substring(i, j).toLowerCase(Locale.ROOT));
            if (u != null && (j >= n || breaks(s.charAt(j)) || s.charAt(j) == '.')) {
                // "5kg", "500g": a unit written onto the number
                unit = u;
                i = j;
                end = j;
            }
        }
        // k / m / bn directly attached, e.g. 10k, $5M
        if (i < n && isSuffixStart(s, i)) {
            int j = i;
            while (j < n && Character.isLetter(s.charAt(j))) {
                j++;
            }
            value = value.multiply(multiplier(s.substring(i, j).toLowerCase(Locale.ROOT)));
            end = j;
            i = j;
        }
        // "5 million", "500 dollars", "10 k"
        int k = i;
        while (k < n && s.charAt(k) == ' ') {
            k++;
        }
        int w = k;
        while (w < n && Character.isLetter(s.charAt(w))) {
            w++;
        }
        String next = s.substring(k, w).toLowerCase(Locale.ROOT);
        BigDecimal mult = MULTIPLIER_WORDS.contains(next) ? multiplier(next) : null;
        if (mult != null && k > i && (w >= n || breaks(s.charAt(w)) || s.charAt(w) == '.')) {
            value = value.multiply(mult);
            end = w;
            i = w;
            k = i;
            while (k < n && s.charAt(k) == ' ') {
                k++;
            }
            w = k;
            while (w < n && Character.isLetter(s.charAt(w))) {
                w++;
            }
            next = s.substring(k, w).toLowerCase(Locale.ROOT);
        }
        boolean wordEnds = w >= n || breaks(s.charAt(w)) || s.charAt(w) == '.';
        if (CURRENCY_WORDS.contains(next) && wordEnds) {
            money = true;
            end = w;
            i = w;
        } else if (Lexicon.CURRENCIES.containsKey(next) && wordEnds) {
            money = true;
            currency = Lexicon.CURRENCIES.get(next);
            end = w;
            i = w;
        }
        String text = s.substring(start, end);
        out.add(new Tok(Tok.Kind.NUMBER, text, text.toLowerCase(Locale.ROOT), value.stripTrailingZeros(), money, start, end,
                currency, alternative == null ? null : alternative.stripTrailingZeros(), unit));
        return i;
    }

    private static final java.util.Set<String> MULTIPLIER_WORDS = java.util.Set.of("k", "thousand", "million", "millions",
            "mm", "billion", "billions", "bn");
    private static final java.util.Set<String> CURRENCY_WORDS = java.util.Set.of("dollars", "dollar", "bucks");

    /** "1,5" but not "1,50,000" nor a list "1,2,3". */
    private static boolean commaDecimal(String s, int j) {
        int k = j;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        int digits = k - j;
        return digits >= 1 && digits <= 2 && (k >= s.length() || (s.charAt(k) != ',' && !Character.isLetterOrDigit(s.charAt(k))));
    }

    private static boolean isSuffixStart(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        if (j == i || (j < s.length() && !breaks(s.charAt(j)) && s.charAt(j) != '.')) {
            return false;
        }
        String w = s.substring(i, j).toLowerCase(Locale.ROOT);
        return w.equals("k") || w.equals("m") || w.equals("mm") || w.equals("bn") || w.equals("b");
    }

    private static BigDecimal multiplier(String w) {
        return switch (w) {
            case "k", "thousand" -> BigDecimal.valueOf(1_000);
            case "m", "mm", "million", "millions" -> BigDecimal.valueOf(1_000_000);
            case "b", "bn", "billion", "billions" -> BigDecimal.valueOf(1_000_000_000);
            default -> BigDecimal.ONE;
        };
    }

    private static boolean threeDigits(String s, int i) {
        if (i + 3 > s.length()) {
            return false;
        }
        for (int k = i; k < i + 3; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return i + 3 == s.length() || !Character.isDigit(s.charAt(i + 3));
    }
}
