package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.cedar.est.Op;
import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Alignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Each condition atom on a tool input: its literals come from the text, its attribute is named, its
 * unit fits, its value is in the enum and is not a judgement, and its comparison is the one written.
 */
final class ConditionStep {
    private static final Set<String> BOUNDARY = Set.of("when", "whenever", "if", "unless", "and", "or", "while",
            "where", "that", "but", "except", "with", "also", "additionally", "alternatively", "provided");

    private ConditionStep() {}

    static void apply(Grounding g) {
        for (Atom a : g.atoms) {
            if (a.isTag() || a.kind() == Atom.Kind.HAS_TAG) {
                continue;
            }
            if (a.kind() == Atom.Kind.OTHER) {
                g.flag(FindingCode.UNGROUNDED_ATTRIBUTE, "The policy holds a test the grounding check cannot read ("
                        + a.values().get(0) + "); it cannot be shown to come from the text.", null);
                continue;
            }
            if (a.kind() == Atom.Kind.HAS && g.atoms.stream().anyMatch(o -> o != a && o.kind() != Atom.Kind.HAS
                    && o.path().equals(a.path()))) {
                continue; // the guard of an optional attribute's test: grounded with that test
            }
            Optional<Attribute> attribute = g.attribute(a.path());
            if (attribute.isEmpty()) {
                continue; // strict validation already refused an unknown attribute
            }
            atom(g, a, attribute.get());
        }
    }

