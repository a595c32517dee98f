package com.cedarauthoring.translate.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word lists of the controlled language and the normalisation used to match words against identifiers. */
final class Words {
    private Words() {}

    static final Set<String> PERMIT = Set.of("allow", "permit", "authorize", "authorise", "let", "enable", "grant", "give",
            "approve-access");
    static final Set<String> FORBID = Set.of("block", "deny", "forbid", "prevent", "prohibit", "disallow", "reject",
            "refuse", "stop", "bar", "restrict");
    static final Set<String> SHUTDOWN = Set.of("disable", "shutdown", "suspend");

    static final Set<String> EVERYONE = Set.of("everyone", "anyone", "everybody", "anybody");
    static final Set<String> PRINCIPAL_NOUNS = Set.of("user", "users", "principal", "principals", "caller", "callers",
            "agent", "agents", "client", "clients", "people", "person", "member", "members", "account", "accounts",
            "identity", "identities", "customer", "customers");
    static final Set<String> CLAIMS = Set.of("role", "roles", "scope", "scopes", "username", "tier", "department",
            "group", "groups", "team", "level", "plan", "org", "organization", "organisation", "division", "clearance",
            "title", "region", "country", "tenant", "unit", "subscription", "membership", "location", "email", "sub");

    static final Set<String> COND_MARKERS = Set.of("when", "if", "where", "whenever", "provided", "unless", "only",
            "except", "as", "so", "but", "whereas", "in");
    static final Set<String> AND_WORDS = Set.of("and", "also", "additionally", "while", "with", "plus", "but", "&&", "&");
    static final Set<String> OR_WORDS = Set.of("or", "alternatively", "||");
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "our", "your", "this",
            "that", "any", "given", "requested", "specified");
    static final Set<String> PRESENT = Set.of("provided", "given", "specified", "present", "included", "supplied",
            "populated", "exists", "exist", "defined", "attached", "set");
    static final Set<String> ABSENT = Set.of("missing", "absent", "omitted", "empty", "unset", "blank", "undefined");
    static final Set<String> TRUE_WORDS = Set.of("true", "yes", "requested", "enabled", "on", "checked", "selected",
            "required", "set", "confirmed");
    static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "disabled", "unchecked");
    static final Set<String> SUBJECTIVE = Set.of("reasonable", "small", "large", "big", "high", "low", "huge", "tiny",
            "significant", "excessive", "moderate", "normal", "appropriate", "acceptable", "suspicious", "expensive",
            "cheap", "high-value", "low-value", "large-value", "small-value", "risky", "safe", "substantial", "sensible",
            "unusual", "typical", "minor", "major", "important", "urgent", "frequent", "too", "very", "enough",
            "sufficient", "insufficient", "modest", "hefty", "massive", "trivial", "reasonably", "unreasonable");
    /** Words in an action phrase that name "calling a tool" rather than a tool. */
    static final Set<String> ACTION_FILLER = Set.of("the", "a", "an", "to", "their", "his", "her", "its", "our", "your",
            "tool", "tools", "function", "functions", "api", "apis", "endpoint", "endpoints", "operation", "operations",
            "action", "actions", "call", "calls", "calling", "use", "using", "invoke", "invoking", "access", "accessing",
            "run", "running", "execute", "executing", "perform", "performing", "do", "doing", "be", "able", "new",
            "of", "any", "some", "own", "that", "this", "those", "these", "customer's", "mcp", "all", "every", "each", "up");
    static final Set<String> NUMBER_WORDS_SET = Set.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "twenty", "hundred");

    static long numberWord(String w) {
        return switch (w) {
            case "zero" -> 0; case "one" -> 1; case "two" -> 2; case "three" -> 3; case "four" -> 4; case "five" -> 5;
            case "six" -> 6; case "seven" -> 7; case "eight" -> 8; case "nine" -> 9; case "ten" -> 10;
            case "eleven" -> 11; case "twelve" -> 12; case "twenty" -> 20; case "hundred" -> 100;
            default -> -1;
        };
    }

    /** Verb synonym groups: an action phrase verb matches a tool name verb of the same group. */
    private static final Map<String, String> SYNONYM = buildSynonyms();

    private static Map<String, String> buildSynonyms() {
        Map<String, String> m = new java.util.HashMap<>();
        String[][] groups = {
                {"get", "view", "read", "fetch", "retriev", "see", "look", "show", "query", "lookup", "inspect", "check", "display", "access", "describ"},
                {"list", "brows", "search", "find", "enumerat"},
                {"creat", "make", "add", "open", "generat", "regist", "insert", "new"},
                {"updat", "modify", "modifi", "chang", "edit", "amend", "adjust", "set"},
                {"delet", "remov", "eras", "purg", "destroy", "drop"},
                {"cancel", "void", "revok", "withdraw"},
                {"send", "transmit", "dispatch", "email", "notify", "notif"},
                {"submit", "fil", "lodg", "rais"},
                {"approv", "authoriz", "accept", "sign"},
                {"transfer", "mov", "wir"},
                {"pay", "payment"},
                {"ship", "deliver", "mail"},
                {"book", "reserv", "booking", "reservat"},
                {"refund", "reimburs"},
                {"process", "handl", "issu", "execut", "complet"},
                {"fund", "money", "cash"},
                {"ticket", "cas", "incident", "issu"},
                {"claim"},
                {"profil", "account"},
        };
        for (String[] g : groups) {
            for (String w : g) {
                m.putIfAbsent(w, g[0]);
                m.putIfAbsent(stem(w), g[0]);
            }
        }
        return Map.copyOf(m);
    }

    static String synonymGroup(String stem) {
        return SYNONYM.get(stem);
    }

    /** Light stemmer: plural and verb forms collapse (refunds, refunding -> refund; bookings -> book). */
    static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ization") || w.endsWith("isation")) {
            w = w.substring(0, w.length() - 7) + "iz";
        } else if (w.endsWith("ations") && w.length() > 8) {
            w = w.substring(0, w.length() - 6) + "at";
        } else if (w.endsWith("ation") && w.length() > 7) {
            w = w.substring(0, w.length() - 5) + "at";
        } else if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ings") && w.length() > 6) {
            w = undouble(w.substring(0, w.length() - 4));
        } else if (w.endsWith("ing") && w.length() > 5) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ed") && w.length() > 4 && !w.endsWith("eed")) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("al") && w.length() > 6) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("y") && w.length() > 3) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lszf".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    /** Splits an identifier into lower-case words on {@code _}, {@code -}, {@code .}, spaces and camelCase. */
    static List<String> identifierWords(String id) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && cur.length() > 0) {
                char prev = id.charAt(i - 1);
                boolean nextLower = i + 1 < id.length() && Character.isLowerCase(id.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(cur, out);
                }
            }
            cur.append(Character.toLowerCase(c));
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** Words of free text (descriptions), lower-cased. */
    static List<String> textWords(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.addAll(identifierWords(part));
            }
        }
        return out;
    }

    static final Set<String> STOP = Set.of("the", "a", "an", "of", "for", "to", "in", "on", "by", "and", "or", "is",
            "are", "be", "with", "from", "at", "as", "it", "its", "this", "that", "which", "who", "whose", "their");
}
