package com.cedarauthoring.translate.rules;

import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.gateway.CedarType;
import com.cedarauthoring.translate.rules.SchemaIndex.Attr;
import com.cedarauthoring.translate.rules.SchemaIndex.Tool;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles one requirement sentence of the controlled language into effect, scope and condition
 * readings. One instance per requirement (it holds a cursor); never shared between threads.
 * Anything it cannot map faithfully throws {@link Untranslatable}: it never drops a word it did not
 * understand and never invents a condition.
 */
final class Compiler {

    record Note(FindingType type, String code, String message, int start, int end) {}

    /** The compiled requirement. {@code whenReadings} has one entry per reading (more than one when grouping is ambiguous). */
    record Result(boolean forbid, boolean barePrincipal, List<Cond> principal, String actionScope,
                  List<Cond> whenReadings, Cond unless, List<Note> notes, boolean principalNamed) {}

    private static final Set<String> PREDICATE_START = Set.of("is", "are", "was", "were", "equals", "equal", "exceeds",
            "exceed", "exceeding", "contains", "contain", "includes", "include", "starts", "start", "begins", "begin",
            "ends", "end", "exists", "exist", "does", "do", "has", "have", "matches", "match", "isn't", "aren't",
            "doesn't", "don't", "hasn't", "haven't", "less", "more", "greater", "fewer", "under", "over", "below",
            "above", "at", "up", "between", "exactly", "not", "lower", "higher", "within", "must", "should",
            "remains", "stays", "becomes", "totals", "reaches", "surpasses", "falls", "larger", "smaller", "beneath",
            "starting", "ending", "containing", "including", "greater-than", "no", "<", "<=", ">", ">=", "=", "==", "!=", "=<", "=>", "<>", "less-than", "equal-to");
    private static final Set<String> ACTION_BOUNDARY = Set.of("when", "if", "where", "whenever", "unless", "provided",
            "only", "except", "as", "so", "for", "with", "whose", "that", "which", "by", "but", "under", "over", "below",
            "above", "exceeding", "between", "less", "more", "greater", "fewer", "at", "up", "in", "on", "while",
            "without", "having", "whereas", "once", "until", "within", "from", "larger", "smaller", "higher", "lower",
            "bigger", "exactly", "exceeds", "exceed", "no", "not");

    private final SchemaIndex index;
    private final List<Tok> t;
    private final List<Note> notes = new ArrayList<>();
    private final boolean tags;
    private List<Tool> tools = List.of();
    private Attr lastSubject;
    private Tok hint;
    private final java.util.Map<String, Integer> forced;
    /** Decision points where several choices scored equally: key and number of choices, in the order met. */
    final List<java.util.Map.Entry<String, Integer>> ties = new ArrayList<>();

    Compiler(SchemaIndex index, String text) {
        this(index, text, java.util.Map.of());
    }

    Compiler(SchemaIndex index, String text, java.util.Map<String, Integer> forced) {
        this.forced = forced;
        this.index = index;
        List<Tok> toks = new ArrayList<>(Lexer.lex(text));
        while (!toks.isEmpty() && toks.get(toks.size() - 1).kind() == Tok.Kind.PUNCT) {
            toks.remove(toks.size() - 1);
        }
        this.t = toks;
        this.tags = index.schema.authorizer().principalHasTags();
    }

    // ------------------------------------------------------------------ sentence

    Result compile() {
        if (t.isEmpty()) {
            throw new Untranslatable("UNTRANSLATED_WORDS", "the requirement has no words", 0, 0);
        }
        int i = 0;
        while (i < t.size() && (w(i, "please") || w(i, "only") || w(i, "policy:") || w(i, "rule:") || w(i, "also")
                || w(i, "additionally") || w(i, "finally") || w(i, "then"))) {
            i++;
        }
        boolean forbid;
        boolean bare = false;
        List<Cond> principal = new ArrayList<>();
        boolean principalNamed;
        int actionStart;
        boolean let = false;
        if (w(i, "never") && i + 1 < t.size() && t.get(i + 1).isAny(Words.PERMIT)) {
            forbid = true;
            i += 2;
        } else if ((w(i, "do") && w(i + 1, "not") && i + 2 < t.size() && t.get(i + 2).isAny(Words.PERMIT))
                || ((w(i, "don't") || w(i, "dont")) && i + 1 < t.size() && t.get(i + 1).isAny(Words.PERMIT))) {
            forbid = true;
            i += w(i, "do") ? 3 : 2;
        } else if (i < t.size() && t.get(i).isAny(Words.PERMIT)) {
            forbid = false;
            let = w(i, "let");
            i++;
        } else if (i < t.size() && t.get(i).isAny(Words.FORBID)) {
            forbid = true;
            i++;
        } else if (i < t.size() && (t.get(i).isAny(Words.SHUTDOWN) || (w(i, "shut") && w(i + 1, "down"))
                || (w(i, "turn") && w(i + 1, "off")) || (w(i, "emergency") && (w(i + 1, "shutdown") || w(i + 1, "stop"))))) {
            forbid = true;
            bare = true;
            i += (w(i, "shut") || w(i, "turn") || w(i, "emergency")) ? 2 : 1;
            if (w(i, "of") || w(i, "for") || w(i, "access")) {
                i++;
                if (w(i - 1, "access") && (w(i, "to") || w(i, "for"))) {
                    i++;
                }
            }
        } else {
            return subjectFirst();
        }
        if (i < t.size() && t.get(i).isAny(PRONOUNS)) {
            throw new Untranslatable("UNTRANSLATED_WORDS", "\"" + t.get(i).text()
                    + "\" refers to another requirement; name the principal in each requirement", t.get(i).start(), t.get(i).end());
        }
        if (bare) {
            principalNamed = true;
            actionStart = i;
        } else {
            int[] end = new int[1];
            Boolean found = parsePrincipal(i, principal, end);
            if (found != null) {
                principalNamed = true;
                i = end[0];
                if ((w(i, "access") || w(i, "permission") || w(i, "permissions") || w(i, "rights")) && (w(i + 1, "to") || w(i + 1, "for"))) {
                    i++; // "grant users with role admin access to all tools"
                } else if ((w(i, "the") && (w(i + 1, "ability") || w(i + 1, "right")) && w(i + 2, "to"))) {
                    i += 2;
                }
                if (w(i, "to") || w(i, "from")) {
                    i++;
                    if (w(i, "be") && w(i + 1, "able") && w(i + 2, "to")) {
                        i += 3;
                    }
                } else if (!let && i < t.size() && !(w(i, "when") || w(i, "if") || w(i, "unless") || w(i, "where")
                        || w(i, "whenever"))) {
                    int j = i;
                    while (j < t.size() && !w(j, "to") && !w(j, "from")) {
                        j++;
                    }
                    j = Math.min(j, t.size()) - 1;
                    throw new Untranslatable("UNTRANSLATED_WORDS", "could not read \"" + span(i, j + 1)
                            + "\" as part of the principal (exceptions and other qualifiers are not supported)",
                            t.get(i).start(), t.get(Math.max(i, j)).end());
                }
            } else {
                principalNamed = false;
                if (w(i, "access") && (w(i + 1, "to") || w(i + 1, "for"))) {
                    i += 2;
                }
            }
            actionStart = i;
        }
        return finish(forbid, bare, principal, principalNamed, actionStart);
    }

    /** "X can / may / is allowed to ...", "X cannot / must not ...". */
    private Result subjectFirst() {
        int s = 0;
        while (s < t.size() && (w(s, "only") || w(s, "please"))) {
            s++;
        }
        for (int m = s; m < t.size(); m++) {
            Boolean forbid = null;
            int after = -1;
            if (w(m, "can") || w(m, "may") || w(m, "should") || w(m, "must") || w(m, "will")) {
                if (w(m + 1, "not") || w(m + 1, "never")) {
                    forbid = true;
                    after = m + 2;
                } else if (w(m, "can") || w(m, "may")) {
                    forbid = false;
                    after = m + 1;
                } else if (w(m + 1, "be") && (w(m + 2, "able") || w(m + 2, "allowed") || w(m + 2, "permitted"))) {
                    forbid = false;
                    after = m + 3;
                }
                if (forbid != null && w(after, "be") && (w(after + 1, "able") || w(after + 1, "allowed") || w(after + 1, "permitted"))) {
                    after += 2;
                }
            } else if (w(m, "cannot") || w(m, "can't") || w(m, "mustn't") || w(m, "shouldn't") || w(m, "won't")) {
                forbid = true;
                after = m + 1;
            } else if ((w(m, "is") || w(m, "are")) && i2(m + 1) != null) {
                int k = m + 1;
                boolean neg = false;
                if (w(k, "not") || w(k, "never")) {
                    neg = true;
                    k++;
                }
                if (w(k, "allowed") || w(k, "permitted") || w(k, "authorized") || w(k, "authorised") || w(k, "able")) {
                    forbid = neg;
                    after = k + 1;
                } else if (w(k, "forbidden") || w(k, "blocked") || w(k, "prohibited") || w(k, "denied")
                        || w(k, "prevented") || w(k, "barred")) {
                    forbid = !neg;
                    after = k + 1;
                }
            } else if (w(m, "never")) {
                forbid = true;
                after = m + 1;
            }
            if (forbid == null) {
                continue;
            }
            if (w(after, "to") || w(after, "from")) {
                after++;
            }
            List<Cond> principal = new ArrayList<>();
            boolean named;
            boolean nobody = (w(s, "no") && (w(s + 1, "one") || w(s + 1, "user") || w(s + 1, "users")) && m == s + 2)
                    || (w(s, "nobody") && m == s + 1) || (w(s, "no-one") && m == s + 1);
            if (nobody) {
                forbid = !forbid;
                named = true;
            } else {
                int[] end = new int[1];
                Boolean found = parsePrincipal(s, principal, end);
                if (found == null || end[0] != m) {
                    int at = found == null ? s : end[0];
                    throw new Untranslatable("UNTRANSLATED_WORDS", "could not read the subject \"" + span(s, m) + "\" as a principal",
                            t.get(Math.min(at, m - 1 < s ? s : m - 1)).start(), t.get(Math.max(s, m - 1)).end());
                }
                named = true;
            }
            return finish(forbid, false, principal, named, after);
        }
        throw new Untranslatable("UNSUPPORTED_CONSTRUCT",
                "no effect word (allow, permit, deny, block, can, cannot...) was found", 0, t.get(t.size() - 1).end());
    }

    private static final Set<String> PRONOUNS = Set.of("them", "they", "him", "her", "it", "us", "me", "those", "these",
            "someone", "somebody", "whoever");

    private Object i2(int k) {
        return k < t.size() ? t.get(k) : null;
    }

    private Result finish(boolean forbid, boolean bare, List<Cond> principal, boolean principalNamed, int actionStart) {
        int i = actionStart;
        int actionEnd = i;
        while (actionEnd < t.size() && !isBoundary(actionEnd)) {
            actionEnd++;
        }
        // "for" inside an action phrase: "the refund tool" vs "refunds for amounts" is settled by trying the phrase
        String scope = resolveAction(i, actionEnd);
        i = actionEnd;
        List<List<Cond>> whenParts = new ArrayList<>();
        for (Cond c : actionConds) {
            whenParts.add(List.of(c));
        }
        List<Cond> unlessParts = new ArrayList<>();
        while (i < t.size()) {
            if (t.get(i).kind() == Tok.Kind.COMMA && i + 1 < t.size()) {
                i++;
                continue;
            }
            if ((w(i, "for") || w(i, "by") || w(i, "to")) && !bare && principalStartsAt(i + 1)) {
                int[] end = new int[1];
                if (parsePrincipal(i + 1, principal, end) != null) {
                    principalNamed = true;
                    i = end[0];
                    continue;
                }
            }
            if (w(i, "unless") || (w(i, "except") && (w(i + 1, "when") || w(i + 1, "if") || w(i + 1, "where")))) {
                int s = i + (w(i, "unless") ? 1 : 2);
                int e = clauseEnd(s);
                unlessParts.add(single(conditionExpr(s, e)));
                i = e;
                continue;
            }
            int s = skipMarker(i);
            int e = clauseEnd(s);
            if (s >= e) {
                throw new Untranslatable("UNTRANSLATED_WORDS", "nothing follows \"" + span(i, s) + "\"",
                        t.get(i).start(), t.get(Math.max(i, s - 1)).end());
            }
            whenParts.add(conditionExpr(s, e));
            i = e;
        }
        List<Cond> readings = new ArrayList<>();
        // combine the when parts; only one of them may carry several readings
        List<Cond> base = new ArrayList<>();
        List<Cond> multi = null;
        for (List<Cond> part : whenParts) {
            if (part.size() > 1 && multi == null) {
                multi = part;
                base.add(null);
            } else {
                base.add(part.get(0));
            }
        }
        if (multi == null) {
            if (!base.isEmpty()) {
                readings.add(Cond.and(base));
            }
        } else {
            for (Cond r : multi) {
                List<Cond> b = new ArrayList<>();
                for (Cond c : base) {
                    b.add(c == null ? r : c);
                }
                readings.add(Cond.and(b));
            }
        }
        Cond unless = unlessParts.isEmpty() ? null : Cond.and(unlessParts);
        return new Result(forbid, bare, principal, scope, readings, unless, notes, principalNamed);
    }

