package com.cedarauthoring.translate.rules;

import java.util.Map;
import java.util.Set;

/**
 * Every word list of the controlled language (cedar-conventions.md sections 3 and 5), as data, in one place.
 * Parsers ask the lexicon; they hold no word lists of their own.
 */
final class Lexicon {
    private Lexicon() {}

    // ---------------------------------------------------------------- effect
    static final Set<String> PERMIT = Set.of("allow", "permit", "authorize", "authorise", "let", "enable", "grant", "give",
            "approve-access");
    static final Set<String> FORBID = Set.of("block", "deny", "forbid", "prevent", "prohibit", "disallow", "reject",
            "refuse", "stop", "bar", "restrict");
    static final Set<String> SHUTDOWN = Set.of("disable", "shutdown", "suspend");
    /** Sentence openers that carry no meaning ("Please allow ...", "Also block ..."). "only" is not one: it is section 5's "Only X may". */
    static final Set<String> OPENERS = Set.of("please", "policy:", "rule:", "also", "additionally", "finally", "then");
    /** Passive participles: "Refunds over $500 must be blocked" (forbid) / "may be processed by ..." (permit). */
    static final Set<String> PASSIVE_FORBID = Set.of("blocked", "denied", "forbidden", "prevented", "prohibited",
            "disallowed", "rejected", "refused", "barred", "stopped", "restricted");
    static final Set<String> PASSIVE_PERMIT = Set.of("allowed", "permitted", "authorized", "authorised", "enabled");
    static final Set<String> MODALS = Set.of("can", "may", "should", "must", "will", "shall");

    // ---------------------------------------------------------------- principal
    /** Only these mean every caller (section 5); "people"/"person" are read the same way. */
    static final Set<String> EVERYONE = Set.of("everyone", "anyone", "everybody", "anybody");
    /** Nouns that name callers without naming a group: they take claim qualifiers ("users with role R"). */
    static final Set<String> CALLER_NOUNS = Set.of("user", "users", "principal", "principals", "caller", "callers",
            "people", "person", "account", "accounts", "identity", "identities");
    /** Group nouns the token cannot identify (section 5): never widened to everyone, never a guessed role. */
    static final Set<String> GROUP_NOUNS = Set.of("customer", "customers", "client", "clients", "staff", "manager",
            "managers", "agent", "agents", "member", "members", "employee", "employees", "admins", "administrators",
            "operators", "engineers", "developers", "contractors", "partners", "vendors", "guests", "visitors",
            "team-members", "personnel", "workers", "analysts", "auditors", "supervisors", "reviewers", "approvers",
            "interns", "teams", "departments", "groups", "owners", "patients", "doctors", "nurses", "clerks",
            "accountants", "underwriters", "adjusters", "travellers", "travelers", "passengers", "subscribers");
    static final Set<String> CLAIMS = Set.of("role", "roles", "scope", "scopes", "username", "tier", "department",
            "group", "groups", "team", "level", "plan", "org", "organization", "organisation", "division", "clearance",
            "title", "region", "country", "tenant", "unit", "subscription", "membership", "location", "email", "sub");
    /** Claims a condition may name without "the user's" when no tool input has that name. */
    static final Set<String> USUAL_CLAIMS = Set.of("role", "roles", "scope", "scopes", "username", "tier", "department",
            "group", "groups", "team");
    static final Set<String> PRONOUNS = Set.of("them", "they", "him", "her", "it", "us", "me", "those", "these",
            "someone", "somebody", "whoever");
    /** Words that qualify the caller inside a condition: "the user's role", "the caller's scope". */
    static final Set<String> CALLER_QUALIFIERS = Set.of("user", "caller", "principal", "requester", "requesting", "token",
            "jwt", "claim");

    // ---------------------------------------------------------------- action
    static final Set<String> ACTION_FILLER = Set.of("the", "a", "an", "to", "their", "his", "her", "its", "our", "your",
            "tool", "tools", "function", "functions", "api", "apis", "endpoint", "endpoints", "operation", "operations",
            "action", "actions", "call", "calls", "calling", "use", "using", "invoke", "invoking", "access", "accessing",
            "run", "running", "execute", "executing", "perform", "performing", "do", "doing", "be", "able", "new",
            "of", "any", "some", "own", "that", "this", "those", "these", "customer's", "mcp", "all", "every", "each", "up");
    static final Set<String> ALL_TOOLS_NOUNS = Set.of("tools", "actions", "tool", "operations", "apis", "functions", "action");
    static final Set<String> QUANTIFIERS = Set.of("all", "any", "every", "each");
    static final Set<String> EVERYTHING = Set.of("everything", "anything");
    static final Set<String> ACTION_BOUNDARY = Set.of("when", "if", "where", "whenever", "unless", "provided",
            "only", "except", "as", "so", "for", "with", "whose", "that", "which", "by", "but", "under", "over", "below",
            "above", "exceeding", "between", "less", "more", "greater", "fewer", "at", "up", "in", "on", "while",
            "without", "having", "whereas", "once", "until", "within", "from", "larger", "smaller", "higher", "lower",
            "bigger", "exactly", "exceeds", "exceed", "no", "not", "other");

