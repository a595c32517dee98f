package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.CedarType;
import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import com.cedarauthoring.translate.rules.SchemaIndex.Tool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the action phrase to tools of the gateway (section 3 "Action"): every content word must be evidence
 * for the tool (its name, a verb synonym, its description or its target), or the phrase does not match.
 * Several tools that match equally are one reading each (AMBIGUOUS_ACTION).
 */
final class ToolMatcher {
    private final Parse p;
    private final Tokens t;

    ToolMatcher(Parse p) {
        this.p = p;
        this.t = p.t;
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    /** The scope named by tokens {@code s..e}; sets {@link Parse#tools}. */
    ActionScope resolve(int s, int e) {
        return resolve(s, e, -1);
    }

    /** As {@link #resolve(int, int)}, with {@code verb} (when not -1) a passive participle outside the range. */
    ActionScope resolve(int s, int e, int verb) {
        List<Integer> content = new ArrayList<>();
        if (verb >= 0) {
            content.add(verb);
        }
        for (int k = s; k < e; k++) {
            if ((t.word(k) && !Lexicon.ACTION_FILLER.contains(t.get(k).lower())) || t.kind(k, Tok.Kind.QUOTED)) {
                content.add(k);
            }
        }
        if ((e == s && verb < 0) || (content.isEmpty() && !mentionsAllTools(s, e))) {
            // section 5: no tool, no policy ("Allow users with role auditor to")
            int at = Math.min(s, t.size() - 1);
            throw t.fail("UNKNOWN_TOOL", "no tool is named", at, at);
        }
        List<Integer> nonQuant = content.stream().filter(k -> !(w(k, "available") || w(k, "gateway"))).toList();
        if (nonQuant.isEmpty() && mentionsAllTools(s, e)) {
            p.tools = p.index.tools;
            return new ActionScope.All();
        }
        if (content.size() == 1 && t.isAny(content.get(0), Lexicon.EVERYTHING)) {
            p.tools = p.index.tools;
            return new ActionScope.All();
        }
        ActionScope target = wholeTarget(s, e, content);
        if (target != null) {
            return target;
        }
        // a literal action id or tool name
        if (content.size() == 1) {
            String text = t.get(content.get(0)).text();
            for (Tool tool : p.index.tools) {
                String id = tool.action().actionId();
                if (text.equals(id) || text.equals(tool.action().targetName() + "__" + tool.action().toolName())
                        || (text.equals(tool.action().toolName()) && text.contains("_"))) {
                    p.tools = List.of(tool);
                    return ActionScope.of(p.tools);
                }
            }
        }
        boolean conjunction = false;
        for (int k = s; k < e; k++) {
            if (w(k, "or") || w(k, "and") || w(k, "and/or") || t.kind(k, Tok.Kind.COMMA)) {
                conjunction = true;
            }
        }
        if (conjunction) {
            int before = p.notes.size();
            List<Tool> several = severalTools(s, e, true);
            if (several != null) {
                p.tools = several;
                return ActionScope.of(several);
            }
            while (p.notes.size() > before) {
                p.notes.remove(p.notes.size() - 1);
            }
        }
        List<Tool> single = match(content);
        if (single != null) {
            p.tools = single;
            return ActionScope.of(single);
        }
        List<Tool> several = severalTools(s, e, false);
        if (several != null) {
            p.tools = several;
            return ActionScope.of(several);
        }
        return valueAdjective(content);
    }

    private boolean mentionsAllTools(int s, int e) {
        boolean noun = false;
        boolean quant = false;
        for (int k = s; k < e; k++) {
            noun |= t.isAny(k, Lexicon.ALL_TOOLS_NOUNS);
            quant |= t.isAny(k, Lexicon.QUANTIFIERS);
        }
        return noun && quant;
    }

    /** "all RefundTarget tools", "any tool of the RefundTarget target", "the refund tool". */
    private ActionScope wholeTarget(int s, int e, List<Integer> content) {
        String all = t.lowerJoin(s, e);
        boolean mentionsTools = all.contains("tool") || all.contains("action") || all.contains("target");
        if (!mentionsTools) {
            return null;
        }
        boolean hasQuant = all.startsWith("all ") || all.startsWith("any ") || all.startsWith("every ") || all.contains(" all ")
                || all.startsWith("the ") || all.contains(" the ") || all.contains(" any ") || all.contains(" every ");
        Set<String> cw = new LinkedHashSet<>();
        for (int k : content) {
            cw.addAll(Stems.identifierWords(t.get(k).text()));
        }
        cw.removeAll(Set.of("target", "all", "every", "any", "each", "tool", "tools", "api", "the"));
        for (String target : p.index.schema.targetNames()) {
            List<String> tw = Stems.identifierWords(target);
            List<String> twNoSuffix = new ArrayList<>(tw);
            twNoSuffix.removeAll(Set.of("target", "tool", "tools", "api"));
            if (!cw.isEmpty() && (cw.equals(new LinkedHashSet<>(twNoSuffix)) || cw.equals(new LinkedHashSet<>(tw)))
                    && (hasQuant || all.contains("target"))) {
                p.tools = p.index.tools.stream().filter(x -> x.action().targetName().equals(target)).toList();
                return new ActionScope.Target(target);
            }
        }
        return null;
    }

    /** "process refunds or check refund status": each part names a tool. Null when a part matches none (quiet). */
    private List<Tool> severalTools(int s, int e, boolean quiet) {
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        for (int k = s; k < e; k++) {
            Tok x = t.get(k);
            if (x.is("or") || x.is("and") || x.is("and/or") || x.kind() == Tok.Kind.COMMA || x.is("as") && w(k + 1, "well")) {
                if (!cur.isEmpty()) {
                    parts.add(cur);
                }
                cur = new ArrayList<>();
                if (x.is("as")) {
                    k += 2;
                }
                continue;
            }
            if (x.kind() == Tok.Kind.WORD && !Lexicon.ACTION_FILLER.contains(x.lower()) && !x.is("either") && !x.is("both")) {
                cur.add(k);
            }
        }
        if (!cur.isEmpty()) {
            parts.add(cur);
        }
        if (parts.size() < 2) {
            return null;
        }
        LinkedHashSet<Tool> chosen = new LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            List<Integer> part = parts.get(i);
            List<Tool> m = match(part);
            if (m == null && i + 1 < parts.size()) {
                // "create or cancel bookings": the object is shared
                List<Integer> withObject = new ArrayList<>(part);
                List<Integer> next = parts.get(parts.size() - 1);
                withObject.addAll(next.subList(Math.min(1, next.size()), next.size()));
                m = match(withObject);
            }
            if (m == null && i > 0) {
                // "process refunds or check status": the object may be elided
                List<Integer> withObject = new ArrayList<>(part);
                List<Integer> prev = parts.get(0);
                withObject.addAll(prev.subList(Math.min(1, prev.size()), prev.size()));
                m = match(withObject);
            }
            if (m == null) {
                if (quiet) {
                    return null;
                }
                throw unknown(part);
            }
            chosen.addAll(m);
        }
        if (quiet && chosen.size() < 2) {
            return null;
        }
        return List.copyOf(chosen);
    }

