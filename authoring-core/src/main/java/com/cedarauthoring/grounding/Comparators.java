package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What comparison the words around a number say ("at or above" is >=, "not exceeding" is <=). */
final class Comparators {
    // Longest phrases first: "not exceeding" before "exceeding", "at or above" before "above".
    private static final Map<String, Op> BEFORE = new LinkedHashMap<>();
    private static final Map<String, Op> AFTER = new LinkedHashMap<>();

    static {
        for (String p : List.of("up to and including", "at or below", "at or under", "no more than", "not more than",
                "not exceeding", "does not exceed", "doesn't exceed", "not over", "not above", "a maximum of",
                "maximum of", "at most", "up to", "maximum", "within")) {
            BEFORE.put(p, Op.LE);
        }
        for (String p : List.of("at or above", "at or over", "no less than", "not less than", "not under",
                "not below", "a minimum of", "minimum of", "at least", "minimum", "from")) {
            BEFORE.put(p, Op.GE);
        }
        for (String p : List.of("less than", "fewer than", "lower than", "smaller than", "under", "below", "before")) {
            BEFORE.put(p, Op.LT);
        }
        for (String p : List.of("more than", "greater than", "higher than", "larger than", "bigger than", "exceeds",
                "exceeding", "exceed", "over", "above", "beyond", "after")) {
            BEFORE.put(p, Op.GT);
        }
        for (String p : List.of("is not", "are not", "isn't", "aren't", "not equal to", "other than")) {
            BEFORE.put(p, Op.NE);
        }
        for (String p : List.of("exactly", "equal to", "equals", "is", "are", "of", "=")) {
            BEFORE.put(p, Op.EQ);
        }
        AFTER.put("or more", Op.GE);
        AFTER.put("or above", Op.GE);
        AFTER.put("or greater", Op.GE);
        AFTER.put("or higher", Op.GE);
        AFTER.put("and above", Op.GE);
        AFTER.put("or less", Op.LE);
        AFTER.put("or fewer", Op.LE);
        AFTER.put("or below", Op.LE);
        AFTER.put("or lower", Op.LE);
        AFTER.put("and below", Op.LE);
        AFTER.put("and under", Op.LE);
    }

    private Comparators() {}

    /** The comparison the text states for the number at [start, end), if it states one. */
    static Optional<Op> around(RequirementText t, NumberMention m, NumberMention previous) {
        String before = t.text.substring(Math.max(0, m.start() - 40), m.start()).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}'=]+", " ").strip();
        String after = t.text.substring(m.end(), Math.min(t.text.length(), m.end() + 20)).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
        for (Map.Entry<String, Op> e : AFTER.entrySet()) {
            // "$500 and above" is a bound; "$100 and under $50" is the next comparison
            if (after.equals(e.getKey()) || after.startsWith(e.getKey() + " ")
                    && !after.substring(e.getKey().length() + 1).matches("(?s)\\d.*")) {
                return Optional.of(e.getValue());
            }
        }
        if (previous != null && (before.endsWith(" and") || before.equals("and") || before.endsWith(" to")
                || before.equals("to"))) {
            String between = t.text.substring(Math.max(0, previous.start() - 12), previous.start()).toLowerCase(Locale.ROOT);
            if (between.matches("(?s).*\\b(between|from)\\s*$")) {
                return Optional.of(Op.LE); // "between X and Y", "from X to Y": the upper bound
            }
        }
        if (before.matches("(?s).*\\bbetween$")) {
            return Optional.of(Op.GE);
        }
        for (Map.Entry<String, Op> e : BEFORE.entrySet()) {
            if (before.equals(e.getKey()) || before.endsWith(" " + e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
