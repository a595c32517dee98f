package com.cedarauthoring.grounding;

import com.cedarauthoring.findings.FindingCode;
import java.util.EnumSet;
import java.util.Set;

/** Look-alike text: control and bidirectional-override characters, and words mixing scripts. */
final class TextSafetyStep {
    private TextSafetyStep() {}

    static void apply(Grounding g) {
        RequirementText t = g.text;
        for (int i = 0; i < t.text.length(); i++) {
            char c = t.text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
            boolean bidi = c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E'
                    || c == '\u200F' || c == '\u061C' || c == '\u200B' || c == '\u2060' || c == '\uFEFF';
            if (control || bidi) {
                g.flag(FindingCode.CONTROL_CHARACTERS, String.format("The requirement holds the invisible character "
                        + "U+%04X; a value with control or direction-override characters is not translated.", (int) c),
                        t.span(i, i + 1));
                return;
            }
        }
        for (Tok tok : t.tokens) {
            Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
            StringBuilder odd = new StringBuilder();
            tok.text().codePoints().filter(Character::isLetter).forEach(cp -> {
                Character.UnicodeScript s = Character.UnicodeScript.of(cp);
                if (s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED) {
                    scripts.add(s);
                    if (s != Character.UnicodeScript.LATIN) {
                        odd.append(String.format(" U+%04X", cp));
                    }
                }
            });
            if (scripts.size() > 1) {
                g.flag(FindingCode.MIXED_SCRIPT, "\"" + tok.text() + "\" mixes scripts " + scripts
                        + " (code points" + odd + "); it may imitate another name.", t.span(tok));
            }
        }
    }
}