    // ---------------------------------------------------------------- conditions
    static final Set<String> COND_MARKERS = Set.of("when", "if", "where", "whenever", "provided", "unless", "only",
            "except", "as", "so", "but", "whereas", "in");
    static final Set<String> AND_WORDS = Set.of("and", "also", "additionally", "while", "with", "plus", "but", "&&", "&");
    static final Set<String> OR_WORDS = Set.of("or", "alternatively", "||", "and/or");
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "our", "your", "this",
            "that", "any", "given", "requested", "specified");
    static final Set<String> PRESENT = Set.of("provided", "given", "specified", "present", "included", "supplied",
            "populated", "exists", "exist", "defined", "attached", "set");
    static final Set<String> ABSENT = Set.of("missing", "absent", "omitted", "empty", "unset", "blank", "undefined");
    static final Set<String> TRUE_WORDS = Set.of("true", "yes", "requested", "enabled", "on", "checked", "selected",
            "required", "set", "confirmed");
    static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "disabled", "unchecked");
    static final Set<String> COPULA = Set.of("is", "are", "was", "were", "remains", "stays", "becomes");
    static final Set<String> PREDICATE_START = Set.of("is", "are", "was", "were", "equals", "equal", "exceeds",
            "exceed", "exceeding", "contains", "contain", "includes", "include", "starts", "start", "begins", "begin",
            "ends", "end", "exists", "exist", "does", "do", "has", "have", "matches", "match", "isn't", "aren't",
            "doesn't", "don't", "hasn't", "haven't", "less", "more", "greater", "fewer", "under", "over", "below",
            "above", "at", "up", "between", "exactly", "not", "lower", "higher", "within", "must", "should",
            "remains", "stays", "becomes", "totals", "reaches", "surpasses", "falls", "larger", "smaller", "beneath",
            "starting", "ending", "containing", "including", "greater-than", "no", "<", "<=", ">", ">=", "=", "==", "!=",
            "=<", "=>", "<>", "less-than", "equal-to", "from", "other");
    /**
     * Evaluative words (section 5): never a condition value, unless the attribute's enum holds the word or the
     * attribute is a category of that kind by name ({@link #CATEGORY_NAMES}).
     */
    static final Set<String> EVALUATIVE = Set.of("reasonable", "small", "large", "big", "high", "low", "huge", "tiny",
            "significant", "excessive", "moderate", "normal", "appropriate", "acceptable", "suspicious", "expensive",
            "cheap", "high-value", "low-value", "large-value", "small-value", "risky", "safe", "substantial", "sensible",
            "unusual", "typical", "minor", "major", "important", "urgent", "frequent", "too", "very", "enough",
            "sufficient", "insufficient", "modest", "hefty", "massive", "trivial", "reasonably", "unreasonable",
            "trusted", "untrusted", "recent", "old", "severe", "sensitive", "critical", "legitimate", "valid", "invalid",
            "fine", "ok", "okay", "good", "bad", "proper", "improper", "fair", "questionable", "dangerous", "harmless",
            "routine", "standard", "special", "unnecessary", "necessary", "relevant", "irrelevant", "priority");
    static final Set<String> CATEGORY_NAMES = Set.of("priority", "severity", "level", "tier", "status", "type",
            "category", "class", "classification", "sensitivity", "stage", "state", "mode", "risk", "rating", "grade");
    /** Generic words a condition's noun phrase may add without naming anything ("the amount value", "the request's"). */
    static final Set<String> GENERIC_NOUNS = Set.of("request", "input", "field", "value", "parameter", "param",
            "argument", "call", "number", "tool");
    /** Words naming money (section 5): a money amount binds only to an attribute whose name or description has one. */
    static final Set<String> MONEY_WORDS = Set.of("amount", "price", "cost", "total", "fee", "fees", "balance",
            "salary", "value", "dollars", "dollar", "currency", "sum", "payment", "usd", "eur", "gbp", "money", "budget",
            "charge", "spend", "limit", "premium", "refund", "wage", "pay", "fare");
    /** Units other than money: a number with one binds only to an attribute whose name or description carries it. */
    static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("gram", "gram"), Map.entry("grams", "gram"), Map.entry("g", "gram"),
            Map.entry("kg", "kg"), Map.entry("kgs", "kg"), Map.entry("kilogram", "kg"), Map.entry("kilograms", "kg"),
            Map.entry("kilo", "kg"), Map.entry("kilos", "kg"), Map.entry("lb", "lb"), Map.entry("lbs", "lb"),
            Map.entry("pound", "lb"), Map.entry("pounds", "lb"),
            Map.entry("row", "row"), Map.entry("rows", "row"), Map.entry("record", "record"), Map.entry("records", "record"),
            Map.entry("item", "item"), Map.entry("items", "item"), Map.entry("result", "result"), Map.entry("results", "result"),
            Map.entry("second", "second"), Map.entry("seconds", "second"), Map.entry("minute", "minute"),
            Map.entry("minutes", "minute"), Map.entry("hour", "hour"), Map.entry("hours", "hour"), Map.entry("day", "day"),
            Map.entry("days", "day"), Map.entry("week", "week"), Map.entry("weeks", "week"), Map.entry("month", "month"),
            Map.entry("months", "month"), Map.entry("year", "year"), Map.entry("years", "year"),
            Map.entry("percent", "percent"), Map.entry("%", "percent"), Map.entry("mb", "mb"), Map.entry("gb", "gb"),
            Map.entry("km", "km"), Map.entry("miles", "mile"), Map.entry("mile", "mile"));
    /** Words an attribute may use for a unit ("timeout_seconds", "duration in minutes", "discount_pct"). */
    static final Map<String, Set<String>> UNIT_EVIDENCE = Map.ofEntries(
            Map.entry("gram", Set.of("gram", "grams", "g", "weight")), Map.entry("kg", Set.of("kg", "kilogram", "kilograms", "kgs")),
            Map.entry("lb", Set.of("lb", "lbs", "pound", "pounds")),
            Map.entry("percent", Set.of("percent", "percentage", "pct", "rate", "ratio")),
            Map.entry("mb", Set.of("mb", "megabytes")), Map.entry("gb", Set.of("gb", "gigabytes")),
            Map.entry("mile", Set.of("mile", "miles")), Map.entry("km", Set.of("km", "kilometers", "kilometres")));
    /** Currencies a number may name ("1000 USD", "EUR 20"): they need a currency attribute (section 5). */
    static final Map<String, String> CURRENCIES = Map.of("usd", "USD", "eur", "EUR", "gbp", "GBP", "euro", "EUR",
            "euros", "EUR", "jpy", "JPY", "chf", "CHF", "cad", "CAD", "aud", "AUD");

    /** Number words (section 5: "two thousand", "five hundred", "a million" are numbers). */
    static final Map<String, Long> NUMBER_WORDS = Map.ofEntries(Map.entry("zero", 0L), Map.entry("one", 1L),
            Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L), Map.entry("five", 5L), Map.entry("six", 6L),
            Map.entry("seven", 7L), Map.entry("eight", 8L), Map.entry("nine", 9L), Map.entry("ten", 10L),
            Map.entry("eleven", 11L), Map.entry("twelve", 12L), Map.entry("thirteen", 13L), Map.entry("fourteen", 14L),
            Map.entry("fifteen", 15L), Map.entry("sixteen", 16L), Map.entry("seventeen", 17L), Map.entry("eighteen", 18L),
            Map.entry("nineteen", 19L), Map.entry("twenty", 20L), Map.entry("thirty", 30L), Map.entry("forty", 40L),
            Map.entry("fifty", 50L), Map.entry("sixty", 60L), Map.entry("seventy", 70L), Map.entry("eighty", 80L),
            Map.entry("ninety", 90L), Map.entry("hundred", 100L));
    static final Map<String, Long> MAGNITUDES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L);

    /** Comparator phrases, longest first within each meaning: words -> operator. */
    static final String[][] COMPARATORS = {
            {"less than or equal to", "<="}, {"greater than or equal to", ">="}, {"more than or equal to", ">="},
            {"less than or equal", "<="}, {"greater than or equal", ">="},
            {"lower than or equal to", "<="}, {"higher than or equal to", ">="},
            {"up to and including", "<="}, {"up to but not including", "<"}, {"up to but excluding", "<"},
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
    /** "500 or more", "10 and above": a comparator written after the number. */
    static final String[][] POSTFIX = {
            {"or more", ">="}, {"or greater", ">="}, {"or higher", ">="}, {"or above", ">="}, {"or over", ">="},
            {"and above", ">="}, {"and up", ">="}, {"and over", ">="}, {"or larger", ">="}, {"at minimum", ">="},
            {"or less", "<="}, {"or fewer", "<="}, {"or lower", "<="}, {"or below", "<="}, {"or under", "<="},
            {"and below", "<="}, {"and under", "<="}, {"or smaller", "<="}, {"at most", "<="}, {"at maximum", "<="}};

    /** Function words the parse may pass over without giving them a meaning (section 5's "every word is accounted for"). */
    static final Set<String> FUNCTION = Set.of("the", "a", "an", "to", "of", "for", "in", "on", "at", "by", "with",
            "and", "or", "is", "are", "be", "been", "being", "was", "were", "it", "its", "their", "this", "that", "these",
            "those", "any", "all", "each", "every", "please", "also", "then", "which", "who", "whose", "when", "if",
            "where", "whenever", "so", "as", "just", "do", "does", "has", "have", "had", "can", "may", "should", "must",
            "will", "shall", "from", "into", "only", "ever");

    /** Verb synonym groups: an action phrase verb matches a tool name verb of the same group (first word is the key). */
    static final String[][] SYNONYM_GROUPS = {
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

    /** Stop words removed from descriptions and identifier phrases before matching. */
    static final Set<String> STOP = Set.of("the", "a", "an", "of", "for", "to", "in", "on", "by", "and", "or", "is",
            "are", "be", "with", "from", "at", "as", "it", "its", "this", "that", "which", "who", "whose", "their");
}