    /** "high-sensitivity models": a value of a String attribute narrowing the tool's object. */
    private ActionScope valueAdjective(List<Integer> content) {
        for (int k : content) {
            String text = t.get(k).text();
            int dash = text.lastIndexOf('-');
            if (dash <= 0 || dash == text.length() - 1) {
                continue;
            }
            List<Integer> rest = new ArrayList<>(content);
            rest.remove(Integer.valueOf(k));
            List<Tool> m = rest.isEmpty() ? null : match(rest);
            if (m == null) {
                continue;
            }
            String attrStem = Stems.stem(text.substring(dash + 1));
            for (Attr a : m.get(0).attrs()) {
                if (a.path().size() == 1 && a.nameStems().equals(Set.of(attrStem)) && a.attribute().type() instanceof CedarType.StringType) {
                    String value = text.substring(0, dash);
                    ValueChecks.requireValue(a, value, t.get(k));
                    p.tools = m;
                    p.actionConds.add(new Cond.Sourced(Atoms.guard(a, new Cond.Compare(a, Op.EQ,
                            new Literal.Str(ValueChecks.spelling(a, value)))), t.get(k).start(), t.get(k).end()));
                    return ActionScope.of(m);
                }
            }
        }
        throw unknown(content);
    }

    private Untranslatable unknown(List<Integer> words) {
        for (int k : words) {
            if (Lexicon.EVALUATIVE.contains(t.get(k).lower())) {
                return t.fail("SUBJECTIVE_CONDITION", "\"" + t.get(k).text()
                        + "\" is subjective; state a precise condition (e.g. an amount threshold)", k, k);
            }
        }
        int a = words.get(0);
        int b = words.get(words.size() - 1);
        return t.fail("UNKNOWN_TOOL", "no tool of this gateway matches \"" + t.textBetween(t.startOf(a), t.endOf(b)) + "\"", a, b);
    }

