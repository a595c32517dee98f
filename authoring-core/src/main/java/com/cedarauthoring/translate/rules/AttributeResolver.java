package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import com.cedarauthoring.translate.rules.SchemaIndex.Tool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a condition's noun phrase (or, without one, its value) to an input attribute of the chosen tools, with
 * lexical evidence (section 5): every word of the attribute's own name, or its description; a phrase that names
 * only part of it ("the booking" for booking_id) does not bind. Money binds only to money attributes.
 */
final class AttributeResolver {
    private static final Set<String> GENERIC_STEMS = Set.of("valu", "paramet", "fiel");

    private final Parse p;
    private final Tokens t;

    AttributeResolver(Parse p) {
        this.p = p;
        this.t = p.t;
    }

    /** The subject attribute: from the noun phrase {@code ns..ne}, the previous clause's subject, or inferred from the value. */
    Attr subject(int ns, int ne, Tok value, int predAt) {
        Attr a;
        if (ns >= ne) {
            a = p.lastSubject != null && fitsUnit(p.lastSubject, value) ? p.lastSubject : inferFromValue(value, predAt);
        } else {
            a = resolve(ns, ne, value);
        }
        p.lastSubject = a;
        return a;
    }

    private static boolean fitsUnit(Attr a, Tok value) {
        return value == null || !value.money() || a.money();
    }