    private Cond single(List<Cond> readings) {
        return readings.get(0);
    }

    private int skipMarker(int i) {
        if (w(i, "but") && w(i + 1, "only")) {
            i += 2;
        } else if (w(i, "only") || w(i, "but")) {
            i++;
        }
        if (w(i, "as") && w(i + 1, "long") && w(i + 2, "as")) {
            return i + 3;
        }
        if (w(i, "so") && w(i + 1, "long") && w(i + 2, "as")) {
            return i + 3;
        }
        if (w(i, "provided") || w(i, "providing")) {
            return w(i + 1, "that") ? i + 2 : i + 1;
        }
        if (w(i, "in") && w(i + 1, "case")) {
            return i + 2;
        }
        if (w(i, "on") && w(i + 1, "condition") && w(i + 2, "that")) {
            return i + 3;
        }
        if (w(i, "when") || w(i, "if") || w(i, "where") || w(i, "whenever") || w(i, "for") || w(i, "with")
                || w(i, "while") || w(i, "whose") || w(i, "that") || w(i, "which") || w(i, "once") || w(i, "having")) {
            i++;
            if (w(i, "which") || w(i, "whom")) {
                i++;
            }
            return i;
        }
        return i;
    }

    /** End of a when/unless clause: the next top-level "unless"/"except when", or the end. */
    private int clauseEnd(int s) {
        int depth = 0;
        for (int k = s; k < t.size(); k++) {
            Tok x = t.get(k);
            if (x.kind() == Tok.Kind.LPAREN) {
                depth++;
            } else if (x.kind() == Tok.Kind.RPAREN) {
                depth--;
            } else if (depth == 0 && k > s && (x.is("unless") || (x.is("except") && (w(k + 1, "when") || w(k + 1, "if"))))) {
                return k;
            } else if (depth == 0 && k > s && (x.is("for") || x.is("by")) && principalStartsAt(k + 1)) {
                return k;
            }
        }
        return t.size();
    }

    private boolean isBoundary(int k) {
        Tok x = t.get(k);
        if (x.kind() == Tok.Kind.NUMBER || x.kind() == Tok.Kind.LPAREN || x.kind() == Tok.Kind.PUNCT) {
            return true;
        }
        if (x.kind() == Tok.Kind.COMMA) {
            // "process refunds, check status" keeps going; ", when ..." or ", unless" ends the action
            return k + 1 < t.size() && t.get(k + 1).isAny(ACTION_BOUNDARY) && !w(k + 1, "or") && !w(k + 1, "and");
        }
        if (!x.isAny(ACTION_BOUNDARY)) {
            return false;
        }
        // "up to" only as a comparator, "at least"/"at most", "on the X target" stays in the phrase
        if (x.is("up")) {
            return w(k + 1, "to");
        }
        if (x.is("at")) {
            return w(k + 1, "least") || w(k + 1, "most");
        }
        if (x.is("less") || x.is("more") || x.is("greater") || x.is("fewer") || x.is("larger") || x.is("smaller")
                || x.is("higher") || x.is("lower") || x.is("bigger")) {
            return w(k + 1, "than");
        }
        if (x.is("no") || x.is("not")) {
            int[] len = new int[1];
            return comparator(k, len) != null;
        }
        if (x.is("in") || x.is("on")) {
            // "tools in the RefundTarget target" / "on the X target"
            return !targetPhraseAt(k + 1);
        }
        if (x.is("from")) {
            return false;
        }
        return true;
    }

