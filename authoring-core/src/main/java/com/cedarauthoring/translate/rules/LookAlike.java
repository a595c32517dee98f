package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Section 5's look-alike text: a word holding control or bidirectional-override characters is refused; a word
 * mixing scripts (a Cyrillic letter in a Latin name) is AMBIGUOUS, naming the code points.
 */
final class LookAlike {
    private LookAlike() {}

    static List<Diagnostic> check(Tokens t) {
        List<Diagnostic> out = new ArrayList<>();
        for (int k = 0; k < t.size(); k++) {
            Tok x = t.get(k);
            if (ValueChecks.hidden(x.text())) {
                throw t.fail("LOOKALIKE_TEXT", "\"" + x.text().replaceAll("\\p{C}", "?") + "\" holds control or "
                        + "bidirectional-override characters; it does not show what it says", k, k);
            }
            String mixed = ValueChecks.mixedScripts(x.text());
            if (mixed != null) {
                out.add(Diagnostic.ambiguous("LOOKALIKE_TEXT", "\"" + x.text() + "\" mixes scripts (" + mixed
                        + "); it may imitate another name", x.start(), x.end()));
            }
        }
        return out;
    }
}
