package com.cedarauthoring.generation;

import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Requirement;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain splitter: one requirement per sentence or line. A period only ends a sentence when
 * whitespace or the end follows, so "$2.50" stays whole. The rules translator's splitter replaces it
 * where available; the pipeline only sees the {@link Splitter} port.
 */
public final class SentenceSplitter implements Splitter {

    @Override
    public List<Requirement> split(String rawText) {
        List<Requirement> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < rawText.length(); i++) {
            char c = rawText.charAt(i);
            boolean end = c == '\n' || c == ';'
                    || ((c == '.' || c == '!' || c == '?') && (i + 1 == rawText.length() || Character.isWhitespace(rawText.charAt(i + 1))));
            if (end) {
                add(rawText, start, c == '\n' || c == ';' ? i : i + 1, out);
                start = i + 1;
            }
        }
        add(rawText, start, rawText.length(), out);
        return out;
    }

    private static void add(String raw, int from, int to, List<Requirement> out) {
        while (from < to && Character.isWhitespace(raw.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(raw.charAt(to - 1))) {
            to--;
        }
        String text = raw.substring(from, to);
        // a lone terminator or bullet is not a requirement
        if (text.chars().anyMatch(Character::isLetterOrDigit)) {
            out.add(new Requirement(text, new Span(from, to)));
        }
    }
}
