package com.cedarauthoring.translate.rules;

import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import java.util.Locale;

/**
 * Section 5's rules for a value compared with an attribute: enum values must exist (and are emitted as the schema
 * spells them); evaluative words are not values unless the enum has them or the attribute is a category by name.
 */
final class ValueChecks {
    private ValueChecks() {}

    static void requireValue(Attr a, String value, Tok at) {
        String lower = value.toLowerCase(Locale.ROOT);
        boolean inEnum = a.attribute().enumValues().stream().anyMatch(x -> x.equalsIgnoreCase(value));
        if (!a.attribute().enumValues().isEmpty() && !inEnum) {
            throw new Untranslatable(Lexicon.EVALUATIVE.contains(lower) ? "SUBJECTIVE_CONDITION" : "UNKNOWN_VALUE",
                    "\"" + value + "\" is not one of the values of " + a.key() + " " + a.attribute().enumValues(),
                    at.start(), at.end());
        }
        if (!inEnum && Lexicon.EVALUATIVE.contains(lower) && !isCategory(a)) {
            throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + value + "\" is an evaluative word, not a value of "
                    + a.key() + "; state a precise, testable condition", at.start(), at.end());
        }
    }

    /** priority, severity, level, tier, status, type ...: such attributes hold words like "high" or "urgent". */
    static boolean isCategory(Attr a) {
        return Stems.identifierWords(a.leaf()).stream().anyMatch(Lexicon.CATEGORY_NAMES::contains);
    }

    /** The schema's spelling of an enum value; the user's spelling otherwise. */
    static String spelling(Attr a, String value) {
        for (String ev : a.attribute().enumValues()) {
            if (ev.equalsIgnoreCase(value)) {
                return ev;
            }
        }
        return value;
    }

    /** Control or bidirectional-override characters: text that does not show what it says. */
    static boolean hidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            int type = Character.getType(s.charAt(i));
            if (type == Character.CONTROL || type == Character.FORMAT) {
                return true;
            }
        }
        return false;
    }

    /** The code points of a word mixing letters of several scripts ("pаypal" with a Cyrillic a), or null. */
    static String mixedScripts(String s) {
        Character.UnicodeScript first = null;
        boolean mixed = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
            if (sc == Character.UnicodeScript.COMMON || sc == Character.UnicodeScript.INHERITED) {
                continue;
            }
            if (first == null) {
                first = sc;
            } else if (sc != first) {
                mixed = true;
            }
        }
        if (!mixed) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                sb.append(sb.length() == 0 ? "" : ", ").append(String.format("U+%04X (%s)", cp,
                        Character.UnicodeScript.of(cp).name().toLowerCase(Locale.ROOT)));
            }
        }
        return sb.toString();
    }
}