    /** "refunds under $500": the one attribute the value fits (by unit; by enum for words). */
    private Attr inferFromValue(Tok value, int at) {
        List<Attr> fits = new ArrayList<>();
        if (value != null && Atoms.isNumber(value)) {
            for (Attr a : commonAttrs()) {
                if (a.numeric() && (!value.money() || a.money())) {
                    fits.add(a);
                }
            }
            if (fits.size() > 1 && !value.money()) {
                List<Attr> money = fits.stream().filter(Attr::money).toList();
                // a bare number with several numeric inputs: the amount-like one, as for money (corpus decision 3)
                if (money.size() == 1 && fits.size() == 2) {
                    fits = money;
                }
            }
            if (fits.isEmpty() && value.money()) {
                String tools = String.join(", ", p.tools.stream().map(x -> x.action().toolName()).toList());
                throw new Untranslatable("UNIT_MISMATCH", "\"" + value.text() + "\" is money, but " + tools
                        + " has no money attribute (amount, price, cost, total ...)", value.start(), value.end());
            }
        } else if (value != null) {
            for (Attr a : commonAttrs()) {
                if (a.attribute().enumValues().stream().anyMatch(x -> x.equalsIgnoreCase(value.text()))) {
                    fits.add(a);
                }
            }
        }
        if (fits.isEmpty()) {
            throw t.fail("UNKNOWN_ATTRIBUTE", "the condition does not name an input attribute, and none fits "
                    + (value == null ? "it" : "\"" + value.text() + "\""), at, at);
        }
        if (fits.size() == 1) {
            return fits.get(0);
        }
        int pick = p.choices.pick(Choices.Kind.INFERRED_ATTRIBUTE, at, fits.size());
        Attr chosen = fits.get(pick);
        int start = t.startOf(at);
        p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_ATTRIBUTE", "the condition does not name an attribute; this reading uses "
                + chosen.key() + ", other readings: " + String.join(", ", fits.stream().filter(y -> y != chosen).map(Attr::key).toList()),
                start, value == null ? t.endOf(at) : value.end()));
        return chosen;
    }

    /** Attributes every chosen tool has (same path and type), in the first tool's order. */
    List<Attr> commonAttrs() {
        List<Attr> out = new ArrayList<>();
        if (p.tools.isEmpty()) {
            return out;
        }
        for (Attr a : p.tools.get(0).attrs()) {
            boolean everywhere = true;
            for (Tool other : p.tools) {
                if (other.attrs().stream().noneMatch(b -> b.key().equals(a.key()) && b.attribute().type().equals(a.attribute().type())
                        && b.attribute().required() == a.attribute().required())) {
                    everywhere = false;
                    break;
                }
            }
            if (everywhere) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<String> words(Tokens t, int ns, int ne) {
        List<String> words = new ArrayList<>();
        for (int k = ns; k < ne; k++) {
            if (t.word(k)) {
                for (String part : Stems.identifierWords(t.get(k).text())) {
                    if (!Lexicon.STOP.contains(part)) {
                        words.add(part);
                    }
                }
            }
        }
        return words;
    }

    Attr resolve(int ns, int ne, Tok value) {
        List<String> words = words(t, ns, ne);
        Attr best = best(words, commonAttrs(), ns, ne, value);
        if (best != null) {
            return best;
        }
        for (int k = ns; k < ne; k++) {
            if (Lexicon.EVALUATIVE.contains(t.get(k).lower())) {
                throw t.fail("SUBJECTIVE_CONDITION", "\"" + t.get(k).text() + "\" is subjective; state a precise condition", k, k);
            }
        }
        String toolNames = String.join(", ", p.tools.stream().map(x -> x.action().toolName()).toList());
        List<Attr> partly = partlyNamed(words);
        if (value != null && Atoms.isNumber(value)) {
            // "the claim exceeds $10,000,000": the number's type and unit pick among the attributes the words half-name
            List<Attr> fit = partly.stream().filter(a -> a.numeric() && (!value.money() || a.money())).toList();
            if (fit.size() == 1) {
                return fit.get(0);
            }
            if (fit.size() > 1) {
                int pick = p.choices.pick(Choices.Kind.ATTRIBUTE, ns, fit.size());
                Attr chosen = fit.get(pick);
                p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_ATTRIBUTE", "\"" + t.text(ns, ne) + "\" matches several "
                        + "attributes equally; this reading uses " + chosen.key() + ", other readings: "
                        + String.join(", ", fit.stream().filter(x -> x != chosen).map(Attr::key).toList()),
                        t.startOf(ns), t.endOf(ne - 1)));
                return chosen;
            }
        }
        if (!partly.isEmpty()) {
            throw t.fail("UNKNOWN_ATTRIBUTE", "\"" + t.text(ns, ne) + "\" names only part of "
                    + String.join(", ", partly.stream().map(Attr::key).toList()) + "; name the attribute in full", ns, ne - 1);
        }
        boolean elsewhere = p.tools.size() > 1 && p.tools.stream().anyMatch(tool -> best(words, tool.attrs(), 0, 0, value) != null);
        throw t.fail("UNKNOWN_ATTRIBUTE", "\"" + t.text(ns, ne) + "\" is not an input attribute of "
                + (elsewhere ? "every one of " : "") + toolNames, ns, ne - 1);
    }

    private List<Attr> partlyNamed(List<String> words) {
        Set<String> stems = new HashSet<>();
        words.forEach(x -> stems.add(Stems.stem(x)));
        return commonAttrs().stream().filter(a -> a.leafStems().stream().anyMatch(stems::contains)
                && stems.stream().allMatch(x -> a.nameStems().contains(x) || a.descStems().contains(x) || toolContext(x))).toList();
    }

    /**
     * The attribute the words name, or null. Every word must be evidence (name, description, the tool's own words
     * or a generic noun); the attribute's own name must be named in full unless the description carries the phrase.
     */
    Attr best(List<String> words, List<Attr> attrs, int ns, int ne, Tok hint) {
        if (words.isEmpty()) {
            return null;
        }
        List<String> stems = new ArrayList<>();
        for (String wd : words) {
            stems.add(Stems.stem(wd));
        }
        Attr best = null;
        int bestScore = Integer.MIN_VALUE;
        List<Attr> tied = new ArrayList<>();
        for (Attr a : attrs) {
            int name = 0;
            int desc = 0;
            int ctx = 0;
            boolean miss = false;
            Set<String> covered = new HashSet<>();
            for (String st : stems) {
                if (a.nameStems().contains(st)) {
                    name++;
                    covered.add(st);
                } else if (a.descStems().contains(st)) {
                    desc++;
                } else if (toolContext(st)) {
                    ctx++;
                } else {
                    miss = true;
                }
            }
            boolean fullName = covered.containsAll(a.leafStems());
            // a description word alone is weak evidence: it takes two; a part of the name needs the description too
            if (miss || (name == 0 && desc < 2) || (!fullName && desc == 0)) {
                continue;
            }
            int score = 10 * name + 3 * desc + ctx + (covered.size() == a.nameStems().size() ? 5 : 0)
                    - 2 * (a.nameStems().size() - covered.size()) - a.path().size();
            if (hint != null && Atoms.isNumber(hint)) {
                score += a.numeric() ? 4 : -20;
            }
            if (score > bestScore) {
                bestScore = score;
                best = a;
                tied.clear();
                tied.add(a);
            } else if (score == bestScore) {
                tied.add(a);
            }
        }
        if (tied.size() > 1 && ne > ns) {
            int pick = p.choices.pick(Choices.Kind.ATTRIBUTE, ns, tied.size());
            Attr chosen = tied.get(pick);
            p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_ATTRIBUTE", "\"" + t.text(ns, ne) + "\" matches several attributes "
                    + "equally; this reading uses " + chosen.key() + ", other readings: "
                    + String.join(", ", tied.stream().filter(x -> x != chosen).map(Attr::key).toList()),
                    t.startOf(ns), t.endOf(ne - 1)));
            return chosen;
        }
        return best;
    }

    private boolean toolContext(String stem) {
        for (Tool tool : p.tools) {
            if (tool.nameStems().contains(stem) || tool.targetStems().contains(stem)) {
                return true;
            }
        }
        return Lexicon.GENERIC_NOUNS.contains(stem) || GENERIC_STEMS.contains(stem);
    }

    /** The attribute the words name, without recording a tie. */
    Attr quiet(List<String> words, List<Attr> attrs) {
        int before = p.notes.size();
        Attr a = words.isEmpty() ? null : best(words, attrs, 0, 0, null);
        while (p.notes.size() > before) {
            p.notes.remove(p.notes.size() - 1);
        }
        return a;
    }

    /** A Bool attribute named by the subject plus the adjective ("product" + "eligible"), or by the adjective alone. */
    Attr boolFor(int ns, int ne, String adjective) {
        List<Attr> bools = commonAttrs().stream().filter(x -> x.attribute().type() instanceof CedarType.BoolType).toList();
        if (bools.isEmpty()) {
            return null;
        }
        List<String> subjectWords = new ArrayList<>();
        for (int k = ns; k < ne; k++) {
            subjectWords.addAll(Stems.identifierWords(t.get(k).text()));
        }
        subjectWords.removeIf(Lexicon.STOP::contains);
        // the subject itself is a Bool attribute and the word is a truth word: "express shipping is requested"
        if (Lexicon.TRUE_WORDS.contains(adjective) || Lexicon.FALSE_WORDS.contains(adjective)) {
            Attr s = quiet(subjectWords, bools);
            if (s != null) {
                return s;
            }
        }
        List<String> with = new ArrayList<>(subjectWords);
        with.addAll(Stems.identifierWords(adjective));
        Attr s = quiet(with, bools);
        if (s != null && s.nameStems().contains(Stems.stem(adjective))) {
            return s;
        }
        // the adjective names a Bool attribute on its own ("the account is verified" -> verified)
        // ... and only when every word of the subject is evidence for it too: no subject word is passed over
        List<Attr> adjOnly = bools.stream().filter(x -> x.nameStems().contains(Stems.stem(adjective))
                || x.nameStems().contains(Stems.stem(adjective).replaceAll("(i|abl|ibl)$", "")))
                .filter(x -> subjectWords.stream().map(Stems::stem).allMatch(st -> x.nameStems().contains(st)
                        || x.descStems().contains(st) || toolContext(st))).toList();
        if (adjOnly.size() == 1 && (ns >= ne || quiet(subjectWords, commonAttrs().stream()
                .filter(x -> !(x.attribute().type() instanceof CedarType.BoolType)).toList()) == null)) {
            return adjOnly.get(0);
        }
        return null;
    }

    /** "fewer than 5 passengers": a noun after the number naming a numeric attribute. */
    Attr unitNoun(List<String> words) {
        List<String> ws = new ArrayList<>(words);
        ws.removeIf(Lexicon.STOP::contains);
        if (ws.isEmpty() || Set.of("dollars", "usd", "dollar").containsAll(ws)) {
            return null;
        }
        if (ws.size() == 1 && Lexicon.UNITS.containsKey(ws.get(0))) {
            // "under 500 kg": the one numeric attribute that carries the unit
            String unit = Lexicon.UNITS.get(ws.get(0));
            List<Attr> carriers = commonAttrs().stream().filter(a -> a.numeric() && Comparison.carriesUnit(a, unit)).toList();
            return carriers.size() == 1 ? carriers.get(0) : null;
        }
        return quiet(ws, commonAttrs().stream().filter(Attr::numeric).toList());
    }
}
