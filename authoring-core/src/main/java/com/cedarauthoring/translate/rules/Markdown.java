package com.cedarauthoring.translate.rules;

import java.util.Locale;
import java.util.Set;

/**
 * Markdown emphasis is layout, not words: {@code **never**}, {@code __only__}, {@code ~~x~~} and a single
 * {@code *must not*} around grammar words become blanks, offsets unchanged. A single {@code *x*} around
 * anything else is kept: it is a literal ("the reason contains *urgent*", corpus decision 9).
 */
final class Markdown {
    private Markdown() {}

    private static final Set<String> KEYWORDS = keywords();

    private static Set<String> keywords() {
        java.util.Set<String> k = new java.util.HashSet<>(Lexicon.FUNCTION);
        k.addAll(Lexicon.PERMIT);
        k.addAll(Lexicon.FORBID);
        k.addAll(Lexicon.MODALS);
        k.addAll(Set.of("not", "never", "only", "no", "cannot", "unless", "except", "must", "nobody"));
        return Set.copyOf(k);
    }

    static String unemphasise(String s) {
        if (s.indexOf('*') < 0 && s.indexOf('_') < 0 && s.indexOf('~') < 0) {
            return s;
        }
        char[] out = s.toCharArray();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if ((c == '*' || c == '_' || c == '~') && opens(s, i)) {
                int run = 1;
                while (i + run < n && s.charAt(i + run) == c && run < 3) {
                    run++;
                }
                String marker = String.valueOf(c).repeat(run);
                int close = s.indexOf(marker, i + run);
                if (close > i + run && closes(s, close + run) && !s.substring(i + run, close).contains("\n")
                        && (run > 1 || keywordsOnly(s.substring(i + run, close))) && (c != '~' || run == 2)) {
                    for (int k = 0; k < run; k++) {
                        out[i + k] = ' ';
                        out[close + k] = ' ';
                    }
                    i = close + run;
                    continue;
                }
            }
            i++;
        }
        return new String(out);
    }

    private static boolean opens(String s, int i) {
        return (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))) && i + 1 < s.length()
                && !Character.isWhitespace(s.charAt(i + 1));
    }

    private static boolean closes(String s, int after) {
        return after >= s.length() || !Character.isLetterOrDigit(s.charAt(after));
    }

    private static boolean keywordsOnly(String inner) {
        for (String w : inner.trim().split("\\s+")) {
            if (!KEYWORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
