package com.cedarauthoring.grounding;

import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.translate.Alignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Principal tests must be said: each claim value appears in the text as written (a capital that only
 * starts the sentence aside), each claim other than the username is named ("role", "scope", "tier");
 * group nouns and bare lower-case words are not usernames (section 5, principals).
 */
final class PrincipalStep {
    private static final Set<String> USER_WORDS = Set.of("user", "users", "username", "principal", "named");

    private PrincipalStep() {}

    static void apply(Grounding g) {
        RequirementText t = g.text;
        if (g.policy.principal() instanceof PolicyView.Scope.Eq eq) {
            int at = t.find(eq.entity().id(), true);
            if (at < 0) {
                g.flag(FindingCode.UNGROUNDED_LITERAL, "The principal " + eq.entity().cedar()
                        + " does not appear in the requirement.", null);
            } else {
                g.evidence(Alignment.Role.PRINCIPAL, "principal == " + eq.entity().cedar(),
                        List.of(t.consume(at, at + eq.entity().id().length())));
            }
        }
        boolean anyTag = false;
        for (Atom a : g.atoms) {
            if (!a.isTag() || a.kind() == Atom.Kind.HAS_TAG) {
                continue;
            }
            anyTag = true;
            List<Span> spans = new ArrayList<>();
            for (Object v : a.values()) {
                String value = String.valueOf(v);
                int at = t.find(value, true);
                if (at < 0) {
                    g.flag(FindingCode.UNGROUNDED_LITERAL, "The policy tests the " + a.tag() + " claim for \"" + value
                            + "\", which the requirement does not say.", null);
                    continue;
                }
                spans.add(t.consume(at, at + value.length()));
                if (a.tag().equals("username")) {
                    username(g, value, at);
                }
            }
            if (!a.tag().equals("username")) {
                claimNamed(g, a.tag()).ifPresent(spans::add);
            }
            g.evidence(Alignment.Role.PRINCIPAL, a.cedar(), spans);
        }
        for (Tok tok : t.tokens) {
            String w = tok.lower();
            if (Lexicon.EVERY_CALLER.contains(w) || anyTag && Lexicon.PRINCIPAL_NOUNS.contains(w)) {
                t.consume(tok);
            }
        }
    }

    private static java.util.Optional<Span> claimNamed(Grounding g, String claim) {
        RequirementText t = g.text;
        int at = t.find(claim, false);
        if (at >= 0) {
            return java.util.Optional.of(t.consume(at, at + claim.length()));
        }
        List<String> words = Lexicon.nameWords(claim).stream().map(Lexicon::stem).toList();
        List<Span> found = new ArrayList<>();
        for (String w : words) {
            for (Tok tok : t.tokens) {
                if (tok.stems().contains(w)) {
                    found.add(t.span(tok));
                    t.consume(tok);
                    break;
                }
            }
        }
        if (found.size() == words.size() && !found.isEmpty()) {
            return java.util.Optional.of(found.get(0));
        }
        g.flag(FindingCode.UNGROUNDED_ATTRIBUTE, "The policy tests the " + claim
                + " claim, which the requirement does not name.", null);
        return java.util.Optional.empty();
    }

    private static void username(Grounding g, String value, int at) {
        RequirementText t = g.text;
        int index = t.tokenAt(at);
        boolean introduced = USER_WORDS.contains(t.lower(index - 1)) || USER_WORDS.contains(t.lower(index - 2));
        boolean quoted = at > 0 && "\"'“‘".indexOf(t.text.charAt(at - 1)) >= 0;
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        if (Lexicon.GROUP_NOUNS.contains(lower) && !quoted) {
            g.flag(FindingCode.GROUP_PRINCIPAL, "\"" + value + "\" names a group that the caller's token does not "
                    + "identify; write \"users with role " + value + "\" (or the claim that identifies them).",
                    t.span(at, at + value.length()));
        } else if (!introduced && !quoted && value.matches("\\p{Ll}+")) {
            g.flag(FindingCode.BARE_PRINCIPAL, "\"" + value + "\" may be a username or a role; read as username \""
                    + value + "\". Write \"user " + value + "\" or \"users with role " + value + "\".",
                    t.span(at, at + value.length()));
        }
    }
}