    private boolean targetPhraseAt(int k) {
        if (w(k, "the")) {
            k++;
        }
        for (String target : index.schema.targetNames()) {
            if (k < t.size() && (t.get(k).text().equalsIgnoreCase(target))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ principal

    private boolean principalStartsAt(int k) {
        if (k >= t.size()) {
            return false;
        }
        if (w(k, "all") || w(k, "any") || w(k, "the") || w(k, "every")) {
            k++;
        }
        return k < t.size() && (t.get(k).isAny(Words.PRINCIPAL_NOUNS) || t.get(k).isAny(Words.EVERYONE)
                || w(k, "role") || w(k, "roles"));
    }

    /**
     * Parses a principal phrase from {@code i}. Adds tag conditions to {@code out}. Returns null when
     * nothing principal-like is there; {@code end[0]} is the first token after the phrase.
     */
    private Boolean parsePrincipal(int i, List<Cond> out, int[] end) {
        int before = out.size();
        Boolean found = parsePrincipal0(i, out, end);
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
            out.add(Math.min(at, out.size()), tagCondValues("username", values, "=="));
        }
        return found;
    }

    private final java.util.Map<Cond, List<String>> usernames = new java.util.IdentityHashMap<>();

    private Boolean parsePrincipal0(int i, List<Cond> out, int[] end) {
        int start = i;
        boolean any = false;
        while (true) {
            int k = i;
            if (w(k, "all") || w(k, "any") || w(k, "every") || w(k, "the") || w(k, "only")) {
                k++;
                if (w(k - 1, "all") && w(k, "the")) {
                    k++;
                }
            }
            if (k < t.size() && t.get(k).isAny(Words.EVERYONE)) {
                k++;
                any = true;
                i = parseClaims(k, out);
            } else if (k < t.size() && t.get(k).isAny(Words.PRINCIPAL_NOUNS)) {
                String noun = t.get(k).lower();
                k++;
                any = true;
                boolean singular = !noun.endsWith("s") && !noun.equals("people");
                // "user refund-agent", "the user refund-agent", "principal \"x\""
                if (singular && k < t.size() && isIdentifier(k)) {
                    addTag(out, "username", List.of(t.get(k)), "==", k);
                    k++;
                }
                i = parseClaims(k, out);
            } else if (k == i && k < t.size() && isIdentifier(k) && !index.allToolStems.contains(Words.stem(t.get(k).lower()))
                    && !Words.ACTION_FILLER.contains(t.get(k).lower()) && !isClaimWord(k + 1)
                    && (t.get(k).kind() == Tok.Kind.QUOTED || t.get(k).text().contains("-") || w(k + 1, "to") || w(k + 1, "from")
                    || w(k + 1, "can") || w(k + 1, "cannot") || w(k + 1, "may") || w(k + 1, "must"))) {
                Tok id = t.get(k);
                boolean plain = id.kind() == Tok.Kind.WORD && !id.text().contains("-") && !id.text().contains("_")
                        && !id.text().contains(":") && !id.text().contains("@") && !id.text().contains(".");
                if (plain && id.lower().endsWith("s") && id.lower().length() > 3 && !id.lower().endsWith("ss")) {
                    // "Allow managers to ..." reads as the role named by the plural noun
                    String role = id.text().substring(0, id.text().length() - 1);
                    if (k == 0 && role.length() > 1 && role.substring(1).equals(role.substring(1).toLowerCase())) {
                        role = role.toLowerCase(); // "Managers may ..." is capitalised only because it starts the sentence
                    }
                    addTagValue(out, "role", List.of(role), "==", k);
                    notes.add(new Note(FindingType.AMBIGUOUS, "AMBIGUOUS_PRINCIPAL", "\"" + id.text()
                            + "\" was read as users with role \"" + role + "\"; it could also be a group or a username",
                            id.start(), id.end()));
                } else {
                    List<Tok> ids = new ArrayList<>(List.of(id));
                    int q = k + 1;
                    while ((w(q, "and") || w(q, "or") || (q < t.size() && t.get(q).kind() == Tok.Kind.COMMA)) && q + 1 < t.size()) {
                        int r = w(q + 1, "and") || w(q + 1, "or") ? q + 2 : q + 1;
                        if (r < t.size() && (t.get(r).kind() == Tok.Kind.QUOTED || t.get(r).text().contains("-")) && isIdentifier(r)) {
                            ids.add(t.get(r));
                            q = r + 1;
                        } else {
                            break;
                        }
                    }
                    addTag(out, "username", ids, "==", k);
                    k = q - 1;
                }
                any = true;
                i = parseClaims(k + 1, out);
            } else if (k < t.size() && isIdentifier(k) && (w(k + 1, "user") || w(k + 1, "principal") || w(k + 1, "account")
                    || w(k + 1, "caller")) && !Words.ACTION_FILLER.contains(t.get(k).lower())
                    && (t.get(k).kind() == Tok.Kind.QUOTED || t.get(k).text().contains("-") || t.get(k).text().contains("_"))) {
                // "the refund-agent user"
                addTag(out, "username", List.of(t.get(k)), "==", k);
                any = true;
                i = parseClaims(k + 2, out);
            } else if (k < t.size() && isIdentifier(k) && isClaimWord(k + 1) && !isClaimWord(k)
                    && !Words.ACTION_FILLER.contains(t.get(k).lower())) {
                // "the data-science team", "the finance department"
                String claim = claimName(k + 1, k + 2);
                addTag(out, claim, List.of(t.get(k)), "==", k);
                any = true;
                int after = k + 2;
                if (after < t.size() && (w(after, "members") || w(after, "users") || w(after, "staff"))) {
                    after++;
                }
                i = parseClaims(after, out);
            } else if (k == i && (w(k, "role") || w(k, "roles"))) {
                any = true;
                i = parseClaims(k, out, true);
            } else {
                break;
            }
            // several principal requirements joined by "and"
            if (w(i, "and") && principalStartsAt(i + 1)) {
                i++;
                continue;
            }
            break;
        }
        end[0] = i;
        return any ? Boolean.TRUE : (i > start ? Boolean.TRUE : null);
    }

    private boolean isIdentifier(int k) {
        Tok x = t.get(k);
        if (x.kind() == Tok.Kind.QUOTED) {
            return true;
        }
        if (x.kind() != Tok.Kind.WORD) {
            return false;
        }
        String l = x.lower();
        return !Words.STOP.contains(l) && !Words.DETERMINERS.contains(l) && !PRONOUNS.contains(l) && !l.equals("with") && !l.equals("has") && !l.equals("have")
                && !l.equals("holds") && !l.equals("hold") && !l.equals("without") && !l.equals("except") && !l.equals("whose")
                && !l.equals("who") && !l.equals("can") && !l.equals("cannot") && !l.equals("may") && !l.equals("must")
                && !l.equals("having") && !l.equals("named") && !Words.COND_MARKERS.contains(l)
                && !Words.PRINCIPAL_NOUNS.contains(l) && !Words.EVERYONE.contains(l) && !l.equals("should")
                && !l.equals("will") && !l.equals("are") && !l.equals("is") && !l.equals("that") && !l.equals("in")
                && !Words.CLAIMS.contains(l);
    }

    private int parseClaims(int k, List<Cond> out) {
        return parseClaims(k, out, false);
    }

    /** "with role R", "with the S scope", "whose tier is premium", "in the finance department", "named X". */
    private int parseClaims(int k, List<Cond> out, boolean bareClaim) {
        boolean first = true;
        while (k < t.size()) {
            int c = k;
            if (bareClaim && first) {
                c = k;
            } else if (w(c, "named") || w(c, "called")) {
                addTag(out, "username", List.of(t.get(c + 1)), "==", c + 1);
                k = c + 2;
                first = false;
                continue;
            } else if (w(c, "with") || w(c, "having") || w(c, "holding") || w(c, "has") || w(c, "holds")
                    || ((w(c, "who") || w(c, "that")) && (w(c + 1, "have") || w(c + 1, "has") || w(c + 1, "hold")))) {
                c += w(c, "who") || w(c, "that") ? 2 : 1;
            } else if ((w(c, "and") || t.get(c).kind() == Tok.Kind.COMMA) && !first && claimWordAt(c + 1)) {
                c += 1;
                if (w(c, "with")) {
                    c++;
                }
            } else if (w(c, "whose") || ((w(c, "and") || t.get(c).kind() == Tok.Kind.COMMA) && !first && w(c + 1, "whose"))) {
                c += w(c, "whose") ? 1 : 2;
                int nameStart = c;
                while (c < t.size() && !w(c, "is") && !w(c, "are") && !w(c, "includes") && !w(c, "contains") && c - nameStart < 3) {
                    c++;
                }
                if (!(w(c, "is") || w(c, "are") || w(c, "includes") || w(c, "contains")) || c == nameStart) {
                    throw new Untranslatable("UNTRANSLATED_WORDS", "could not read the claim after \"whose\"",
                            t.get(nameStart - 1).start(), t.get(Math.min(c, t.size() - 1)).end());
                }
                String claim = claimName(nameStart, c);
                boolean contains = w(c, "includes") || w(c, "contains");
                c++;
                boolean neg = false;
                if (w(c, "not")) {
                    neg = true;
                    c++;
                }
                if (w(c, "one") && w(c + 1, "of")) {
                    c += 2;
                }
                List<Tok> values = new ArrayList<>();
                c = claimValues(c, values);
                Cond cond = tagCond(claim, values, contains ? "like" : "==", nameStart);
                out.add(neg ? Cond.and(List.of(new Cond.Atom("principal.hasTag(\"" + esc(claim) + "\")"),
                        new Cond.Not(stripGuard(cond)))) : cond);
                k = c;
                first = false;
                continue;
            } else if ((w(c, "in") || w(c, "from") || w(c, "of")) || ((w(c, "who") || w(c, "that")) && (w(c + 1, "are") || w(c + 1, "is")) && (w(c + 2, "in") || w(c + 2, "on")))) {
                // "users in the premium tier", "users from the finance department"
                int d = w(c, "who") || w(c, "that") ? c + 3 : c + 1;
                if (w(d, "the") || w(d, "a")) {
                    d++;
                }
                if (d + 1 < t.size() && t.get(d).kind() != Tok.Kind.COMMA && isClaimWord(d + 1) && !isClaimWord(d)) {
                    addTag(out, claimName(d + 1, d + 2), List.of(t.get(d)), "==", d);
                    k = d + 2;
                    first = false;
                    continue;
                }
                break;
            } else {
                break;
            }
            // claim body after "with"
            if (w(c, "the") || w(c, "a") || w(c, "an")) {
                c++;
                if (isClaimWord(c) && w(c + 1, "of")) {
                    // "a tier of premium"
                    String claim = claimName(c, c + 1);
                    List<Tok> values = new ArrayList<>();
                    int e = claimValues(c + 2, values);
                    out.add(tagCond(claim, values, "==", c));
                    k = e;
                } else if (c + 1 < t.size() && isClaimWord(c + 1)) {
                    // "the admin:write scope", "the manager role"
                    out.add(tagCond(claimName(c + 1, c + 2), List.of(t.get(c)), "==", c));
                    k = c + 2;
                } else if (isClaimWord(c)) {
                    String claim = claimName(c, c + 1);
                    List<Tok> values = new ArrayList<>();
                    int e = claimValues(c + 1, values);
                    out.add(tagCond(claim, values, "==", c));
                    k = e;
                } else {
                    throw new Untranslatable("UNTRANSLATED_WORDS", "could not read the claim \"" + span(c - 1, Math.min(c + 2, t.size())) + "\"",
                            t.get(c - 1).start(), t.get(Math.min(c + 1, t.size() - 1)).end());
                }
            } else if (c < t.size() && (isClaimWord(c) || t.get(c).text().contains(":") && !t.get(c).text().endsWith(":") == false)) {
                String claim = claimName(c, c + 1);
                int v = c + 1;
                if (w(v, "of") || w(v, "=") || w(v, "equal") || w(v, "is")) {
                    v++;
                }
                List<Tok> values = new ArrayList<>();
                int e = claimValues(v, values);
                out.add(tagCond(claim, values, "==", c));
                k = e;
            } else if (c + 1 < t.size() && isClaimWord(c + 1) && isValueTok(c)) {
                out.add(tagCond(claimName(c + 1, c + 2), List.of(t.get(c)), "==", c));
                k = c + 2;
            } else if (c + 1 < t.size() && t.get(c).kind() == Tok.Kind.WORD && isValueTok(c + 1) && !w(c, "no")) {
                // "users with clearance secret": any claim, written as the user wrote it
                String claim = t.get(c).text();
                List<Tok> values = new ArrayList<>();
                int e = claimValues(c + 1, values);
                out.add(tagCond(claim, values, "==", c));
                k = e;
            } else {
                throw new Untranslatable("UNTRANSLATED_WORDS", "could not read the claim after \"with\"",
                        t.get(Math.max(0, c - 1)).start(), t.get(Math.min(c, t.size() - 1)).end());
            }
            first = false;
        }
        return k;
    }

    private boolean claimWordAt(int c) {
        if (w(c, "the") || w(c, "a") || w(c, "an")) {
            c++;
        }
        return c < t.size() && (isClaimWord(c) || (c + 1 < t.size() && isClaimWord(c + 1) && isValueTok(c)));
    }

    private boolean isClaimWord(int c) {
        return c < t.size() && t.get(c).kind() == Tok.Kind.WORD
                && (Words.CLAIMS.contains(t.get(c).lower()) || (t.get(c).lower().startsWith("custom:") && t.get(c).lower().length() > 7));
    }

    private boolean isValueTok(int c) {
        if (c >= t.size()) {
            return false;
        }
        Tok x = t.get(c);
        if (x.kind() == Tok.Kind.QUOTED || x.kind() == Tok.Kind.NUMBER) {
            return true;
        }
        return x.kind() == Tok.Kind.WORD && !Words.STOP.contains(x.lower()) && !x.lower().equals("can")
                && !x.lower().equals("may") && !x.lower().equals("cannot") && !x.lower().equals("must")
                && !x.lower().equals("when") && !x.lower().equals("if") && !x.lower().equals("unless")
                && !x.lower().equals("who") && !x.lower().equals("should");
    }

    private String claimName(int s, int e) {
        String name = t.get(s).text();
        String l = name.toLowerCase();
        return switch (l) {
            case "roles" -> "role";
            case "scopes" -> "scope";
            case "groups" -> "group";
            default -> Words.CLAIMS.contains(l) ? l : name;
        };
    }

    /** Values of a claim: "R", "R1 or R2", "R1, R2, or R3". Stops at "and" (next claim) and at "to". */
    private int claimValues(int c, List<Tok> values) {
        String claimWord = c > 0 && t.get(c - 1).kind() == Tok.Kind.WORD ? t.get(c - 1).lower() : "";
        if (w(c, "either") && isValueTok(c + 1)) {
            c++;
        }
        if (!isValueTok(c)) {
            throw new Untranslatable("UNTRANSLATED_WORDS", "a claim needs a value",
                    t.get(Math.min(Math.max(0, c - 1), t.size() - 1)).start(), t.get(Math.min(c, t.size() - 1)).end());
        }
        values.add(t.get(c));
        c++;
        while (c < t.size()) {
            if (w(c, "or") && w(c + 1, claimWord) && isValueTok(c + 2) && isClaimWord(c + 1)) {
                values.add(t.get(c + 2));
                c += 3;
            } else if (w(c, "or") && isValueTok(c + 1) && !w(c + 2, "can")) {
                values.add(t.get(c + 1));
                c += 2;
            } else if (t.get(c).kind() == Tok.Kind.COMMA && w(c + 1, "or") && isValueTok(c + 2)) {
                values.add(t.get(c + 2));
                c += 3;
            } else if (t.get(c).kind() == Tok.Kind.COMMA && isValueTok(c + 1) && !claimWordAt(c + 1)
                    && (w(c + 2, "or") || (c + 2 < t.size() && t.get(c + 2).kind() == Tok.Kind.COMMA))) {
                values.add(t.get(c + 1));
                c += 2;
            } else {
                break;
            }
        }
        return c;
    }

    private void addTag(List<Cond> out, String claim, List<Tok> values, String op, int at) {
        Cond c = tagCond(claim, values, op, at);
        if (claim.equals("username")) {
            usernames.put(c, values.stream().map(Tok::text).toList());
        }
        out.add(c);
    }

    private void addTagValue(List<Cond> out, String claim, List<String> values, String op, int at) {
        requireTags(at);
        out.add(tagCondValues(claim, values, op));
    }

    private Cond tagCond(String claim, List<Tok> values, String op, int at) {
        requireTags(at);
        List<String> vs = new ArrayList<>();
        for (Tok v : values) {
            vs.add(v.text());
        }
        return tagCondValues(claim, vs, claim.equals("scope") ? "like" : op);
    }

    private void requireTags(int at) {
        if (!tags) {
            Tok x = t.get(Math.min(at, t.size() - 1));
            throw new Untranslatable("UNSUPPORTED_CONSTRUCT",
                    "this gateway uses AWS_IAM: its callers (AgentCore::IamEntity) carry no JWT claims to test",
                    x.start(), x.end());
        }
    }

    private static Cond tagCondValues(String claim, List<String> values, String op) {
        String k = esc(claim);
        Cond.Atom has = new Cond.Atom("principal.hasTag(\"" + k + "\")");
        String get = "principal.getTag(\"" + k + "\")";
        Cond test;
        if (op.equals("like")) {
            List<Cond> ors = new ArrayList<>();
            for (String v : values) {
                ors.add(new Cond.Atom(get + " like \"*" + escLike(v) + "*\""));
            }
            test = Cond.or(ors);
        } else if (values.size() == 1) {
            test = new Cond.Atom(get + " == \"" + esc(values.get(0)) + "\"");
        } else {
            test = new Cond.Atom(list(values) + ".contains(" + get + ")");
        }
        return new Cond.And(List.of(has, test));
    }

    private static Cond stripGuard(Cond c) {
        if (c instanceof Cond.And a && a.parts().size() == 2) {
            return a.parts().get(1);
        }
        return c;
    }

    // ------------------------------------------------------------------ action

    private String resolveAction(int s, int e) {
        List<Tok> phrase = new ArrayList<>(t.subList(s, e));
        List<Integer> content = new ArrayList<>();
        for (int k = s; k < e; k++) {
            Tok x = t.get(k);
            if (x.kind() == Tok.Kind.WORD && !Words.ACTION_FILLER.contains(x.lower())) {
                content.add(k);
            }
        }
        String all = lowerJoin(s, e);
        List<Integer> nonQuant = content.stream().filter(k -> !(w(k, "all") || w(k, "any") || w(k, "every") || w(k, "each")
                || w(k, "available") || w(k, "gateway") || w(k, "the"))).toList();
        // every tool
        if (nonQuant.isEmpty() && e > s && phrase.stream().anyMatch(x -> x.is("tools") || x.is("actions") || x.is("tool")
                || x.is("operations") || x.is("apis") || x.is("functions") || x.is("action"))
                && phrase.stream().anyMatch(x -> x.is("all") || x.is("any") || x.is("every") || x.is("each"))) {
            tools = index.tools;
            return "action";
        }
        if (content.size() == 1 && (t.get(content.get(0)).is("everything") || t.get(content.get(0)).is("anything"))) {
            tools = index.tools;
            return "action";
        }
        if (e == s || content.isEmpty()) {
            if (e == s && !t.isEmpty() && s >= t.size()) {
                // "Block user suspended-user": no action named means every tool
                tools = index.tools;
                return "action";
            }
            int at = Math.min(s, t.size() - 1);
            throw new Untranslatable("UNKNOWN_TOOL", "no tool is named", t.get(at).start(), t.get(at).end());
        }
        // a whole target: "all RefundTarget tools", "any tool of the RefundTarget target"
        for (String target : index.schema.targetNames()) {
            List<String> tw = Words.identifierWords(target);
            List<String> twNoSuffix = new ArrayList<>(tw);
            twNoSuffix.remove("target");
            boolean mentionsTools = all.contains("tool") || all.contains("action") || all.contains("target");
            boolean hasQuant = all.startsWith("all ") || all.startsWith("any ") || all.startsWith("every ") || all.contains(" all ")
                    || all.startsWith("the ") || all.contains(" the ") || all.contains(" any ") || all.contains(" every ");
            if (!mentionsTools) {
                continue;
            }
            Set<String> cw = new LinkedHashSet<>();
            for (int k : content) {
                cw.addAll(Words.identifierWords(t.get(k).text()));
            }
            cw.removeAll(Set.of("target", "all", "every", "any", "each", "tool", "tools", "api", "the"));
            twNoSuffix.removeAll(Set.of("tool", "tools", "api"));
            if (!cw.isEmpty() && (cw.equals(new LinkedHashSet<>(twNoSuffix)) || cw.equals(new LinkedHashSet<>(tw)))
                    && (hasQuant || all.contains("target"))) {
                tools = index.tools.stream().filter(x -> x.action().targetName().equals(target)).toList();
                return "action in AgentCore::Action::\"" + esc(target) + "\"";
            }
        }
        // a literal action id or tool name
        for (int k : content) {
            String text = t.get(k).text();
            for (Tool tool : index.tools) {
                String id = tool.action().actionId();
                if (text.equals(id) || text.equals(tool.action().targetName() + "__" + tool.action().toolName())
                        || (text.equals(tool.action().toolName()) && text.contains("_") && content.size() == 1)) {
                    if (content.size() == 1) {
                        tools = List.of(tool);
                        return "action == AgentCore::Action::\"" + esc(id) + "\"";
                    }
                }
            }
        }
        boolean conjunction = false;
        for (int k = s; k < e; k++) {
            if (w(k, "or") || w(k, "and") || t.get(k).kind() == Tok.Kind.COMMA) {
                conjunction = true;
            }
        }
        if (conjunction) {
            int before = notes.size();
            String several = severalTools(s, e, true);
            if (several != null) {
                return several;
            }
            while (notes.size() > before) {
                notes.remove(notes.size() - 1);
            }
        }
        List<Tool> single = matchTools(content, true);
        if (single != null) {
            tools = single;
            return scopeFor(single);
        }
        String several = severalTools(s, e, false);
        if (several != null) {
            return several;
        }
        return valueAdjective(content);
    }

    /** "process refunds or check refund status": each part names a tool. Null when a part matches none. */
    private String severalTools(int s, int e, boolean quiet) {
        // several tools: split on "or" / "and" / ","
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        for (int k = s; k < e; k++) {
            Tok x = t.get(k);
            if (x.is("or") || x.is("and") || x.kind() == Tok.Kind.COMMA || x.is("as") && w(k + 1, "well")) {
                if (!cur.isEmpty()) {
                    parts.add(cur);
                }
                cur = new ArrayList<>();
                if (x.is("as")) {
                    k += 2;
                }
                continue;
            }
            if (x.kind() == Tok.Kind.WORD && !Words.ACTION_FILLER.contains(x.lower()) && !x.is("either") && !x.is("both")) {
                cur.add(k);
            }
        }
        if (!cur.isEmpty()) {
            parts.add(cur);
        }
        if (parts.size() > 1) {
            LinkedHashSet<Tool> chosen = new LinkedHashSet<>();
            for (int p = 0; p < parts.size(); p++) {
                List<Integer> part = parts.get(p);
                List<Tool> m = matchTools(part, false);
                if (m == null && p + 1 < parts.size()) {
                    // "create or cancel bookings": the object is shared
                    List<Integer> withObject = new ArrayList<>(part);
                    List<Integer> next = parts.get(parts.size() - 1);
                    withObject.addAll(next.subList(Math.min(1, next.size()), next.size()));
                    m = matchTools(withObject, false);
                }
                if (m == null && p > 0) {
                    // "process refunds or check status": the object may be elided... try with the previous object
                    List<Integer> withObject = new ArrayList<>(part);
                    List<Integer> prev = parts.get(0);
                    withObject.addAll(prev.subList(Math.min(1, prev.size()), prev.size()));
                    m = matchTools(withObject, false);
                }
                if (m == null) {
                    if (quiet) {
                        return null;
                    }
                    failTool(part);
                }
                chosen.addAll(m);
            }
            if (quiet && chosen.size() < 2) {
                return null;
            }
            tools = List.copyOf(chosen);
            return scopeFor(tools);
        }
        return null;
    }

    private String valueAdjective(List<Integer> content) {
        // "high-sensitivity models": a value-attribute adjective narrowing the tool's object
        for (int k : content) {
            String text = t.get(k).text();
            int dash = text.lastIndexOf('-');
            if (dash <= 0 || dash == text.length() - 1) {
                continue;
            }
            List<Integer> rest = new ArrayList<>(content);
            rest.remove(Integer.valueOf(k));
            List<Tool> m = rest.isEmpty() ? null : matchTools(rest, true);
            if (m == null) {
                continue;
            }
            String attrStem = Words.stem(text.substring(dash + 1));
            for (Attr a : m.get(0).attrs()) {
                if (a.path().size() == 1 && a.nameStems().equals(Set.of(attrStem)) && a.attribute().type() instanceof CedarType.StringType) {
                    tools = m;
                    actionConds.add(guard(a, new Cond.Atom(expr(a) + " == \"" + esc(text.substring(0, dash)) + "\"")));
                    return scopeFor(m);
                }
            }
        }
        failTool(content);
        return null;
    }

    private final List<Cond> actionConds = new ArrayList<>();

    private String scopeFor(List<Tool> chosen) {
        if (chosen.size() == 1) {
            return "action == AgentCore::Action::\"" + esc(chosen.get(0).action().actionId()) + "\"";
        }
        StringBuilder sb = new StringBuilder("action in [");
        for (int k = 0; k < chosen.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append("AgentCore::Action::\"").append(esc(chosen.get(k).action().actionId())).append('"');
        }
        return sb.append(']').toString();
    }

    private void failTool(List<Integer> words) {
        int a = t.get(words.get(0)).start();
        int b = t.get(words.get(words.size() - 1)).end();
        for (int k : words) {
            if (Words.SUBJECTIVE.contains(t.get(k).lower())) {
                throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + t.get(k).text()
                        + "\" is subjective; state a precise condition (e.g. an amount threshold)", t.get(k).start(), t.get(k).end());
            }
        }
        throw new Untranslatable("UNKNOWN_TOOL", "no tool of this gateway matches \"" + spanText(a, b) + "\"", a, b);
    }

    private record Score(Tool tool, int score, int leftover, int nameHits) {}

    /** Best tool(s) for the words; null when none matches every word. Ties are reported as AMBIGUOUS_ACTION. */
    private List<Tool> matchTools(List<Integer> words, boolean whole) {
        if (words.isEmpty()) {
            return null;
        }
        List<Score> scores = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> partStems = new ArrayList<>();
        for (int k : words) {
            for (String part : Words.identifierWords(t.get(k).text())) {
                parts.add(part);
                partStems.add(Words.stem(part));
            }
        }
        for (Tool tool : index.tools) {
            int name = 0, syn = 0, desc = 0, target = 0, left = 0;
            Set<String> covered = new java.util.HashSet<>();
            {
                for (int pi = 0; pi < parts.size(); pi++) {
                    String part = parts.get(pi);
                    String st = partStems.get(pi);
                    if (tool.nameStems().contains(st)) {
                        name++;
                        covered.add(st);
                    } else if (synonymHit(st, tool, covered)) {
                        syn++;
                    } else if (tool.descStems().contains(st)) {
                        desc++;
                    } else if (tool.targetStems().contains(st)) {
                        target++;
                    } else if (Words.STOP.contains(part)) {
                        // function words inside a phrase carry no meaning
                    } else {
                        left++;
                    }
                }
            }
            if (name + syn == 0 && desc < 2) {
                continue;
            }
            int score = 6 * name + 4 * syn + 2 * desc + 2 * target - 8 * left + (covered.size() == tool.nameStems().size() ? 3 : 0)
                    - (tool.nameStems().size() - covered.size());
            scores.add(new Score(tool, score, left, name + syn));
        }
        scores.removeIf(x -> x.leftover() > 0);
        if (scores.isEmpty()) {
            return null;
        }
        scores.sort((a, b) -> Integer.compare(b.score(), a.score()));
        Score best = scores.get(0);
        List<Score> tied = scores.stream().filter(x -> x.score() == best.score()).toList();
        if (tied.size() > 1) {
            int a = t.get(words.get(0)).start();
            int b = t.get(words.get(words.size() - 1)).end();
            String key = "A" + words.get(0);
            int pick = Math.min(forced.getOrDefault(key, 0), tied.size() - 1);
            ties.add(java.util.Map.entry(key, tied.size()));
            StringBuilder others = new StringBuilder();
            for (int k = 0; k < tied.size(); k++) {
                if (k != pick) {
                    others.append(others.length() == 0 ? "" : ", ").append(tied.get(k).tool().action().actionId());
                }
            }
            notes.add(new Note(FindingType.AMBIGUOUS, "AMBIGUOUS_ACTION", "\"" + spanText(a, b) + "\" matches several tools equally; this reading uses "
                    + tied.get(pick).tool().action().actionId() + ", other readings: " + others, a, b));
            return List.of(tied.get(pick).tool());
        }
        return List.of(best.tool());
    }

    private static boolean synonymHit(String stem, Tool tool, Set<String> covered) {
        String g = Words.synonymGroup(stem);
        if (g == null) {
            return false;
        }
        for (String ns : tool.nameStems()) {
            if (g.equals(Words.synonymGroup(ns))) {
                covered.add(ns);
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ conditions

    private sealed interface Item permits CondItem, ConnItem {}

    private record CondItem(Cond cond) implements Item {}

    /** and = true for &&; comma = the connector came with a comma (closes groups); explicit = a word was written. */
    private record ConnItem(boolean and, boolean comma, boolean explicit, int start, int end) implements Item {}

    /** Parses a condition expression; returns one Cond per reading (several when and/or grouping is ambiguous). */
    private List<Cond> conditionExpr(int s, int e) {
        if (s >= e) {
            throw new Untranslatable("UNTRANSLATED_WORDS", "an empty condition", t.get(Math.min(s, t.size() - 1)).start(),
                    t.get(Math.min(s, t.size() - 1)).end());
        }
        if (tools.isEmpty()) {
            tools = index.tools;
        }
        List<Item> items = new ArrayList<>();
        int i = s;
        boolean expectCond = true;
        while (i < e) {
            if (expectCond) {
                if (w(i, "either") || w(i, "both")) {
                    i++;
                    continue;
                }
                if (t.get(i).kind() == Tok.Kind.LPAREN) {
                    int close = matching(i, e);
                    List<Cond> inner = conditionExpr(i + 1, close);
                    items.add(new CondItem(inner.get(0)));
                    if (inner.size() > 1) {
                        groupingNote(i, close + 1, inner);
                    }
                    i = close + 1;
                } else {
                    int[] next = new int[1];
                    items.add(new CondItem(clause(i, e, next)));
                    i = next[0];
                }
                expectCond = false;
            } else {
                Tok x = t.get(i);
                boolean comma = false;
                int cs = i;
                if (x.kind() == Tok.Kind.COMMA) {
                    comma = true;
                    i++;
                }
                if (i < e && (t.get(i).isAny(Words.AND_WORDS) || w(i, "as") && w(i + 1, "well") && w(i + 2, "as"))) {
                    int skip = w(i, "as") ? 3 : 1;
                    if (w(i, "and") && (w(i + 1, "also") || w(i + 1, "additionally"))) {
                        skip = 2;
                    }
                    items.add(new ConnItem(true, comma, true, t.get(cs).start(), t.get(i).end()));
                    i += skip;
                } else if (i < e && (t.get(i).isAny(Words.OR_WORDS))) {
                    items.add(new ConnItem(false, comma, true, t.get(cs).start(), t.get(i).end()));
                    i += (w(i, "or") && w(i + 1, "else")) || (w(i, "or") && w(i + 1, "alternatively")) ? 2 : 1;
                } else if (comma && i < e) {
                    items.add(new ConnItem(true, true, false, t.get(cs).start(), t.get(cs).end()));
                } else {
                    throw leftover(i, e);
                }
                expectCond = true;
            }
        }
        if (expectCond) {
            throw new Untranslatable("UNTRANSLATED_WORDS", "the condition ends with a connective",
                    t.get(e - 1).start(), t.get(e - 1).end());
        }
        return group(items, s, e);
    }

    private Untranslatable leftover(int i, int e) {
        e = Math.min(e, t.size());
        if (i >= e) {
            i = Math.max(0, e - 1);
        }
        for (int k = i; k < e; k++) {
            if (Words.SUBJECTIVE.contains(t.get(k).lower())) {
                return new Untranslatable("SUBJECTIVE_CONDITION", "\"" + t.get(k).text()
                        + "\" is subjective; state a precise, testable condition", t.get(k).start(), t.get(k).end());
            }
        }
        return new Untranslatable("UNTRANSLATED_WORDS", "could not translate \"" + span(i, e) + "\"; no condition was dropped or guessed",
                t.get(i).start(), t.get(e - 1).end());
    }

    private int matching(int open, int e) {
        int depth = 0;
        for (int k = open; k < e; k++) {
            if (t.get(k).kind() == Tok.Kind.LPAREN) {
                depth++;
            } else if (t.get(k).kind() == Tok.Kind.RPAREN && --depth == 0) {
                return k;
            }
        }
        throw new Untranslatable("UNTRANSLATED_WORDS", "unbalanced parenthesis", t.get(open).start(), t.get(open).end());
    }

    private void groupingNote(int a, int b, List<Cond> readings) {
        notes.add(new Note(FindingType.AMBIGUOUS, "AMBIGUOUS_GROUPING", "\"and\" and \"or\" are mixed without grouping; "
                + readings.size() + " readings: " + String.join("  |  ", readings.stream().map(Cond::cedar).toList()),
                t.get(a).start(), t.get(b - 1).end()));
    }

    /** Comma connectors close groups; a bare comma takes the type of the next connector ("A, B, and C"). */
    private List<Cond> group(List<Item> items, int s, int e) {
        // resolve bare commas
        List<Item> res = new ArrayList<>(items);
        for (int k = 0; k < res.size(); k++) {
            if (res.get(k) instanceof ConnItem c && !c.explicit()) {
                Boolean type = null;
                for (int j = k + 1; j < res.size(); j++) {
                    if (res.get(j) instanceof ConnItem d && d.explicit()) {
                        type = d.and();
                        res.set(j, new ConnItem(d.and(), false, true, d.start(), d.end()));
                        break;
                    }
                }
                res.set(k, new ConnItem(type == null || type, false, true, c.start(), c.end()));
            }
        }
        // segments between comma connectors
        List<List<Item>> segments = new ArrayList<>();
        List<ConnItem> commaConns = new ArrayList<>();
        List<Item> cur = new ArrayList<>();
        for (Item it : res) {
            if (it instanceof ConnItem c && c.comma()) {
                segments.add(cur);
                commaConns.add(c);
                cur = new ArrayList<>();
            } else {
                cur.add(it);
            }
        }
        segments.add(cur);
        List<List<Cond>> segReadings = new ArrayList<>();
        for (List<Item> seg : segments) {
            segReadings.add(flatReadings(seg));
        }
        int multiAt = -1;
        for (int k = 0; k < segReadings.size(); k++) {
            if (segReadings.get(k).size() > 1) {
                multiAt = k;
                break;
            }
        }
        int count = multiAt < 0 ? 1 : segReadings.get(multiAt).size();
        List<Cond> out = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Cond acc = segReadings.get(0).get(multiAt == 0 ? r : 0);
            for (int k = 1; k < segReadings.size(); k++) {
                Cond next = segReadings.get(k).get(multiAt == k ? r : 0);
                acc = commaConns.get(k - 1).and() ? new Cond.And(List.of(acc, next)) : new Cond.Or(List.of(acc, next));
            }
            out.add(acc);
        }
        if (out.size() > 1) {
            groupingNote(s, e, out);
        }
        return out;
    }

    private List<Cond> flatReadings(List<Item> seg) {
        List<Cond> conds = new ArrayList<>();
        List<Boolean> ops = new ArrayList<>();
        for (Item it : seg) {
            if (it instanceof CondItem c) {
                conds.add(c.cond());
            } else {
                ops.add(((ConnItem) it).and());
            }
        }
        boolean hasAnd = ops.contains(true);
        boolean hasOr = ops.contains(false);
        if (!(hasAnd && hasOr)) {
            return List.of(hasOr ? Cond.or(conds) : Cond.and(conds));
        }
        // left to right, conventional precedence (and binds tighter), right to left
        Cond left = conds.get(0);
        for (int k = 0; k < ops.size(); k++) {
            left = ops.get(k) ? new Cond.And(List.of(left, conds.get(k + 1))) : new Cond.Or(List.of(left, conds.get(k + 1)));
        }
        List<Cond> disj = new ArrayList<>();
        List<Cond> conj = new ArrayList<>(List.of(conds.get(0)));
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k)) {
                conj.add(conds.get(k + 1));
            } else {
                disj.add(Cond.and(conj));
                conj = new ArrayList<>(List.of(conds.get(k + 1)));
            }
        }
        disj.add(Cond.and(conj));
        Cond prec = Cond.or(disj);
        Cond right = conds.get(conds.size() - 1);
        for (int k = ops.size() - 1; k >= 0; k--) {
            right = ops.get(k) ? new Cond.And(List.of(conds.get(k), right)) : new Cond.Or(List.of(conds.get(k), right));
        }
        List<Cond> out = new ArrayList<>();
        // conventional precedence ("and" binds tighter, as in Cedar) is the most likely reading
        for (Cond c : List.of(prec, left, right)) {
            if (out.stream().noneMatch(o -> o.cedar().equals(c.cedar()))) {
                out.add(c);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ one clause

    private enum PredKind { COMPARE, VALUES, PRESENT, ABSENT, LIKE, BETWEEN, BOOL_WORD }

    /** One condition: [determiner] subject predicate; subjects may be coordinated ("a description and priority are provided"). */
    private Cond clause(int i, int e, int[] next) {
        int start = i;
        // a principal condition inside the condition list: "the user has role admin", "users with role X"
        if (principalClauseAt(i)) {
            List<Cond> pc = new ArrayList<>();
            int[] end = new int[1];
            parsePrincipal(i, pc, end);
            if (end[0] > i && !pc.isEmpty()) {
                next[0] = end[0];
                return Cond.and(pc);
            }
        }
        // "no reason is provided" / "there is no reason"
        boolean noSubject = false;
        if (w(i, "there") && (w(i + 1, "is") || w(i + 1, "are")) && w(i + 2, "no")) {
            noSubject = true;
            i += 3;
        } else if (w(i, "there") && (w(i + 1, "is") || w(i + 1, "are")) && (w(i + 2, "a") || w(i + 2, "an"))) {
            int ns = i + 3;
            int ne = ns;
            while (ne < e && t.get(ne).kind() == Tok.Kind.WORD && !isConnectorWord(ne) && !isPredicateStart(ne)) {
                ne++;
            }
            if (ne > ns && (ne >= e || isConnectorWord(ne) || t.get(ne).kind() != Tok.Kind.WORD)) {
                Attr a = subject(ns, ne, null, ns);
                next[0] = ne;
                return presence(a);
            }
        } else if (w(i, "no") && !w(i + 1, "more") && !w(i + 1, "less") && !w(i + 1, "fewer") && !w(i + 1, "greater")) {
            noSubject = true;
            i++;
        }
        List<int[]> subjects = new ArrayList<>();
        List<Boolean> subjectAnd = new ArrayList<>();
        int p = i;
        while (true) {
            while (p < e && isDeterminer(p)) {
                p++;
            }
            if (p >= e) {
                Tok last = t.get(e - 1);
                throw new Untranslatable("UNTRANSLATED_WORDS", "the condition is incomplete", t.get(Math.min(i, e - 1)).start(), last.end());
            }
            int ns = p;
            while (p < e && !isPredicateStart(p) && t.get(p).kind() == Tok.Kind.WORD && !t.get(p).is("and")
                    && !t.get(p).is("or") && !t.get(p).is("nor")) {
                p++;
            }
            subjects.add(new int[] {ns, p});
            if (p < e && (w(p, "and") || w(p, "or") || (t.get(p).kind() == Tok.Kind.COMMA && p + 1 < e)) && p > ns
                    && laterPredicateIsShared(p, e)) {
                boolean and = !w(p, "or");
                if (t.get(p).kind() == Tok.Kind.COMMA) {
                    and = !w(p + 1, "or");
                    p++;
                }
                if (w(p, "and") || w(p, "or")) {
                    p++;
                }
                subjectAnd.add(and);
                continue;
            }
            break;
        }
        if (noSubject) {
            // "no reason is provided" == the reason is absent
            int[] sub = subjects.get(0);
            Attr a = resolveAttr(sub[0], sub[1], null);
            int q = p;
            if (w(q, "is") || w(q, "are") || w(q, "was")) {
                q++;
            }
            if (q < e && (t.get(q).isAny(Words.PRESENT))) {
                q++;
            }
            next[0] = q;
            lastSubject = a;
            return new Cond.Not(presence(a));
        }
        if (subjects.size() == 1 && tags) {
            Cond claim = claimClause(subjects.get(0)[0], subjects.get(0)[1], p, e, next);
            if (claim != null) {
                return claim;
            }
        }
        List<Cond> out = new ArrayList<>();
        int after = -1;
        for (int[] sub : subjects) {
            int[] n = new int[1];
            out.add(predicate(sub[0], sub[1], p, e, n));
            after = n[0];
        }
        next[0] = after;
        if (out.size() == 1) {
            return out.get(0);
        }
        Cond acc = out.get(0);
        for (int k = 1; k < out.size(); k++) {
            acc = subjectAnd.get(k - 1) ? new Cond.And(List.of(acc, out.get(k))) : new Cond.Or(List.of(acc, out.get(k)));
        }
        return acc;
    }

    /** "the scope contains admin:write", "the user's role is manager or director": a JWT claim, not a tool input. */
    private Cond claimClause(int ns, int ne, int p, int e, int[] next) {
        List<Integer> words = new ArrayList<>();
        for (int k = ns; k < ne; k++) {
            if (!(w(k, "user") || w(k, "caller") || w(k, "principal") || w(k, "requester") || w(k, "requesting") || w(k, "token")
                    || w(k, "jwt") || w(k, "claim"))) {
                words.add(k);
            }
        }
        if (words.size() != 1 || !isClaimWord(words.get(0))) {
            return null;
        }
        List<String> nw = Words.identifierWords(t.get(words.get(0)).text());
        boolean userQualified = ne - ns > 1;
        if (!userQualified) {
            // only the usual JWT claims, and only when no chosen tool has an input of that name
            if (!Set.of("role", "roles", "scope", "scopes", "username", "tier", "department", "group", "groups", "team")
                    .contains(t.get(words.get(0)).lower())) {
                return null;
            }
            for (Tool tool : tools) {
                if (bestAttrQuiet(nw, tool.attrs()) != null) {
                    return null;
                }
            }
        }
        String claim = claimName(words.get(0), words.get(0) + 1);
        int k = p;
        boolean neg = false;
        boolean contains = false;
        if (w(k, "is") || w(k, "are") || w(k, "equals")) {
            k++;
        } else if (w(k, "contains") || w(k, "includes") || w(k, "has")) {
            contains = true;
            k++;
        } else {
            return null;
        }
        if (w(k, "not")) {
            neg = true;
            k++;
        }
        if ((w(k, "one") || w(k, "any")) && w(k + 1, "of")) {
            k += 2;
        }
        if (!isValueTok(k)) {
            return null;
        }
        List<Tok> values = new ArrayList<>();
        next[0] = claimValues(k, values);
        requireTags(k);
        List<String> vs = values.stream().map(Tok::text).toList();
        Cond c = tagCondValues(claim, vs, contains || claim.equals("scope") ? "like" : "==");
        return neg ? new Cond.And(List.of(new Cond.Atom("principal.hasTag(\"" + esc(claim) + "\")"), new Cond.Not(stripGuard(c)))) : c;
    }

    private boolean principalClauseAt(int i) {
        int k = i;
        if (w(k, "the")) {
            k++;
        }
        return (w(k, "user") || w(k, "users") || w(k, "caller") || w(k, "principal"))
                && (w(k + 1, "with") || w(k + 1, "whose") || ((w(k + 1, "has") || w(k + 1, "holds")) && claimWordAt(k + 2)) || isIdentifierTokenAfterUser(k + 1));
    }

    private boolean isIdentifierTokenAfterUser(int k) {
        return k < t.size() && (t.get(k).kind() == Tok.Kind.QUOTED || (t.get(k).kind() == Tok.Kind.WORD && t.get(k).text().contains("-")));
    }

    /** Coordinated subjects share the predicate only when each conjunct is a bare noun phrase up to it. */
    private boolean laterPredicateIsShared(int p, int e) {
        int k = p + 1;
        if (k < e && (w(k, "and") || w(k, "or"))) {
            k++;
        }
        while (k < e && isDeterminer(k)) {
            k++;
        }
        int ns = k;
        while (k < e && t.get(k).kind() == Tok.Kind.WORD && !isPredicateStart(k) && !w(k, "and") && !w(k, "or")) {
            k++;
        }
        if (k == ns || k >= e) {
            return false;
        }
        if (w(k, "and") || w(k, "or") || t.get(k).kind() == Tok.Kind.COMMA) {
            return laterPredicateIsShared(k, e);
        }
        boolean or = w(p, "or") || w(p + 1, "or") || w(p, "nor");
        // "a description and a priority are provided"; "either the description or the priority is missing"
        return w(k, "are") || w(k, "were") || w(k, "exist") || w(k, "have") || (or && (w(k, "is") || w(k, "was")));
    }

    private boolean isDeterminer(int k) {
        return k < t.size() && t.get(k).kind() == Tok.Kind.WORD && (Words.DETERMINERS.contains(t.get(k).lower()))
                && !(w(k, "requested") || w(k, "given") || w(k, "specified")) ;
    }

    private boolean isPredicateStart(int k) {
        Tok x = t.get(k);
        if (x.kind() != Tok.Kind.WORD) {
            return true;
        }
        if (!PREDICATE_START.contains(x.lower())) {
            return x.isAny(Words.PRESENT) && (k + 1 >= t.size() || t.get(k + 1).kind() != Tok.Kind.WORD
                    || t.get(k + 1).isAny(Words.AND_WORDS) || t.get(k + 1).isAny(Words.OR_WORDS));
        }
        if (x.is("at")) {
            return w(k + 1, "least") || w(k + 1, "most") || w(k + 1, "or");
        }
        if (x.is("up")) {
            return w(k + 1, "to");
        }
        if (x.is("less") || x.is("more") || x.is("greater") || x.is("fewer") || x.is("lower") || x.is("higher")
                || x.is("larger") || x.is("smaller")) {
            return w(k + 1, "than");
        }
        if (x.is("end") || x.is("start") || x.is("begin")) {
            return w(k + 1, "with");
        }
        if (x.is("no")) {
            return comparator(k, new int[1]) != null;
        }
        return true;
    }

    private Cond predicate(int ns, int ne, int p, int e, int[] next) {
        int k = p;
        boolean neg = false;
        boolean copula = false;
        if (w(k, "is") || w(k, "are") || w(k, "was") || w(k, "were") || w(k, "remains") || w(k, "stays") || w(k, "becomes")) {
            copula = true;
            k++;
        } else if (w(k, "isn't") || w(k, "aren't")) {
            copula = true;
            neg = true;
            k++;
        } else if (w(k, "must") || w(k, "should")) {
            k++;
            if (w(k, "not")) {
                neg = true;
                k++;
            }
            if (w(k, "be")) {
                copula = true;
                k++;
            }
        }
        if (w(k, "has") || w(k, "have")) {
            if (w(k + 1, "been")) {
                k += 2;
                copula = true;
            } else if (w(k + 1, "not") && w(k + 2, "been")) {
                k += 3;
                copula = true;
                neg = true;
            }
        }
        if (w(k, "does") || w(k, "do")) {
            if (w(k + 1, "not")) {
                neg = true;
                k += 2;
            }
        } else if (w(k, "doesn't") || w(k, "don't") || w(k, "hasn't") || w(k, "haven't")) {
            neg = true;
            k++;
            if (w(k, "been")) {
                k++;
            }
        }
        if (w(k, "not") || w(k, "never")) {
            neg = !neg;
            k++;
        }
        if (w(k, "been")) {
            k++;
        }
        int predStart = k;
        // presence
        if (k < e && t.get(k).isAny(Words.PRESENT) && !boolAttrNamed(ns, ne, k)) {
            Attr a = subject(ns, ne, null, p);
            next[0] = k + 1;
            return neg ? new Cond.Not(presence(a)) : presence(a);
        }
        if (k < e && t.get(k).isAny(Words.ABSENT)) {
            Attr a = subject(ns, ne, null, p);
            next[0] = k + 1;
            return neg ? presence(a) : new Cond.Not(presence(a));
        }
        // between
        boolean fromTo = (w(k, "from") && k + 1 < t.size() && t.get(k + 1).kind() == Tok.Kind.NUMBER && w(k + 2, "to"));
        if (w(k, "between") || fromTo || (w(k, "in") && w(k + 1, "the") && w(k + 2, "range"))) {
            int v = w(k, "between") || fromTo ? k + 1 : k + 3;
            if (w(v, "of")) {
                v++;
            }
            Tok lo = numberAt(v);
            if (!w(v + 1, "and") && !w(v + 1, "to")) {
                throw leftover(v + 1, e);
            }
            Tok hi = numberAt(v + 2);
            Attr a = subject(ns, ne, lo, p);
            next[0] = v + 3;
            notes.add(new Note(FindingType.AMBIGUOUS, "AMBIGUOUS_BETWEEN", "\"" + span(k, v + 3)
                    + "\" does not say whether the bounds are included; read as inclusive (>= " + lo.text() + " and <= "
                    + hi.text() + "); exclusive bounds would use > and <", t.get(k).start(), hi.end()));
            Cond c = guard(a, new Cond.And(List.of(compare(a, ">=", lo), compare(a, "<=", hi))));
            return neg ? guardNot(a, new Cond.And(List.of(compare(a, ">=", lo), compare(a, "<=", hi)))) : c;
        }
        // comparators
        int[] len = new int[1];
        String op = comparator(k, len);
        if (op != null) {
            k += len[0];
            if (w(k, "of")) {
                k++;
            }
            Tok num = t.size() > k ? t.get(k) : null;
            if (num == null || k >= e) {
                throw leftover(predStart, e);
            }
            Attr a;
            if (num.kind() != Tok.Kind.NUMBER && !Words.NUMBER_WORDS_SET.contains(num.lower())) {
                if (op.equals("==") || op.equals("!=")) {
                    // "equals approved", "is equal to US"
                    a = subject(ns, ne, num, p);
                    return values(a, neg ^ op.equals("!="), k, e, next, ns, ne);
                }
                if (Words.SUBJECTIVE.contains(num.lower())) {
                    throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + num.text() + "\" is not a number",
                            num.start(), num.end());
                }
                throw leftover(predStart, e);
            }
            Attr after = ns >= ne ? unitNoun(k + 1, e) : null;
            a = after != null ? after : subject(ns, ne, num, p);
            lastSubject = a;
            k++;
            if (after != null) {
                while (k < e && t.get(k).kind() == Tok.Kind.WORD && !isConnectorWord(k)) {
                    k++;
                }
            } else if (k < e && t.get(k).kind() == Tok.Kind.WORD && !isConnectorWord(k)
                    && (a.nameStems().contains(Words.stem(t.get(k).lower())) || a.descStems().contains(Words.stem(t.get(k).lower())))) {
                k++; // a unit the attribute is described in: "60 minutes", "5 kilograms"
            }
            // "500 or more", "10 and above"
            int[] pl = new int[1];
            String post = postfix(k, pl);
            if (post != null) {
                op = op.equals("==") ? post : op;
                k += pl[0];
            }
            if (neg) {
                op = negate(op);
            }
            next[0] = k;
            return guard(a, compare(a, op, num));
        }
        // string operators
        if (w(k, "contains") || w(k, "contain") || w(k, "includes") || w(k, "include") || w(k, "containing")
                || w(k, "including") || w(k, "matches") || w(k, "match")) {
            boolean containsOp = !(w(k, "matches") || w(k, "match"));
            Tok v = valueTok(k + 1, e);
            Attr a = subject(ns, ne, v, p);
            next[0] = k + 2;
            Cond c;
            if (a.attribute().type() instanceof CedarType.SetType) {
                c = new Cond.Atom(expr(a) + ".contains(" + literal(a, v, ((CedarType.SetType) a.attribute().type()).element()) + ")");
            } else {
                requireString(a, v);
                c = new Cond.Atom(expr(a) + " like \"" + (containsOp ? "*" : "") + escLike(v.text()) + (containsOp ? "*" : "") + "\"");
            }
            return neg ? guardNot(a, c) : guard(a, c);
        }
        if ((w(k, "starts") || w(k, "start") || w(k, "begins") || w(k, "begin") || w(k, "starting") || w(k, "beginning")) && w(k + 1, "with")
                || (w(k, "ends") || w(k, "end") || w(k, "ending")) && w(k + 1, "with")) {
            boolean starts = !(w(k, "ends") || w(k, "end") || w(k, "ending"));
            Tok v = valueTok(k + 2, e);
            Attr a = subject(ns, ne, v, p);
            requireString(a, v);
            next[0] = k + 3;
            Cond c = new Cond.Atom(expr(a) + " like \"" + (starts ? "" : "*") + escLike(v.text()) + (starts ? "*" : "") + "\"");
            return neg ? guardNot(a, c) : guard(a, c);
        }
        if (w(k, "exists") || w(k, "exist")) {
            Attr a = subject(ns, ne, null, p);
            next[0] = k + 1;
            return neg ? new Cond.Not(presence(a)) : presence(a);
        }
        if (!copula && k == p && ns > 0 && (w(ns - 1, "a") || w(ns - 1, "an")) && ne > ns
                && (k >= e || t.get(k).kind() != Tok.Kind.WORD || isConnectorWord(k))) {
            // "with a reason": the attribute is present
            next[0] = ne;
            return presence(subject(ns, ne, null, p));
        }
        if (!copula && k == p && ne > ns && (k >= e || t.get(k).kind() != Tok.Kind.WORD || isConnectorWord(k))) {
            // "in prod": a value of exactly one enum attribute
            int vs = ns;
            while (vs < ne && (w(vs, "in") || w(vs, "on") || w(vs, "the") || w(vs, "for"))) {
                vs++;
            }
            if (vs == ne - 1) {
                String v = t.get(vs).text();
                List<Attr> fits = commonAttrs().stream().filter(x -> x.attribute().enumValues().contains(v)).toList();
                if (fits.size() == 1) {
                    next[0] = ne;
                    lastSubject = fits.get(0);
                    return guard(fits.get(0), new Cond.Atom(expr(fits.get(0)) + " == \"" + esc(v) + "\""));
                }
            }
        }
        if (!copula && k == p && ne - ns >= 2 && (t.get(ne - 1).isAny(Words.TRUE_WORDS) || t.get(ne - 1).isAny(Words.PRESENT)
                || t.get(ne - 1).isAny(Words.FALSE_WORDS))) {
            // "with express shipping requested", "with a reason provided"
            Attr b = boolFor(ns, ne - 1, ne - 1);
            next[0] = ne;
            if (b != null) {
                return guard(b, new Cond.Atom(expr(b) + " == " + !t.get(ne - 1).isAny(Words.FALSE_WORDS)));
            }
            if (t.get(ne - 1).isAny(Words.PRESENT)) {
                Attr a = subject(ns, ne - 1, null, p);
                return presence(a);
            }
        }
        if (!copula && ns >= ne && k < e && t.get(k).kind() == Tok.Kind.NUMBER) {
            // "refunds of 500 or less"
            int[] pl = new int[1];
            String post = postfix(k + 1, pl);
            if (post != null) {
                Attr a = subject(ns, ne, t.get(k), p);
                next[0] = k + 1 + pl[0];
                return guard(a, compare(a, neg ? negate(post) : post, t.get(k)));
            }
        }
        if (!copula) {
            if (k < e && t.get(k).kind() == Tok.Kind.NUMBER && ns < ne) {
                // "the passenger count 2" is not a sentence; be strict
                throw leftover(k, e);
            }
            throw leftover(ns < ne ? ns : k, e);
        }
        // "is one of", "is any of", "is in"
        if ((w(k, "one") || w(k, "any")) && w(k + 1, "of")) {
            k += 2;
        } else if (w(k, "in") && !w(k + 1, "the")) {
            k += 1;
        } else if (w(k, "neither")) {
            Attr a = subject(ns, ne, valueTokOrNull(k + 1, e), p);
            return values(a, true, k + 1, e, next, ns, ne);
        } else if (w(k, "either")) {
            k++;
        }
        if (k >= e) {
            throw leftover(ns, e);
        }
        // "the product is eligible", "express shipping is requested"
        Tok v = t.get(k);
        if (v.kind() == Tok.Kind.WORD && !isListContinuation(k + 1, e)) {
            Attr boolAttr = boolFor(ns, ne, k, v.lower());
            boolean negatedAdjective = false;
            if (boolAttr == null) {
                // "ineligible", "unverified", "non-compliant": the negation of a Bool adjective
                for (String prefix : List.of("non-", "non", "un", "in", "im", "dis")) {
                    if (v.lower().startsWith(prefix) && v.lower().length() > prefix.length() + 3) {
                        boolAttr = boolFor(ns, ne, k, v.lower().substring(prefix.length()));
                        if (boolAttr != null) {
                            negatedAdjective = true;
                            break;
                        }
                    }
                }
            }
            if (boolAttr != null) {
                next[0] = k + 1;
                boolean value = !Words.FALSE_WORDS.contains(v.lower());
                if (neg) {
                    value = !value;
                }
                if (negatedAdjective) {
                    value = !value;
                }
                return guard(boolAttr, new Cond.Atom(expr(boolAttr) + " == " + value));
            }
        }
        Attr a = subject(ns, ne, v, p);
        return values(a, neg, k, e, next, ns, ne);
    }

    /** "fewer than 5 passengers": a noun after the number naming a numeric attribute. */
    private Attr unitNoun(int k, int e) {
        int j = k;
        List<String> words = new ArrayList<>();
        while (j < e && t.get(j).kind() == Tok.Kind.WORD && !isConnectorWord(j) && j - k < 3) {
            words.addAll(Words.identifierWords(t.get(j).text()));
            j++;
        }
        words.removeIf(Words.STOP::contains);
        if (words.isEmpty() || Set.of("dollars", "usd", "dollar").containsAll(words)) {
            return null;
        }
        Attr a = bestAttrQuiet(words, commonAttrs().stream().filter(x -> x.attribute().type() instanceof CedarType.LongType
                || x.attribute().type() instanceof CedarType.DecimalType).toList());
        return a;
    }

    private boolean isConnectorWord(int k) {
        return t.get(k).isAny(Words.AND_WORDS) || t.get(k).isAny(Words.OR_WORDS) || w(k, "unless") || w(k, "when")
                || w(k, "if") || w(k, "nor") || w(k, "for") || w(k, "by") || w(k, "except");
    }

    private boolean isListContinuation(int k, int e) {
        return k < e && (w(k, "or") || w(k, "nor") || t.get(k).kind() == Tok.Kind.COMMA) && k + 1 < e
                && (isValueTok(k + 1) || w(k + 1, "or")) && !(k + 2 < e && isPredicateStart(k + 2) && t.get(k + 2).kind() == Tok.Kind.WORD
                && (w(k + 2, "is") || w(k + 2, "are")));
    }

    /** "is US", "is US, CA, or UK", "is not EU", "is neither A nor B" (neg=true), numbers "is 2". */
    private Cond values(Attr a, boolean neg, int k, int e, int[] next, int ns, int ne) {
        List<Tok> vals = new ArrayList<>();
        vals.add(valueTok(k, e));
        k++;
        while (k < e) {
            if (postfix(k, new int[1]) != null) {
                break;
            }
            if ((w(k, "or") || w(k, "nor")) && k + 1 < e && isValueTok(k + 1) && !startsClause(k + 1, e)) {
                vals.add(t.get(k + 1));
                k += 2;
            } else if (t.get(k).kind() == Tok.Kind.COMMA && (w(k + 1, "or") || w(k + 1, "nor")) && k + 2 < e && isValueTok(k + 2)
                    && !startsClause(k + 2, e)) {
                vals.add(t.get(k + 2));
                k += 3;
            } else if (t.get(k).kind() == Tok.Kind.COMMA && k + 1 < e && isValueTok(k + 1) && !startsClause(k + 1, e)
                    && listAhead(k + 2, e)) {
                vals.add(t.get(k + 1));
                k += 2;
            } else {
                break;
            }
        }
        // a number followed by "or more" etc. is a comparison
        if (vals.size() == 1 && vals.get(0).kind() == Tok.Kind.NUMBER) {
            int[] pl = new int[1];
            String post = postfix(k, pl);
            if (post != null) {
                next[0] = k + pl[0];
                return guard(a, compare(a, neg ? negate(post) : post, vals.get(0)));
            }
        }
        next[0] = k;
        CedarType type = a.attribute().type();
        if (type instanceof CedarType.LongType || type instanceof CedarType.DecimalType) {
            if (vals.size() == 1) {
                Tok v = vals.get(0);
                if (v.kind() != Tok.Kind.NUMBER && !Words.NUMBER_WORDS_SET.contains(v.lower())) {
                    if (Words.SUBJECTIVE.contains(v.lower())) {
                        throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + v.text() + "\" is subjective; "
                                + a.key() + " needs a precise number", v.start(), v.end());
                    }
                    throw new Untranslatable("UNTRANSLATED_WORDS", "\"" + v.text() + "\" is not a number for " + a.key(),
                            v.start(), v.end());
                }
                return guard(a, compare(a, neg ? "!=" : "==", v));
            }
            List<Cond> eqs = new ArrayList<>();
            for (Tok v : vals) {
                if (v.kind() != Tok.Kind.NUMBER && !Words.NUMBER_WORDS_SET.contains(v.lower())) {
                    throw new Untranslatable("UNTRANSLATED_WORDS", "\"" + v.text() + "\" is not a number for " + a.key(),
                            v.start(), v.end());
                }
                eqs.add(compare(a, "==", v));
            }
            Cond any = Cond.or(eqs);
            return neg ? guardNot(a, any) : guard(a, any);
        }
        if (type instanceof CedarType.BoolType) {
            Tok v = vals.get(0);
            boolean value;
            if (Words.TRUE_WORDS.contains(v.lower())) {
                value = true;
            } else if (Words.FALSE_WORDS.contains(v.lower())) {
                value = false;
            } else {
                throw new Untranslatable("UNTRANSLATED_WORDS", "\"" + v.text() + "\" is not true or false for " + a.key(),
                        v.start(), v.end());
            }
            return guard(a, new Cond.Atom(expr(a) + " == " + (neg != value)));
        }
        if (!(type instanceof CedarType.StringType)) {
            if (type instanceof CedarType.SetType st && vals.size() == 1) {
                Cond c = new Cond.Atom(expr(a) + ".contains(" + literal(a, vals.get(0), st.element()) + ")");
                return neg ? guardNot(a, c) : guard(a, c);
            }
            throw new Untranslatable("UNSUPPORTED_CONSTRUCT", a.key() + " is a " + type.cedarSyntax()
                    + "; only comparisons on strings, numbers and booleans are supported", t.get(ns).start(), vals.get(0).end());
        }
        for (Tok v : vals) {
            if (v.kind() == Tok.Kind.WORD && Words.SUBJECTIVE.contains(v.lower()) && !a.attribute().enumValues().isEmpty()
                    && a.attribute().enumValues().stream().noneMatch(x -> x.equalsIgnoreCase(v.text()))) {
                throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + v.text() + "\" is not one of the values of " + a.key()
                        + " " + a.attribute().enumValues(), v.start(), v.end());
            }
        }
        List<String> texts = new ArrayList<>();
        for (Tok v : vals) {
            texts.add(enumSpelling(a, v.text()));
        }
        if (vals.size() == 1 && vals.get(0).kind() == Tok.Kind.WORD) {
            // "the reason is wrong item": a value of several plain words, up to the next connective
            int j = next[0];
            StringBuilder sb = new StringBuilder(vals.get(0).text());
            while (j < e && j - next[0] < 3 && t.get(j).kind() == Tok.Kind.WORD && !isConnectorWord(j) && !isPredicateStart(j)
                    && !Words.STOP.contains(t.get(j).lower()) && !Words.COND_MARKERS.contains(t.get(j).lower())
                    && !Words.SUBJECTIVE.contains(t.get(j).lower()) && plainWord(t.get(j).text())) {
                sb.append(' ').append(t.get(j).text());
                j++;
            }
            if (j > next[0] && (j >= e || isConnectorWord(j) || t.get(j).kind() != Tok.Kind.WORD)) {
                texts.set(0, sb.toString());
                next[0] = j;
            }
        }
        if (texts.size() == 1) {
            return guard(a, new Cond.Atom(expr(a) + (neg ? " != " : " == ") + "\"" + esc(texts.get(0)) + "\""));
        }
        Cond c = new Cond.Atom(list(texts) + ".contains(" + expr(a) + ")");
        return neg ? guardNot(a, c) : guard(a, c);
    }

