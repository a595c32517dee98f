package com.cedarauthoring.grounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Set;

/** The word lists of the grounding check, in one place, and the stemmer words are compared with. */
final class Lexicon {
    private Lexicon() {}

    /** Words that carry no policy content of their own (articles, connectives, comparators, auxiliaries). */
    static final Set<String> FUNCTION = Set.of(
            "the", "a", "an", "to", "from", "of", "for", "with", "in", "on", "by", "at", "as", "into", "onto", "via",
            "when", "whenever", "if", "unless", "only", "provided", "that", "which", "who", "where", "while",
            "is", "are", "be", "been", "being", "was", "were", "has", "have", "had", "does", "do", "did",
            "and", "or", "either", "neither", "nor", "not", "no", "also", "additionally", "alternatively", "but",
            "than", "less", "more", "fewer", "greater", "under", "below", "over", "above", "exceeds", "exceed",
            "exceeding", "least", "most", "up", "exactly", "equal", "equals", "maximum", "minimum", "between",
            "one", "contains", "contain", "containing", "starts", "start", "starting", "ends", "end", "ending",
            "given", "specified", "present", "included", "exists", "exist", "missing", "supplied", "absent",
            "set", "it", "its", "they", "them", "their", "this", "these", "those", "then", "so", "such",
            "can", "may", "must", "should", "shall", "will", "able", "any", "all", "every", "each",
            "use", "using", "call", "calling", "invoke", "invoking", "run", "running", "access", "accessing",
            "tool", "tools", "action", "actions", "everything", "anything", "operation", "operations",
            "requested", "enabled", "true", "false", "yes", "s", "isn't", "aren't", "doesn't", "don't");

    /** Every-caller words (cedar-conventions.md section 5, principals). */
    static final Set<String> EVERY_CALLER = Set.of("user", "users", "everyone", "everybody", "anyone", "anybody",
            "caller", "callers", "principal", "principals", "person", "people");

    /** Words of a principal phrase that a tag test accounts for. */
    static final Set<String> PRINCIPAL_NOUNS = Set.of("role", "roles", "scope", "scopes", "username", "named",
            "whose", "claim", "team", "group", "account");

    /** Group nouns that no token claim identifies. */
    static final Set<String> GROUP_NOUNS = Set.of("customers", "customer", "clients", "client", "staff",
            "managers", "manager", "agents", "members", "member", "employees", "employee", "admins", "administrators",
            "people", "team", "teams", "partners", "vendors", "contractors", "interns", "operators", "developers",
            "engineers", "analysts", "auditors", "guests", "visitors", "patients", "doctors", "nurses",
            "underwriters", "supervisors", "tellers", "cashiers", "students", "teachers");

    static final Set<String> PERMIT_VERBS = Set.of("allow", "allowed", "allows", "permit", "permitted", "permits",
            "authorize", "authorized", "authorise", "authorised", "let", "enable", "can", "may", "grant", "granted");

    static final Set<String> FORBID_VERBS = Set.of("block", "blocked", "deny", "denied", "forbid", "forbidden",
            "prevent", "prevented", "prohibit", "prohibited", "disallow", "disallowed", "reject", "rejected",
            "cannot", "disable", "never", "shut", "restrict");

    static final Set<String> NEGATORS = Set.of("not", "never", "no");

    static final Set<String> ALL_WORDS = Set.of("all", "any", "every", "each");

    /** Evaluative words: judgements, not values (section 5). */
    static final Set<String> EVALUATIVE = Set.of("reasonable", "small", "large", "big", "huge", "tiny", "high",
            "low", "significant", "suspicious", "trusted", "recent", "old", "appropriate", "severe", "urgent",
            "normal", "risky", "sensitive", "important", "sensible", "valid", "safe", "unsafe", "good", "bad",
            "excessive", "unusual", "legitimate", "critical", "minor", "major", "expensive", "cheap", "heavy",
            "light", "fast", "slow", "new", "medium", "moderate", "acceptable", "reliable", "fine", "ok", "okay");

    /** Attributes that are categories by name may take an evaluative word as a value (section 5). */
    static final Set<String> CATEGORY_NAMES = Set.of("priority", "severity", "level", "tier", "status", "type",
            "category", "class", "classification", "sensitivity", "stage", "state", "mode", "risk", "grade", "rating");

    /** Words that say an attribute is about money. */
    static final Set<String> MONEY_WORDS = Set.of("amount", "price", "cost", "total", "fee", "balance", "salary",
            "value", "dollar", "dollars", "usd", "currency", "payment", "budget", "spend", "charge", "eur",
            "euro", "euros", "gbp", "wage", "income", "revenue", "money");

    /** ISO codes and names a requirement may name a currency by (the code the policy must test). */
    static String currencyCode(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "usd" -> "USD";
            case "eur", "euro", "euros", "€" -> "EUR";
            case "gbp", "pound", "pounds", "£" -> "GBP";
            case "jpy", "yen", "¥" -> "JPY";
            case "chf" -> "CHF";
            case "cad" -> "CAD";
            case "aud" -> "AUD";
            case "inr" -> "INR";
            case "cny" -> "CNY";
            default -> "";
        };
    }

    /** Listed synonyms of attribute-name words (section 5: "listed synonyms"). */
    static List<String> synonyms(String stem) {
        return switch (stem) {
            case "id" -> List.of("identifi", "identifier", "number");
            case "qty" -> List.of("quantity");
            case "amt" -> List.of("amount");
            case "num", "count" -> List.of("number");
            case "desc" -> List.of("description");
            default -> List.of();
        };
    }

    // compiled once: the check splits every word of every requirement and every attribute name
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[_\\-:./\\s]+");
    private static final Pattern CAMEL_CASE_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    /** Name words of an identifier: split on {@code _ - : .} and camelCase, lower-cased. */
    static List<String> nameWords(String identifier) {
        List<String> out = new ArrayList<>();
        for (String part : NAME_SEPARATORS.split(identifier)) {
            for (String w : CAMEL_CASE_BOUNDARY.split(part)) {
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static final String[] SUFFIXES = {"izations", "ization", "ations", "ation", "izing", "ings", "ing",
            "ions", "ion", "ments", "ment", "als", "al", "izes", "ized", "ize", "ed", "es", "s"};

    /**
     * Words that name one thing and so share a stem: an identifier's abbreviation and the words people write for
     * it ("discountPct" is "the discount percentage", and "15%" is in percent).
     */
    private static final Map<String, String> SAME_WORD = Map.of("pct", "percent", "percent", "percent",
            "percents", "percent", "percentage", "percent", "percentages", "percent");

    /** A deliberately simple stem: plural, verb forms and common nominal suffixes ("approval" = "approve"). */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String same = SAME_WORD.get(w);
        if (same != null) {
            return same;
        }
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        for (String suffix : SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                if (suffix.equals("s") && (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is"))) {
                    continue;
                }
                if (suffix.equals("es") && !(w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes")
                        || w.endsWith("xes") || w.endsWith("uses") || w.endsWith("ices") || w.endsWith("ses"))) {
                    continue;
                }
                w = w.substring(0, w.length() - suffix.length()) + (suffix.startsWith("ation") ? "at" : "");
                int n = w.length();
                if (n >= 4 && w.charAt(n - 1) == w.charAt(n - 2) && "bdgmnprt".indexOf(w.charAt(n - 1)) >= 0) {
                    w = w.substring(0, n - 1);
                }
                break;
            }
        }
        return w.length() >= 4 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
    }
}
