package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The principal phrase (cedar-conventions.md section 3 "Principal", section 5 "Principals"): usernames,
 * role/scope/other claims, "everyone". Claims become tag conditions; a group noun the token cannot identify
 * ("customers", "staff") is refused, never widened to everyone.
 */
final class PrincipalParser {
    private final Parse p;
    private final Tokens t;
    /** Username conditions of this phrase with their values: several named users become one list. */
    private final Map<Cond, List<String>> usernames = new IdentityHashMap<>();

    PrincipalParser(Parse p) {
        this.p = p;
        this.t = p.t;
    }

    private boolean w(int k, String word) {
        return t.is(k, word);
    }

    /** A principal phrase starts at {@code k} ("users ...", "all users", "the role ..."). */
    boolean startsAt(int k) {
        if (!t.in(k)) {
            return false;
        }
        if (w(k, "all") || w(k, "any") || w(k, "the") || w(k, "every")) {
            k++;
        }
        return t.isAny(k, Lexicon.CALLER_NOUNS) || t.isAny(k, Lexicon.EVERYONE) || isGroupNoun(k) || w(k, "role") || w(k, "roles");
    }

    private boolean isGroupNoun(int k) {
        return t.isAny(k, Lexicon.GROUP_NOUNS);
    }

    /**
     * Parses a principal phrase from {@code i} into tag conditions added to {@code out}. Returns the first token
     * after the phrase, or -1 when nothing principal-like is there.
     */
    int parse(int i, List<Cond> out) {
        int before = out.size();
        int end = parsePhrase(i, out);
        // "user alice and user bob": one caller cannot be both; the requirement names several users
        List<Cond> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Cond c : out.subList(before, out.size())) {
            if (usernames.containsKey(c)) {
                names.add(c);
                values.addAll(usernames.get(c));
            }
        }
        if (names.size() > 1) {
            int at = out.indexOf(names.get(0));
            out.removeAll(names);
            out.add(Math.min(at, out.size()), Atoms.tag("username", values, false));
        }
        return end;
    }

    private int parsePhrase(int i, List<Cond> out) {
        int start = i;
        boolean any = false;
        while (true) {
            int k = i;
            if (w(k, "all") || w(k, "any") || w(k, "every") || w(k, "the")) {
                k++;
                if (w(k - 1, "all") && w(k, "the")) {
                    k++;
                }
            }
            if (t.isAny(k, Lexicon.EVERYONE)) {
                k++;
                any = true;
                i = parseClaims(k, out, false);
            } else if (isGroupNoun(k) && !(singular(k) && t.in(k + 1) && isIdentifier(k + 1) && named(k + 1))) {
                throw t.fail("UNTRANSLATED_WORDS", "\"" + t.get(k).text() + "\" names a group the caller's token does not "
                        + "identify; write \"users with role ...\" (or another claim) instead", k, k);
            } else if (t.isAny(k, Lexicon.CALLER_NOUNS) || isGroupNoun(k)) {
                k++;
                any = true;
                // "user refund-agent", "the user refund-agent", "principal \"x\""
                if (singular(k - 1) && t.in(k) && isIdentifier(k)) {
                    addUsername(out, List.of(t.get(k)), k);
                    k++;
                }
                i = parseClaims(k, out, false);
            } else if (k == i && t.in(k) && isIdentifier(k) && !p.index.allToolStems.contains(Stems.stem(t.get(k).lower()))
                    && !Lexicon.ACTION_FILLER.contains(t.get(k).lower()) && !isClaimWord(k + 1)
                    && (named(k) || w(k + 1, "to") || w(k + 1, "from") || t.isAny(k + 1, Lexicon.MODALS)
                    || w(k + 1, "cannot"))) {
                k = bareName(k, out);
                any = true;
                i = parseClaims(k + 1, out, false);
            } else if (t.in(k) && isIdentifier(k) && (w(k + 1, "user") || w(k + 1, "principal") || w(k + 1, "account")
                    || w(k + 1, "caller")) && !Lexicon.ACTION_FILLER.contains(t.get(k).lower()) && named(k)) {
                // "the refund-agent user"
                addUsername(out, List.of(t.get(k)), k);
                any = true;
                i = parseClaims(k + 2, out, false);
            } else if (t.in(k) && isIdentifier(k) && isClaimWord(k + 1) && !isClaimWord(k)
                    && !Lexicon.ACTION_FILLER.contains(t.get(k).lower())) {
                // "the data-science team", "the finance department"
                out.add(tagCond(claimName(k + 1), List.of(t.get(k)), k));
                any = true;
                int after = k + 2;
                if (w(after, "members") || w(after, "users") || w(after, "staff")) {
                    after++;
                }
                i = parseClaims(after, out, false);
            } else if (k == i && (w(k, "role") || w(k, "roles"))) {
                any = true;
                i = parseClaims(k, out, true);
            } else {
                break;
            }
            // several principal requirements joined by "and"
            if (w(i, "and") && startsAt(i + 1)) {
                i++;
                continue;
            }
            break;
        }
        return any || i > start ? i : -1;
    }

    /** A hyphenated, underscored or quoted identifier names one caller; a plain word could be a role too. */
    private boolean named(int k) {
        Tok x = t.get(k);
        return x.kind() == Tok.Kind.QUOTED || x.text().contains("-") || x.text().contains("_");
    }

    private boolean singular(int k) {
        String noun = t.get(k).lower();
        return !noun.endsWith("s") && !noun.equals("people") && !noun.equals("staff");
    }

    /**
     * "Allow refund-agent to ...", "Allow clerk-1, clerk-2 and clerk-3 to ...": usernames. A plain lower-case word
     * ("Allow admin to ...") could be a username or a role (section 5): one reading each.
     */
    private int bareName(int k, List<Cond> out) {
        Tok id = t.get(k);
        if (!named(k)) {
            String text = sentenceCase(k, id.text());
            if (text.endsWith("s") && text.length() > 3 && !text.endsWith("ss")) {
                throw t.fail("UNTRANSLATED_WORDS", "\"" + id.text() + "\" names a group the caller's token does not identify; "
                        + "write \"users with role ...\" (or another claim) instead", k, k);
            }
            int pick = p.choices.pick(Choices.Kind.PRINCIPAL, k, 2);
            String claim = pick == 0 ? "username" : "role";
            p.notes.add(Diagnostic.ambiguous("AMBIGUOUS_PRINCIPAL", "\"" + id.text() + "\" could be a username or a role; this "
                    + "reading uses " + claim + " \"" + text + "\", the other reading uses " + (pick == 0 ? "role" : "username")
                    + ". Write \"user " + text + "\" or \"users with role " + text + "\"", id.start(), id.end()));
            requireTags(k);
            out.add(Atoms.tag(claim, List.of(text), false));
            return k;
        }
        List<Tok> ids = new ArrayList<>(List.of(id));
        int q = k + 1;
        while ((w(q, "and") || w(q, "or") || t.kind(q, Tok.Kind.COMMA)) && t.in(q + 1)) {
            int r = w(q + 1, "and") || w(q + 1, "or") ? q + 2 : q + 1;
            if (t.in(r) && named(r) && isIdentifier(r)) {
                ids.add(t.get(r));
                q = r + 1;
            } else {
                break;
            }
        }
        addUsername(out, ids, k);
        return q - 1;
    }

    /** "Admin" only capitalised because it starts the sentence is "admin". */
    private String sentenceCase(int k, String text) {
        if (k == 0 && text.length() > 1 && Character.isUpperCase(text.charAt(0))
                && text.substring(1).equals(text.substring(1).toLowerCase(java.util.Locale.ROOT))) {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
        return text;
    }

    private void addUsername(List<Cond> out, List<Tok> values, int at) {
        Cond c = tagCond("username", values, at);
        usernames.put(c, values.stream().map(Tok::text).toList());
        out.add(c);
    }

    boolean isIdentifier(int k) {
        Tok x = t.get(k);
        if (x.kind() == Tok.Kind.QUOTED) {
            return true;
        }
        if (x.kind() != Tok.Kind.WORD) {
            return false;
        }
        String l = x.lower();
        return !Lexicon.STOP.contains(l) && !Lexicon.DETERMINERS.contains(l) && !Lexicon.PRONOUNS.contains(l)
                && !java.util.Set.of("with", "has", "have", "holds", "hold", "without", "except", "whose", "who", "can",
                "cannot", "may", "must", "having", "named", "should", "will", "are", "is", "that", "in", "only").contains(l)
                && !Lexicon.COND_MARKERS.contains(l) && !Lexicon.CALLER_NOUNS.contains(l) && !Lexicon.EVERYONE.contains(l)
                && !Lexicon.CLAIMS.contains(l) && !Lexicon.GROUP_NOUNS.contains(l);
    }

    /** "with role R", "with the S scope", "whose tier is premium", "in the finance department", "named X". */
    private int parseClaims(int k, List<Cond> out, boolean bareClaim) {
        boolean first = true;
        while (t.in(k)) {
            int c = k;
            if (bareClaim && first) {
                c = k;
            } else if (w(c, "named") || w(c, "called")) {
                if (!t.in(c + 1)) {
                    throw t.fail("UNTRANSLATED_WORDS", "a name is missing after \"" + t.get(c).text() + "\"", c, c);
                }
                addUsername(out, List.of(t.get(c + 1)), c + 1);
                k = c + 2;
                first = false;
                continue;
            } else if (w(c, "with") || w(c, "having") || w(c, "holding") || w(c, "has") || w(c, "holds")
                    || ((w(c, "who") || w(c, "that")) && (w(c + 1, "have") || w(c + 1, "has") || w(c + 1, "hold")))) {
                c += w(c, "who") || w(c, "that") ? 2 : 1;
            } else if ((w(c, "and") || t.kind(c, Tok.Kind.COMMA)) && !first && claimWordAt(c + 1)) {
                c += 1;
                if (w(c, "with")) {
                    c++;
                }
            } else if (w(c, "whose") || ((w(c, "and") || t.kind(c, Tok.Kind.COMMA)) && !first && w(c + 1, "whose"))) {
                k = whose(c + (w(c, "whose") ? 1 : 2), out);
                first = false;
                continue;
            } else if (w(c, "in") || w(c, "from") || w(c, "of")
                    || ((w(c, "who") || w(c, "that")) && (w(c + 1, "are") || w(c + 1, "is")) && (w(c + 2, "in") || w(c + 2, "on")))) {
                // "users in the premium tier", "users from the finance department"
                int d = w(c, "who") || w(c, "that") ? c + 3 : c + 1;
                if (w(d, "the") || w(d, "a")) {
                    d++;
                }
                if (t.in(d + 1) && !t.kind(d, Tok.Kind.COMMA) && isClaimWord(d + 1) && !isClaimWord(d)) {
                    out.add(tagCond(claimName(d + 1), List.of(t.get(d)), d));
                    k = d + 2;
                    first = false;
                    continue;
                }
                break;
            } else {
                break;
            }
            k = claimBody(c, out);
            first = false;
        }
        return k;
    }

    /** After "with": "the admin:write scope", "a tier of premium", "role R1 or R2", "clearance secret". */
    private int claimBody(int c, List<Cond> out) {
        if (w(c, "the") || w(c, "a") || w(c, "an")) {
            c++;
            if (isClaimWord(c) && w(c + 1, "of")) {
                List<Tok> values = new ArrayList<>();
                int e = claimValues(c + 2, values);
                out.add(tagCond(claimName(c), values, c));
                return e;
            } else if (t.in(c + 1) && isClaimWord(c + 1)) {
                out.add(tagCond(claimName(c + 1), List.of(t.get(c)), c));
                return c + 2;
            } else if (isClaimWord(c)) {
                List<Tok> values = new ArrayList<>();
                int e = claimValues(c + 1, values);
                out.add(tagCond(claimName(c), values, c));
                return e;
            }
            throw t.fail("UNTRANSLATED_WORDS", "could not read the claim \"" + t.text(c - 1, c + 2) + "\"", c - 1, c + 1);
        }
        if (isClaimWord(c)) {
            int v = c + 1;
            if (w(v, "of") || w(v, "=") || w(v, "equal") || w(v, "is")) {
                v++;
            }
            List<Tok> values = new ArrayList<>();
            int e = claimValues(v, values);
            out.add(tagCond(claimName(c), values, c));
            return e;
        }
        if (t.in(c + 1) && isClaimWord(c + 1) && isValueTok(c)) {
            out.add(tagCond(claimName(c + 1), List.of(t.get(c)), c));
            return c + 2;
        }
        if (t.word(c) && isValueTok(c + 1) && !w(c, "no")) {
            // "users with clearance secret": any claim, written as the user wrote it
            List<Tok> values = new ArrayList<>();
            int e = claimValues(c + 1, values);
            out.add(tagCond(t.get(c).text(), values, c));
            return e;
        }
        throw t.fail("UNTRANSLATED_WORDS", "could not read the claim after \"with\"", c - 1, c);
    }

    /** "whose role is (not) R", "whose scope includes S". */
    private int whose(int c, List<Cond> out) {
        int nameStart = c;
        while (t.in(c) && !w(c, "is") && !w(c, "are") && !w(c, "includes") && !w(c, "contains") && !w(c, "isn't")
                && c - nameStart < 3) {
            c++;
        }
        // a claim is one word as written ("whose tier is", "whose custom:team is"); more words are not read
        if (!(w(c, "is") || w(c, "are") || w(c, "includes") || w(c, "contains") || w(c, "isn't")) || c != nameStart + 1) {
            throw t.fail("UNTRANSLATED_WORDS", "could not read the claim after \"whose\"", nameStart - 1, c);
        }
        String claim = claimName(nameStart);
        boolean contains = w(c, "includes") || w(c, "contains");
        boolean neg = w(c, "isn't");
        c++;
        if (w(c, "not")) {
            neg = true;
            c++;
        }
        if (w(c, "one") && w(c + 1, "of")) {
            c += 2;
        }
        List<Tok> values = new ArrayList<>();
        c = claimValues(c, values);
        Cond cond = tagCond(claim, values, nameStart, contains);
        out.add(neg ? Atoms.tagNot(claim, cond) : cond);
        return c;
    }

    boolean claimWordAt(int c) {
        if (w(c, "the") || w(c, "a") || w(c, "an")) {
            c++;
        }
        return t.in(c) && (isClaimWord(c) || (t.in(c + 1) && isClaimWord(c + 1) && isValueTok(c)));
    }

    boolean isClaimWord(int c) {
        return t.word(c) && (Lexicon.CLAIMS.contains(t.get(c).lower())
                || (t.get(c).lower().startsWith("custom:") && t.get(c).lower().length() > 7));
    }

    boolean isValueTok(int c) {
        if (!t.in(c)) {
            return false;
        }
        Tok x = t.get(c);
        if (x.kind() == Tok.Kind.QUOTED || x.kind() == Tok.Kind.NUMBER) {
            return true;
        }
        return x.kind() == Tok.Kind.WORD && !Lexicon.STOP.contains(x.lower())
                && !java.util.Set.of("can", "may", "cannot", "must", "when", "if", "unless", "who", "should").contains(x.lower());
    }

    /** Claim names are used as written; known plurals are singular ("roles" -> role). */
    String claimName(int s) {
        String name = t.get(s).text();
        String l = name.toLowerCase(java.util.Locale.ROOT);
        return switch (l) {
            case "roles" -> "role";
            case "scopes" -> "scope";
            case "groups" -> "group";
            default -> Lexicon.CLAIMS.contains(l) ? l : name;
        };
    }

    /** Values of a claim: "R", "R1 or R2", "R1, R2, or R3". Stops at "and" (next claim) and at "to". */
    int claimValues(int c, List<Tok> values) {
        String claimWord = c > 0 && t.word(c - 1) ? t.get(c - 1).lower() : "";
        if (w(c, "either") && isValueTok(c + 1)) {
            c++;
        }
        if (!isValueTok(c)) {
            throw t.fail("UNTRANSLATED_WORDS", "a claim needs a value", c - 1, c);
        }
        values.add(t.get(c));
        c++;
        while (t.in(c)) {
            if (w(c, "or") && w(c + 1, claimWord) && isValueTok(c + 2) && isClaimWord(c + 1)) {
                values.add(t.get(c + 2));
                c += 3;
            } else if (w(c, "or") && isValueTok(c + 1) && !w(c + 2, "can")) {
                values.add(t.get(c + 1));
                c += 2;
            } else if (t.kind(c, Tok.Kind.COMMA) && w(c + 1, "or") && isValueTok(c + 2)) {
                values.add(t.get(c + 2));
                c += 3;
            } else if (t.kind(c, Tok.Kind.COMMA) && isValueTok(c + 1) && !claimWordAt(c + 1)
                    && (w(c + 2, "or") || t.kind(c + 2, Tok.Kind.COMMA))) {
                values.add(t.get(c + 1));
                c += 2;
            } else {
                break;
            }
        }
        return c;
    }

    Cond tagCond(String claim, List<Tok> values, int at) {
        return tagCond(claim, values, at, false);
    }

    Cond tagCond(String claim, List<Tok> values, int at, boolean contains) {
        requireTags(at);
        return Atoms.tag(claim, values.stream().map(Tok::text).toList(), contains || claim.equals("scope"));
    }

    void requireTags(int at) {
        if (!p.tags) {
            int k = at < 0 ? 0 : at;
            throw t.fail("UNSUPPORTED_CONSTRUCT",
                    "this gateway uses AWS_IAM: its callers (AgentCore::IamEntity) carry no JWT claims to test", k, k);
        }
    }
}