    private static boolean plainWord(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!Character.isDigit(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return letter;
    }

    /** Keeps the user's spelling, but when it equals an enum value ignoring case the schema's spelling is what matches. */
    private static String enumSpelling(Attr a, String text) {
        for (String ev : a.attribute().enumValues()) {
            if (ev.equalsIgnoreCase(text) && !ev.equals(text)) {
                return text;
            }
        }
        return text;
    }

    private boolean listAhead(int k, int e) {
        return k >= e || w(k, "or") || w(k, "nor") || t.get(k).kind() == Tok.Kind.COMMA;
    }

    /** A new clause ("the region is", "product is eligible") rather than another value. */
    private boolean startsClause(int k, int e) {
        if (isDeterminer(k)) {
            return true;
        }
        int j = k;
        while (j < e && t.get(j).kind() == Tok.Kind.WORD && !isPredicateStart(j) && !w(j, "and") && !w(j, "or")) {
            j++;
        }
        return j < e && j > k && t.get(j).kind() == Tok.Kind.WORD && isPredicateStart(j) && !w(j, "and") && !w(j, "or");
    }

    private Tok numberCheck(Tok v) {
        return v;
    }

    private Tok valueTok(int k, int e) {
        Tok v = valueTokOrNull(k, e);
        if (v == null) {
            int at = Math.min(k, t.size() - 1);
            throw new Untranslatable("UNTRANSLATED_WORDS", "a value is missing", t.get(at).start(), t.get(at).end());
        }
        return v;
    }

    private Tok valueTokOrNull(int k, int e) {
        if (k >= e) {
            return null;
        }
        Tok v = t.get(k);
        if (v.kind() == Tok.Kind.WORD || v.kind() == Tok.Kind.QUOTED || v.kind() == Tok.Kind.NUMBER) {
            return v;
        }
        return null;
    }

    private Tok numberAt(int k) {
        if (k < t.size() && (t.get(k).kind() == Tok.Kind.NUMBER || Words.NUMBER_WORDS_SET.contains(t.get(k).lower()))) {
            return t.get(k);
        }
        int at = Math.min(k, t.size() - 1);
        throw new Untranslatable("UNTRANSLATED_WORDS", "a number is expected", t.get(at).start(), t.get(at).end());
    }

    private boolean requireString(Attr a, Tok v) {
        if (!(a.attribute().type() instanceof CedarType.StringType)) {
            throw new Untranslatable("UNSUPPORTED_CONSTRUCT", a.key() + " is " + a.attribute().type().cedarSyntax()
                    + ", not a string: a text pattern does not apply", v.start(), v.end());
        }
        return true;
    }

    // comparator phrases: longest match first
    private static final String[][] COMPARATORS = {
            {"less than or equal to", "<="}, {"greater than or equal to", ">="}, {"more than or equal to", ">="},
            {"less than or equal", "<="}, {"greater than or equal", ">="},
            {"lower than or equal to", "<="}, {"higher than or equal to", ">="},
            {"not more than", "<="}, {"no more than", "<="}, {"no greater than", "<="}, {"not greater than", "<="},
            {"no higher than", "<="}, {"not to exceed", "<="}, {"not exceeding", "<="}, {"not over", "<="}, {"not above", "<="},
            {"at or below", "<="}, {"at or under", "<="}, {"a maximum of", "<="}, {"maximum of", "<="}, {"max of", "<="},
            {"at most", "<="}, {"up to", "<="}, {"a max of", "<="}, {"no larger than", "<="}, {"within", "<="},
            {"not less than", ">="}, {"no less than", ">="}, {"no fewer than", ">="}, {"not fewer than", ">="},
            {"no lower than", ">="}, {"not below", ">="}, {"not under", ">="}, {"at or above", ">="}, {"at or over", ">="},
            {"a minimum of", ">="}, {"minimum of", ">="}, {"min of", ">="}, {"at least", ">="}, {"no smaller than", ">="},
            {"less than", "<"}, {"fewer than", "<"}, {"lower than", "<"}, {"smaller than", "<"}, {"under", "<"},
            {"below", "<"}, {"beneath", "<"}, {"less-than", "<"}, {"falls below", "<"},
            {"more than", ">"}, {"greater than", ">"}, {"higher than", ">"}, {"larger than", ">"}, {"bigger than", ">"},
            {"over", ">"}, {"above", ">"}, {"exceeds", ">"}, {"exceed", ">"}, {"exceeding", ">"}, {"in excess of", ">"},
            {"greater-than", ">"}, {"surpasses", ">"},
            {"exactly equal to", "=="}, {"exactly", "=="}, {"equal to", "=="}, {"equals", "=="}, {"equal", "=="},
            {"totals", "=="}, {"the same as", "=="},
            {"<=", "<="}, {">=", ">="}, {"=<", "<="}, {"=>", ">="}, {"<", "<"}, {">", ">"}, {"==", "=="}, {"=", "=="},
            {"!=", "!="}, {"<>", "!="},
            {"not equal to", "!="}, {"other than", "!="}, {"different from", "!="}, {"anything but", "!="},
            {"anything other than", "!="},
    };

    private static final String[][] COMPARATOR_WORDS = split(COMPARATORS);

    private static String[][] split(String[][] table) {
        String[][] out = new String[table.length][];
        for (int i = 0; i < table.length; i++) {
            out[i] = table[i][0].split(" ");
        }
        return out;
    }

    private String comparator(int k, int[] len) {
        for (int ci = 0; ci < COMPARATORS.length; ci++) {
            String[] c = COMPARATORS[ci];
            String[] ws = COMPARATOR_WORDS[ci];
            boolean ok = true;
            for (int j = 0; j < ws.length; j++) {
                if (!w(k + j, ws[j])) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                len[0] = ws.length;
                return c[1];
            }
        }
        return null;
    }

    private String postfix(int k, int[] len) {
        if (!(w(k, "or") || w(k, "and") || w(k, "at"))) {
            return null;
        }
        String[][] post = POSTFIX;
        for (String[] c : post) {
            String[] ws = c[0].split(" ");
            if (w(k, ws[0]) && w(k + 1, ws[1]) && !(k + 2 < t.size() && (t.get(k + 2).kind() == Tok.Kind.NUMBER || w(k + 2, "than")))) {
                len[0] = 2;
                return c[1];
            }
        }
        return null;
    }

    private static final String[][] POSTFIX = {
                {"or more", ">="}, {"or greater", ">="}, {"or higher", ">="}, {"or above", ">="}, {"or over", ">="},
                {"and above", ">="}, {"and up", ">="}, {"and over", ">="}, {"or larger", ">="}, {"at minimum", ">="},
                {"or less", "<="}, {"or fewer", "<="}, {"or lower", "<="}, {"or below", "<="}, {"or under", "<="},
                {"and below", "<="}, {"and under", "<="}, {"or smaller", "<="}, {"at most", "<="}, {"at maximum", "<="},
                {"or lower", "<="}};

    private static String negate(String op) {
        return switch (op) {
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            case "==" -> "!=";
            default -> "==";
        };
    }

    // ------------------------------------------------------------------ attributes

    /** The subject attribute: from the noun phrase, the previous clause's subject, or inferred from the value. */
    private Attr subject(int ns, int ne, Tok value, int predAt) {
        Attr a;
        if (ns >= ne) {
            if (lastSubject != null) {
                a = lastSubject;
            } else {
                a = inferFromValue(value, predAt);
            }
        } else {
            a = resolveAttr(ns, ne, value);
        }
        lastSubject = a;
        return a;
    }

    private Attr inferFromValue(Tok value, int at) {
        List<Attr> attrs = commonAttrs();
        List<Attr> fits = new ArrayList<>();
        if (value != null && value.kind() == Tok.Kind.NUMBER) {
            for (Attr a : attrs) {
                if (a.attribute().type() instanceof CedarType.LongType || a.attribute().type() instanceof CedarType.DecimalType) {
                    fits.add(a);
                }
            }
            if (fits.size() > 1 && value.money()) {
                List<Attr> money = fits.stream().filter(a -> a.nameWords().stream().anyMatch(x -> Set.of("amount", "price",
                        "cost", "total", "value", "sum", "fee", "payment", "balance").contains(x))).toList();
                if (!money.isEmpty()) {
                    fits = money;
                }
            }
        } else if (value != null) {
            for (Attr a : attrs) {
                if (a.attribute().enumValues().stream().anyMatch(x -> x.equalsIgnoreCase(value.text()))) {
                    fits.add(a);
                }
            }
        }
        Tok x = t.get(Math.min(at, t.size() - 1));
        if (fits.isEmpty()) {
            throw new Untranslatable("UNKNOWN_ATTRIBUTE", "the condition does not name an input attribute, and none fits "
                    + (value == null ? "it" : "\"" + value.text() + "\""), x.start(), value == null ? x.end() : value.end());
        }
        if (fits.size() > 1) {
            String key = "I" + at;
            int pick = Math.min(forced.getOrDefault(key, 0), fits.size() - 1);
            ties.add(java.util.Map.entry(key, fits.size()));
            Attr chosen = fits.get(pick);
            notes.add(new Note(FindingType.AMBIGUOUS, "AMBIGUOUS_ATTRIBUTE", "the condition does not name an attribute; this reading uses "
                    + chosen.key() + ", other readings: " + String.join(", ", fits.stream().filter(y -> y != chosen).map(Attr::key).toList()),
                    x.start(), value == null ? x.end() : value.end()));
            return chosen;
        }
        return fits.get(0);
    }

    /** Attributes every chosen tool has (same path and type), in the first tool's order. */
    private List<Attr> commonAttrs() {
        List<Attr> out = new ArrayList<>();
        if (tools.isEmpty()) {
            return out;
        }
        for (Attr a : tools.get(0).attrs()) {
            boolean everywhere = true;
            for (Tool other : tools) {
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

    private Attr resolveAttr(int ns, int ne, Tok value) {
        List<String> words = new ArrayList<>();
        for (int k = ns; k < ne; k++) {
            if (t.get(k).kind() == Tok.Kind.WORD) {
                for (String part : Words.identifierWords(t.get(k).text())) {
                    if (!Words.STOP.contains(part)) {
                        words.add(part);
                    }
                }
            }
        }
        hint = value;
        Attr best = bestAttr(words, commonAttrs(), ns, ne);
        hint = null;
        if (best == null) {
            for (int k = ns; k < ne; k++) {
                if (Words.SUBJECTIVE.contains(t.get(k).lower())) {
                    throw new Untranslatable("SUBJECTIVE_CONDITION", "\"" + t.get(k).text() + "\" is subjective; state a precise condition",
                            t.get(k).start(), t.get(k).end());
                }
            }
            String toolNames = String.join(", ", tools.stream().map(x -> x.action().toolName()).toList());
            boolean elsewhere = tools.size() > 1 && tools.stream().anyMatch(tool -> bestAttr(words, tool.attrs(), ns, ne) != null);
            throw new Untranslatable("UNKNOWN_ATTRIBUTE", "\"" + span(ns, ne) + "\" is not an input attribute of "
                    + (elsewhere ? "every one of " : "") + toolNames, t.get(ns).start(), t.get(ne - 1).end());
        }
        return best;
    }

    private Attr bestAttr(List<String> words, List<Attr> attrs, int ns, int ne) {
        if (words.isEmpty()) {
            return null;
        }
        Attr best = null;
        int bestScore = Integer.MIN_VALUE;
        List<Attr> tied = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (String wd : words) {
            stems.add(Words.stem(wd));
        }
        for (Attr a : attrs) {
            int name = 0, desc = 0, ctx = 0, miss = 0;
            Set<String> covered = new java.util.HashSet<>();
            for (String st : stems) {
                if (a.nameStems().contains(st)) {
                    name++;
                    covered.add(st);
                } else if (a.descStems().contains(st)) {
                    desc++;
                } else if (toolContext(st)) {
                    ctx++;
                } else {
                    miss++;
                }
            }
            // "the claim" for claimAmount: a word of a multi-word name may stand for it when it is unique
            // a description word alone is weak evidence: it takes two, or one name word
            if (miss > 0 || (name == 0 && desc < 2)) {
                continue;
            }
            int score = 10 * name + 3 * desc + ctx + (covered.size() == a.nameStems().size() ? 5 : 0)
                    - 2 * (a.nameStems().size() - covered.size()) - a.path().size();
            if (hint != null && hint.kind() == Tok.Kind.NUMBER) {
                boolean numeric = a.attribute().type() instanceof CedarType.LongType || a.attribute().type() instanceof CedarType.DecimalType;
                score += numeric ? 4 : -20;
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
            String key = "T" + ns;
            int pick = Math.min(forced.getOrDefault(key, 0), tied.size() - 1);
            ties.add(java.util.Map.entry(key, tied.size()));
            Attr chosen = tied.get(pick);
            notes.add(new Note(FindingType.AMBIGUOUS, "AMBIGUOUS_ATTRIBUTE", "\"" + span(ns, ne) + "\" matches several attributes equally; this reading uses "
                    + chosen.key() + ", other readings: " + String.join(", ", tied.stream().filter(x -> x != chosen).map(Attr::key).toList()),
                    t.get(ns).start(), t.get(ne - 1).end()));
            return chosen;
        }
        return best;
    }

    private boolean toolContext(String stem) {
        for (Tool tool : tools) {
            if (tool.nameStems().contains(stem) || tool.targetStems().contains(stem)) {
                return true;
            }
        }
        return Set.of("request", "input", "field", "value", "parameter", "param", "argument", "call", "number", "valu", "paramet", "fiel", "tool").contains(stem);
    }

    /** A Bool attribute named by the subject plus the adjective ("product" + "eligible"), or by the adjective alone. */
    private Attr boolFor(int ns, int ne, int adj) {
        return boolFor(ns, ne, adj, t.get(adj).lower());
    }

    private Attr boolFor(int ns, int ne, int adj, String a) {
        List<Attr> bools = commonAttrs().stream().filter(x -> x.attribute().type() instanceof CedarType.BoolType).toList();
        if (bools.isEmpty()) {
            return null;
        }
        List<String> subjectWords = new ArrayList<>();
        for (int k = ns; k < ne; k++) {
            subjectWords.addAll(Words.identifierWords(t.get(k).text()));
        }
        subjectWords.removeIf(Words.STOP::contains);
        // the subject itself is a Bool attribute and the word is a truth word: "express shipping is requested"
        if (Words.TRUE_WORDS.contains(a) || Words.FALSE_WORDS.contains(a)) {
            Attr s = bestAttrQuiet(subjectWords, bools);
            if (s != null) {
                return s;
            }
        }
        List<String> with = new ArrayList<>(subjectWords);
        with.addAll(Words.identifierWords(a));
        Attr s = bestAttrQuiet(with, bools);
        if (s != null && s.nameStems().contains(Words.stem(a))) {
            return s;
        }
        // the adjective names a Bool attribute on its own ("the account is verified" -> verified)
        List<Attr> adjOnly = bools.stream().filter(x -> x.nameStems().contains(Words.stem(a))
                || x.nameStems().contains(Words.stem(a).replaceAll("(i|abl|ibl)$", ""))).toList();
        if (adjOnly.size() == 1 && (ns >= ne || bestAttrQuiet(subjectWords, commonAttrs().stream()
                .filter(x -> !(x.attribute().type() instanceof CedarType.BoolType)).toList()) == null)) {
            return adjOnly.get(0);
        }
        return null;
    }

    private boolean boolAttrNamed(int ns, int ne, int k) {
        return false;
    }

    private Attr bestAttrQuiet(List<String> words, List<Attr> attrs) {
        int before = notes.size();
        Attr a = words.isEmpty() ? null : bestAttr(words, attrs, 0, 0);
        while (notes.size() > before) {
            notes.remove(notes.size() - 1);
        }
        return a;
    }

    // ------------------------------------------------------------------ emission helpers

    private static String expr(Attr a) {
        StringBuilder sb = new StringBuilder("context.input");
        for (String seg : a.path()) {
            sb.append(access(seg));
        }
        return sb.toString();
    }

    private static String access(String seg) {
        return isIdent(seg) ? "." + seg : "[\"" + esc(seg) + "\"]";
    }

    private static boolean isIdent(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (char c : s.toCharArray()) {
            if (!(Character.isLetterOrDigit(c) || c == '_') || c > 127) {
                return false;
            }
        }
        return !Set.of("true", "false", "if", "then", "else", "in", "is", "like", "has", "principal", "action", "resource", "context").contains(s);
    }

    private static String hasTest(String prefix, String seg) {
        return prefix + " has " + (isIdent(seg) ? seg : "\"" + esc(seg) + "\"");
    }

    /** {@code has} tests for every optional segment of the path (outermost first). */
    private static List<Cond> guards(Attr a) {
        List<Cond> g = new ArrayList<>();
        StringBuilder prefix = new StringBuilder("context.input");
        for (int k = 0; k < a.path().size(); k++) {
            if (a.optional()[k]) {
                g.add(new Cond.Atom(hasTest(prefix.toString(), a.path().get(k))));
            }
            prefix.append(access(a.path().get(k)));
        }
        return g;
    }

    private static Cond guard(Attr a, Cond c) {
        List<Cond> g = guards(a);
        if (g.isEmpty()) {
            return c;
        }
        List<Cond> parts = new ArrayList<>(g);
        parts.add(c);
        return new Cond.Guard(parts);
    }

    /** A negated condition on an optional attribute still requires its presence (conventions section 2). */
    private static Cond guardNot(Attr a, Cond c) {
        return guard(a, new Cond.Not(c));
    }

    private static Cond presence(Attr a) {
        List<Cond> parts = new ArrayList<>();
        StringBuilder prefix = new StringBuilder("context.input");
        for (int k = 0; k < a.path().size(); k++) {
            if (a.optional()[k] || k == a.path().size() - 1) {
                parts.add(new Cond.Atom(hasTest(prefix.toString(), a.path().get(k))));
            }
            prefix.append(access(a.path().get(k)));
        }
        return Cond.and(parts);
    }

    private Cond compare(Attr a, String op, Tok v) {
        CedarType type = a.attribute().type();
        BigDecimal n = v.kind() == Tok.Kind.NUMBER ? v.number() : BigDecimal.valueOf(Words.numberWord(v.lower()));
        if (type instanceof CedarType.LongType) {
            if (n.stripTrailingZeros().scale() > 0) {
                throw new Untranslatable("FRACTIONAL_ON_LONG", a.key() + " is an integer (Long) but " + v.text()
                        + " has a fraction; it is not rounded", v.start(), v.end());
            }
            try {
                long l = n.longValueExact();
                return new Cond.Atom(expr(a) + " " + op + " " + l);
            } catch (ArithmeticException ex) {
                throw new Untranslatable("UNSUPPORTED_CONSTRUCT", v.text() + " does not fit a Cedar Long", v.start(), v.end());
            }
        }
        if (type instanceof CedarType.DecimalType) {
            BigDecimal d = n.stripTrailingZeros();
            if (d.scale() > 4) {
                throw new Untranslatable("UNSUPPORTED_CONSTRUCT", v.text() + " has more than 4 decimal places (Cedar decimal)",
                        v.start(), v.end());
            }
            if (d.abs().compareTo(new BigDecimal("922337203685477")) > 0) {
                throw new Untranslatable("UNSUPPORTED_CONSTRUCT", v.text() + " does not fit a Cedar decimal", v.start(), v.end());
            }
            String lit = d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
            String dec = "decimal(\"" + lit + "\")";
            return switch (op) {
                case "<" -> new Cond.Atom(expr(a) + ".lessThan(" + dec + ")");
                case "<=" -> new Cond.Atom(expr(a) + ".lessThanOrEqual(" + dec + ")");
                case ">" -> new Cond.Atom(expr(a) + ".greaterThan(" + dec + ")");
                case ">=" -> new Cond.Atom(expr(a) + ".greaterThanOrEqual(" + dec + ")");
                default -> new Cond.Atom(expr(a) + " " + op + " " + dec);
            };
        }
        if (type instanceof CedarType.StringType && (op.equals("==") || op.equals("!="))) {
            return new Cond.Atom(expr(a) + " " + op + " \"" + esc(v.text()) + "\"");
        }
        throw new Untranslatable("UNSUPPORTED_CONSTRUCT", a.key() + " is " + type.cedarSyntax() + ", not a number",
                v.start(), v.end());
    }

    private String literal(Attr a, Tok v, CedarType element) {
        if (element instanceof CedarType.LongType && v.kind() == Tok.Kind.NUMBER) {
            return v.number().toPlainString();
        }
        return "\"" + esc(v.text()) + "\"";
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u{%x}", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String escLike(String s) {
        return esc(s).replace("*", "\\*");
    }

    private static String list(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < values.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append('"').append(esc(values.get(k))).append('"');
        }
        return sb.append(']').toString();
    }

    // ------------------------------------------------------------------ token helpers

    private boolean w(int k, String word) {
        return k >= 0 && k < t.size() && t.get(k).is(word);
    }

    private String lowerJoin(int s, int e) {
        StringBuilder sb = new StringBuilder();
        for (int k = s; k < e; k++) {
            sb.append(k == s ? "" : " ").append(t.get(k).lower());
        }
        return sb.toString();
    }

    private String span(int s, int e) {
        if (s >= e || s >= t.size()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = s; k < Math.min(e, t.size()); k++) {
            sb.append(k == s ? "" : " ").append(t.get(k).text());
        }
        return sb.toString();
    }

    private String spanText(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (Tok x : t) {
            if (x.start() >= a && x.end() <= b) {
                sb.append(sb.length() == 0 ? "" : " ").append(x.text());
            }
        }
        return sb.toString();
    }
}
