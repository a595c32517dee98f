package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.PolicyView.ActionScope;
import com.cedarauthoring.cedar.est.PolicyView.EntityRef;
import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.translate.Alignment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No tool, no policy: each tool in the action scope needs a word of its name (or description) in the
 * text; bare {@code action} needs "all tools", "everything"...; a target needs its name.
 */
final class ToolStep {
    private static final Set<String> TOOL_NOUNS = Set.of("tool", "tools", "action", "actions", "operation",
            "operations", "function", "functions", "endpoint", "endpoints");
    private static final Set<String> GENERIC = Set.of("target", "api", "tool", "service");

    private ToolStep() {}

    static void apply(Grounding g) {
        ActionScope scope = g.policy.action();
        if (scope instanceof ActionScope.Any) {
            List<Span> spans = everything(g.text);
            if (spans.isEmpty()) {
                g.flag(FindingCode.NO_TOOL, "The policy applies to every tool, but the requirement does not say "
                        + "\"all tools\" or \"everything\"; name the tool.", null);
            }
            g.evidence(Alignment.Role.TOOL, "action", spans);
        } else if (scope instanceof ActionScope.Eq one) {
            tool(g, one.action());
        } else if (scope instanceof ActionScope.InList list) {
            list.actions().forEach(a -> tool(g, a));
        } else if (scope instanceof ActionScope.InGroup group) {
            tool(g, group.group());
        }
    }

    private static List<Span> everything(RequirementText t) {
        List<Span> out = new ArrayList<>();
        for (Tok tok : t.tokens) {
            String w = tok.lower();
            if (w.equals("everything") || w.equals("anything")) {
                t.consume(tok);
                out.add(t.span(tok));
            } else if (Lexicon.ALL_WORDS.contains(w)) {
                for (int k = 1; k <= 3 && tok.index() + k < t.tokens.size(); k++) {
                    if (TOOL_NOUNS.contains(t.lower(tok.index() + k))) {
                        Tok noun = t.tokens.get(tok.index() + k);
                        out.add(t.consume(tok.start(), noun.end()));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static void tool(Grounding g, EntityRef ref) {
        String id = ref.id();
        Set<String> name = new HashSet<>();
        Set<String> description = new HashSet<>();
        boolean target = g.schema.targetNames().contains(id) && g.schema.action(id).isEmpty();
        if (target) {
            Lexicon.nameWords(id).stream().map(Lexicon::stem).filter(w -> !GENERIC.contains(w)).forEach(name::add);
        } else {
            ToolAction tool = g.schema.action(id).orElse(null);
            if (tool == null) {
                return; // the scope rules already refused it
            }
            Lexicon.nameWords(tool.toolName()).stream().map(Lexicon::stem).forEach(name::add);
            Lexicon.nameWords(tool.targetName()).stream().map(Lexicon::stem).filter(w -> !GENERIC.contains(w))
                    .forEach(description::add);
            for (String w : tool.description().split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty() && !Lexicon.FUNCTION.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                    description.add(Lexicon.stem(w));
                }
            }
        }
        RequirementText t = g.text;
        Tok first = firstMatch(t, name);
        if (first == null) {
            g.flag(FindingCode.NO_TOOL, "No words of the requirement name the tool " + (target ? "group " : "") + id
                    + "; name it as in the gateway (e.g. \"" + String.join(" ", Lexicon.nameWords(
                    target ? id : g.schema.action(id).get().toolName())) + "\").", null);
            return;
        }
        // Every word that names the tool is the tool's (a word cannot name the tool and an attribute); the
        // first naming word and its neighbours that name or describe the tool are the evidence.
        List<Span> spans = new ArrayList<>();
        int from = first.index();
        int to = first.index();
        while (from - 1 >= 0 && names(t.tokens.get(from - 1), name, description)) {
            from--;
        }
        while (to + 1 < t.tokens.size() && names(t.tokens.get(to + 1), name, description)) {
            to++;
        }
        spans.add(t.consume(t.tokens.get(from).start(), t.tokens.get(to).end()));
        for (Tok tok : t.tokens) {
            if (!t.consumed(tok) && tok.stems().stream().anyMatch(name::contains)) {
                t.consume(tok);
                spans.add(t.span(tok));
            }
            if (target && (tok.lower().equals("target") || tok.lower().equals("targets"))) {
                t.consume(tok);
            }
        }
        g.evidence(Alignment.Role.TOOL, id, spans);
    }

    private static Tok firstMatch(RequirementText t, Set<String> name) {
        Tok fallback = null;
        for (Tok tok : t.tokens) {
            if (tok.stems().stream().anyMatch(name::contains)) {
                boolean effectVerb = Lexicon.PERMIT_VERBS.contains(tok.lower()) || Lexicon.FORBID_VERBS.contains(tok.lower());
                if (!t.consumed(tok) && !effectVerb) {
                    return tok;
                }
                if (fallback == null && !t.consumed(tok)) {
                    fallback = tok;
                }
            }
        }
        return fallback;
    }

    private static boolean names(Tok tok, Set<String> name, Set<String> description) {
        return tok.stems().stream().anyMatch(s -> name.contains(s) || description.contains(s));
    }
}