    private static void atom(Grounding g, Atom a, Attribute attr) {
        RequirementText t = g.text;
        List<Span> spans = new ArrayList<>();
        int literalAt = -1;
        NumberMention mention = null;
        for (Object v : a.values()) {
            if (v instanceof String s) {
                boolean enumValue = attr.enumValues().stream().anyMatch(e -> e.equalsIgnoreCase(s));
                int at = t.find(s, enumValue ? false : true);
                if (at < 0) {
                    g.flag(FindingCode.UNGROUNDED_LITERAL, "The policy compares " + attr.name() + " with \"" + s
                            + "\", which the requirement does not say.", null);
                    continue;
                }
                literalAt = literalAt < 0 ? at : literalAt;
                spans.add(t.consume(at, at + s.length()));
                values(g, a, attr, s, t.span(at, at + s.length()));
            } else if (v instanceof Long || v instanceof BigDecimal) {
                BigDecimal value = v instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) v;
                NumberMention m = number(t, value);
                if (m == null) {
                    g.flag(FindingCode.UNGROUNDED_LITERAL, "The policy compares " + attr.name() + " with "
                            + value.toPlainString() + ", a number the requirement does not say.", null);
                    continue;
                }
                mention = m;
                literalAt = literalAt < 0 ? m.start() : literalAt;
                spans.add(t.consume(m.start(), m.end()));
                number(g, a, attr, m, value);
            }
        }
        bind(g, a, attr, literalAt, mention).ifPresent(spans::add);
        g.evidence(Alignment.Role.CONDITION, a.cedar(), spans);
    }

    private static NumberMention number(RequirementText t, BigDecimal value) {
        NumberMention fallback = null;
        for (NumberMention m : t.numbers) {
            if (m.means(value)) {
                boolean used = t.tokens.stream().filter(x -> x.start() < m.end() && x.end() > m.start()).allMatch(t::consumed);
                if (!used) {
                    return m;
                }
                fallback = fallback == null ? m : fallback;
            }
        }
        return fallback;
    }

    /** Enum membership and evaluative words. */
    private static void values(Grounding g, Atom a, Attribute attr, String value, Span span) {
        if (!attr.enumValues().isEmpty() && attr.enumValues().stream().noneMatch(e -> e.equalsIgnoreCase(value))) {
            g.flag(FindingCode.ENUM_VALUE, "\"" + value + "\" is not a value of " + attr.name() + "; allowed: "
                    + String.join(", ", attr.enumValues()) + ".", span);
            return;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        boolean inEnum = attr.enumValues().stream().anyMatch(e -> e.equalsIgnoreCase(value));
        boolean category = Lexicon.nameWords(attr.name()).stream().anyMatch(Lexicon.CATEGORY_NAMES::contains);
        if (Lexicon.EVALUATIVE.contains(lower) && !inEnum && !category) {
            g.flag(FindingCode.EVALUATIVE_VALUE, "\"" + value + "\" is a judgement, not a value of " + attr.name()
                    + "; state a measurable condition.", span);
        }
    }

    /** Units, currency, the written comparison and "1.000"-style readings. */
    private static void number(Grounding g, Atom a, Attribute attr, NumberMention m, BigDecimal value) {
        RequirementText t = g.text;
        Span span = t.span(m.start(), m.end());
        String written = t.text.substring(m.start(), m.end());
        String about = (attr.name() + " " + attr.description()).toLowerCase(Locale.ROOT);
        Set<String> aboutWords = new HashSet<>();
        for (String w : Lexicon.nameWords(attr.name() + " " + attr.description())) {
            aboutWords.add(w);
            aboutWords.add(Lexicon.stem(w));
        }
        if (m.money() && aboutWords.stream().noneMatch(Lexicon.MONEY_WORDS::contains)) {
            g.flag(FindingCode.UNIT_MISMATCH, "\"" + written + "\" is money, but " + attr.name()
                    + " is not a money attribute" + moneyAttributes(g) + ".", span);
        }
        if (!m.unit().isEmpty() && !carriesUnit(attr, m.unit())) {
            g.flag(FindingCode.UNIT_MISMATCH, "\"" + written + "\" is in " + m.unit() + ", but " + attr.name()
                    + " does not carry that unit.", span);
        }
        if (!m.currency().isEmpty()) {
            currency(g, attr, m.currency(), written, span);
        }
        if (m.ambiguous()) {
            g.flag(FindingCode.NUMBER_FORMAT, "\"" + written + "\" reads as " + m.readings().get(0).toPlainString()
                    + " or " + m.readings().get(1).toPlainString() + "; read as " + value.toPlainString()
                    + ". Write the number without a separator to be sure.", span);
        }
        if (a.kind() == Atom.Kind.COMPARE) {
            NumberMention previous = null;
            for (NumberMention other : t.numbers) {
                if (other.end() <= m.start() && (previous == null || other.start() > previous.start())) {
                    previous = other;
                }
            }
            Optional<Op> said = Comparators.around(t, m, previous);
            Op got = a.effectiveOp();
            if (said.isPresent() && said.get() != got) {
                g.flag(FindingCode.COMPARATOR_MISMATCH, "The requirement says " + said.get().cedar() + " for \""
                        + written + "\", but the policy tests " + attr.name() + " " + got.cedar() + " "
                        + value.toPlainString() + ".", span);
            }
        }
    }

    private static String moneyAttributes(Grounding g) {
        List<String> names = g.attributes().stream().filter(ConditionStep::isMoney).map(Attribute::name).toList();
        return names.isEmpty() ? " (the tool has no money attribute)" : " (money attributes: " + String.join(", ", names) + ")";
    }

    static boolean isMoney(Attribute a) {
        if (!(a.type() instanceof CedarType.LongType || a.type() instanceof CedarType.DecimalType)) {
            return false;
        }
        for (String w : Lexicon.nameWords(a.name() + " " + a.description())) {
            if (Lexicon.MONEY_WORDS.contains(w) || Lexicon.MONEY_WORDS.contains(Lexicon.stem(w))) {
                return true;
            }
        }
        return false;
    }

    /** The attribute's name or description carries the unit ("timeout_seconds", "as a percentage", "discountPct"). */
    private static boolean carriesUnit(Attribute attr, String unit) {
        String word = unitWord(unit);
        return (attr.name() + " " + attr.description()).toLowerCase(Locale.ROOT).contains(word)
                || Lexicon.nameWords(attr.name() + " " + attr.description()).stream().map(Lexicon::stem)
                        .anyMatch(Lexicon.stem(word)::equals);
    }

    /** Whether every one of the name words is the unit the number was written in ("pct" for "15%"). */
    private static boolean namesTheUnit(List<String> nameStems, NumberMention mention) {
        if (mention == null || mention.unit().isEmpty() || nameStems.isEmpty()) {
            return false;
        }
        String unit = Lexicon.stem(unitWord(mention.unit()));
        return nameStems.stream().allMatch(unit::equals);
    }

    private static String unitWord(String unit) {
        return switch (unit) {
            case "kg", "kilogram", "kilograms", "kilo", "kilos" -> "kilogram";
            case "g", "gram", "grams" -> "gram";
            case "lb", "lbs" -> "pound";
            case "min", "mins", "minute", "minutes" -> "minute";
            case "hr", "hrs", "hour", "hours" -> "hour";
            case "sec", "secs", "second", "seconds" -> "second";
            case "%", "percent" -> "percent";
            case "entries" -> "entr";
            default -> unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        };
    }

    private static void currency(Grounding g, Attribute amount, String code, String written, Span span) {
        Optional<Attribute> currency = g.attributes().stream()
                .filter(x -> Lexicon.nameWords(x.name()).contains("currency")).findFirst();
        if (currency.isPresent()) {
            boolean tested = g.atoms.stream().anyMatch(x -> x.path().equals(List.of(currency.get().name()))
                    && !x.negated() && x.values().stream().anyMatch(v -> code.equals(v)));
            if (!tested) {
                g.flag(FindingCode.CURRENCY_IGNORED, "\"" + written + "\" names the currency " + code
                        + ", but the policy does not test " + currency.get().name() + " == \"" + code + "\".", span);
            }
            return;
        }
        String description = amount.description().toLowerCase(Locale.ROOT);
        boolean named = description.contains(code.toLowerCase(Locale.ROOT))
                || code.equals("USD") && description.contains("dollar")
                || code.equals("EUR") && description.contains("euro")
                || code.equals("GBP") && description.contains("pound");
        if (!named) {
            g.flag(FindingCode.CURRENCY_IGNORED, "\"" + written + "\" names the currency " + code + ", but "
                    + amount.name() + " does not say its currency and the tool has no currency attribute.", span);
        }
    }

    /**
     * Lexical evidence for the attribute: all words of its name; or, for a number, the noun phrase before it
     * naming the head of the name (several such attributes tie) or its description, or a unit that only
     * one attribute fits. A phrase naming only a modifier ("the booking" for booking_id) does not bind.
     */
    private static Optional<Span> bind(Grounding g, Atom a, Attribute attr, int literalAt, NumberMention mention) {
        RequirementText t = g.text;
        List<String> name = Lexicon.nameWords(a.attribute()).stream().map(Lexicon::stem).toList();
        List<Tok> found = new ArrayList<>();
        for (String w : name) {
            Tok tok = findWord(t, w);
            if (tok != null) {
                found.add(tok);
            }
        }
        Set<String> description = new HashSet<>();
        for (String w : attr.description().split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && !Lexicon.FUNCTION.contains(w.toLowerCase(Locale.ROOT))) {
                description.add(Lexicon.stem(w));
            }
        }
        if (found.size() == name.size()) {
            found.forEach(t::consume);
            // a qualifier from the description may precede the name ("the data sensitivity")
            int before = found.get(0).index() - 1;
            if (before >= 0 && !t.consumed(t.tokens.get(before))
                    && t.tokens.get(before).stems().stream().anyMatch(description::contains)) {
                t.consume(t.tokens.get(before));
            }
            int start = found.stream().mapToInt(Tok::start).min().orElseThrow();
            int end = found.stream().mapToInt(Tok::end).max().orElseThrow();
            return Optional.of(t.span(start, end));
        }
        List<Tok> phrase = literalAt < 0 ? List.of() : nounPhrase(t, literalAt);
        Set<String> phraseStems = new HashSet<>();
        phrase.forEach(p -> phraseStems.addAll(p.stems()));
        String head = name.get(name.size() - 1);
        List<String> named = name.stream().filter(phraseStems::contains).toList();
        if (!named.isEmpty()) {
            List<String> missing = name.stream().filter(w -> !phraseStems.contains(w)).toList();
            boolean moneyHead = mention != null && mention.money() && Lexicon.MONEY_WORDS.containsAll(missing);
            boolean unitPart = namesTheUnit(missing, mention);
            if (phraseStems.contains(head) || moneyHead || unitPart) {
                List<String> ties = g.attributes().stream().filter(o -> !o.name().equals(attr.name()))
                        .filter(o -> {
                            List<String> on = Lexicon.nameWords(o.name()).stream().map(Lexicon::stem).toList();
                            return on.containsAll(named) && on.get(on.size() - 1).equals(head);
                        }).map(Attribute::name).toList();
                if (!ties.isEmpty()) {
                    g.flag(FindingCode.ATTRIBUTE_TIE, "\"" + words(phrase) + "\" names " + attr.name() + " and "
                            + String.join(", ", ties) + " equally; read as " + attr.name() + ".", span(t, phrase));
                }
                phrase.forEach(t::consume);
                return Optional.of(span(t, phrase));
            }
            List<String> candidates = g.attributes().stream()
                    .filter(o -> Lexicon.nameWords(o.name()).stream().map(Lexicon::stem).anyMatch(phraseStems::contains))
                    .map(Attribute::name).toList();
            g.flag(FindingCode.HALF_NAMED_ATTRIBUTE, "\"" + words(phrase) + "\" names only part of " + attr.name()
                    + " (candidates: " + String.join(", ", candidates) + "); name the attribute in full.", span(t, phrase));
            return Optional.empty();
        }
        if (!phrase.isEmpty() && phrase.stream().allMatch(p -> p.stems().stream().anyMatch(description::contains))) {
            phrase.forEach(t::consume);
            return Optional.of(span(t, phrase));
        }
        if (phrase.isEmpty() && mention != null && (mention.money() || !mention.unit().isEmpty())) {
            List<Attribute> fitting = g.attributes().stream().filter(o -> mention.money() ? isMoney(o)
                    : carriesUnit(o, mention.unit())).toList();
            if (fitting.size() == 1 && fitting.get(0).name().equals(attr.name())) {
                return Optional.empty(); // bound through the unit alone; the number's span is the evidence
            }
            if (fitting.size() > 1 && fitting.stream().anyMatch(o -> o.name().equals(attr.name()))) {
                g.flag(FindingCode.ATTRIBUTE_TIE, "\"" + t.text.substring(mention.start(), mention.end()) + "\" fits "
                        + String.join(", ", fitting.stream().map(Attribute::name).toList()) + "; read as "
                        + attr.name() + ".", t.span(mention.start(), mention.end()));
                return Optional.empty();
            }
        }
        g.flag(FindingCode.UNGROUNDED_ATTRIBUTE, "Nothing in the requirement names " + attr.name()
                + (phrase.isEmpty() ? "" : " (\"" + words(phrase) + "\" does not)") + ".",
                phrase.isEmpty() ? null : span(t, phrase));
        return Optional.empty();
    }

    private static Tok findWord(RequirementText t, String stem) {
        List<String> alternatives = new ArrayList<>(List.of(stem));
        alternatives.addAll(Lexicon.synonyms(stem));
        Tok fallback = null;
        for (Tok tok : t.tokens) {
            if (tok.stems().stream().anyMatch(alternatives::contains)) {
                if (!t.consumed(tok)) {
                    return tok;
                }
                fallback = fallback == null ? tok : fallback;
            }
        }
        return fallback;
    }

    /** The content words just before a value, back to the clause boundary ("the passenger count is ..."). */
    private static List<Tok> nounPhrase(RequirementText t, int literalAt) {
        int i = t.tokenAt(literalAt) - 1;
        while (i >= 0 && Lexicon.FUNCTION.contains(t.lower(i)) && !BOUNDARY.contains(t.lower(i))) {
            i--;
        }
        List<Tok> out = new ArrayList<>();
        while (i >= 0 && !Lexicon.FUNCTION.contains(t.lower(i)) && !BOUNDARY.contains(t.lower(i))
                && !t.consumed(t.tokens.get(i))) {
            out.add(0, t.tokens.get(i));
            i--;
        }
        return out;
    }

    private static String words(List<Tok> phrase) {
        return String.join(" ", phrase.stream().map(Tok::text).toList());
    }

    private static Span span(RequirementText t, List<Tok> phrase) {
        return phrase.isEmpty() ? null : t.span(phrase.get(0).start(), phrase.get(phrase.size() - 1).end());
    }
}
