package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Normalisation used to match the user's words against identifiers and descriptions: stems, identifier words, synonyms. */
final class Stems {
    private Stems() {}

    /**
     * Words that name one thing and so share a stem: an identifier's abbreviation and the words people write for
     * it ("discountPct" is "the discount percentage", and "15%" is in percent). Declared before SYNONYM, whose
     * initialiser stems.
     */
    private static final Map<String, String> SAME_WORD = Map.of("pct", "percent", "percent", "percent",
            "percents", "percent", "percentage", "percent", "percentages", "percent");

    private static final Map<String, String> SYNONYM = buildSynonyms();

    private static Map<String, String> buildSynonyms() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String[] g : Lexicon.SYNONYM_GROUPS) {
            for (String w : g) {
                m.putIfAbsent(w, g[0]);
                m.putIfAbsent(stem(w), g[0]);
            }
        }
        return Map.copyOf(m);
    }

    static String synonymGroup(String stem) {
        return SYNONYM.get(stem);
    }

    /** Light stemmer: plural and verb forms collapse (refunds, refunding -> refund; bookings -> book). */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String same = SAME_WORD.get(w);
        if (same != null) {
            return same;
        }
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ization") || w.endsWith("isation")) {
            w = w.substring(0, w.length() - 7) + "iz";
        } else if (w.endsWith("ations") && w.length() > 8) {
            w = w.substring(0, w.length() - 6) + "at";
        } else if (w.endsWith("ation") && w.length() > 7) {
            w = w.substring(0, w.length() - 5) + "at";
        } else if ((w.endsWith("tions") && w.length() > 7) || (w.endsWith("tion") && w.length() > 6)) {
            // "deletion" -> delet (delete), "execution" -> execut (execute)
            w = w.substring(0, w.length() - (w.endsWith("s") ? 4 : 3));
        } else if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ings") && w.length() > 6) {
            w = undouble(w.substring(0, w.length() - 4));
        } else if (w.endsWith("ing") && w.length() > 5) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ed") && w.length() > 4 && !w.endsWith("eed")) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("ll") && w.length() > 5) {
            // British doubling: "cancelled"/"cancelling" and "cancel" share a stem (so do "install"/"installing")
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("al") && w.length() > 6) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("y") && w.length() > 3) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lszf".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** Splits an identifier into lower-case words on {@code _}, {@code -}, {@code .}, spaces and camelCase. */
    static List<String> identifierWords(String id) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && cur.length() > 0) {
                char prev = id.charAt(i - 1);
                boolean nextLower = i + 1 < id.length() && Character.isLowerCase(id.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(cur, out);
                }
            }
            cur.append(Character.toLowerCase(c));
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** Words of free text (descriptions), lower-cased. */
    static List<String> textWords(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.addAll(identifierWords(part));
            }
        }
        return out;
    }
}