    private record Score(Tool tool, int score) {}

    /** Best tool for the words; null when none has evidence for every word. Ties are one reading each. */
    List<Tool> match(List<Integer> words) {
        if (words.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        List<String> partStems = new ArrayList<>();
        for (int k : words) {
            for (String part : Stems.identifierWords(t.get(k).text())) {
                parts.add(part);
                partStems.add(Stems.stem(part));
            }
        }
        List<Score> scores = new ArrayList<>();
        for (Tool tool : p.index.tools) {
            int name = 0;
            int syn = 0;
            int desc = 0;
            int target = 0;
            boolean left = false;
            Set<String> covered = new HashSet<>();
            for (int i = 0; i < parts.size(); i++) {
                String st = partStems.get(i);
                if (tool.nameStems().contains(st)) {
                    name++;
                    covered.add(st);
                } else if (synonymHit(st, tool, covered)) {
                    syn++;
                } else if (tool.descStems().contains(st)) {
                    desc++;
                } else if (tool.targetStems().contains(st)) {
                    target++;
                } else if (!Lexicon.STOP.contains(parts.get(i))) {
                    left = true;
                }
            }
            if (left || (name + syn == 0 && desc < 2)) {
                continue;
            }
            int score = 6 * name + 4 * syn + 2 * desc + 2 * target + (covered.size() == tool.nameStems().size() ? 3 : 0)
                    - (tool.nameStems().size() - covered.size());
            scores.add(new Score(tool, score));
        }
        if (scores.isEmpty()) {
            return null;
        }
        scores.sort((a, b) -> Integer.compare(b.score(), a.score()));
        List<Score> tied = scores.stream().filter(x -> x.score() == scores.get(0).score()).toList();
        if (tied.size() == 1) {
            return List.of(tied.get(0).tool());
        }
        int a = t.startOf(words.get(0));
        int b = t.endOf(words.get(words.size() - 1));
        int pick = p.choices.pick(Choices.Kind.TOOL, words.get(0), tied.size());
        List<String> others = new ArrayList<>();
        for (int k = 0; k < tied.size(); k++) {
            if (k != pick) {
                others.add(tied.get(k).tool().action().actionId());
            }
        }
        p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_ACTION", "\"" + t.textBetween(a, b) + "\" matches several tools equally; "
                + "this reading uses " + tied.get(pick).tool().action().actionId() + ", other readings: "
                + String.join(", ", others), a, b));
        return List.of(tied.get(pick).tool());
    }

    private static boolean synonymHit(String stem, Tool tool, Set<String> covered) {
        String g = Stems.synonymGroup(stem);
        if (g == null) {
            return false;
        }
        for (String ns : tool.nameStems()) {
            if (g.equals(Stems.synonymGroup(ns))) {
                covered.add(ns);
                return true;
            }
        }
        return false;
    }
}
