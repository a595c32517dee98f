package com.cedarauthoring.cedar;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.formatter.PolicyFormatter;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.PartialAuthorizationResponse;
import com.cedarpolicy.model.ValidationRequest;
import com.cedarpolicy.model.ValidationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.formatter.Config;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.model.schema.Schema;
import com.cedarauthoring.cedar.est.EstReader;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The only class that touches cedar-java: parse, format, strictly validate, authorize, EST.
 *
 * <p>Policy problems (syntax, schema) come back as data; a {@link CedarUnavailableException} means the
 * native engine itself failed. Thread-safe.
 *
 * <p>Every public method checks its text against {@link CedarLimits} and runs its native calls on a
 * {@link NativeStack} thread: a deeply nested input would otherwise overflow the native stack and kill the JVM.
 */
public final class Cedar {
    private static final Config FORMAT = new Config(80, 2);
    private static final long TEXT_CACHE_CHARS = 1_000_000;
    // The EST nests two JSON levels per operator and member access; CedarLimits bounds those, but their
    // product over nested brackets can pass Jackson's default of 1,000 levels, so the EST reader allows more.
    private static final com.fasterxml.jackson.databind.ObjectMapper EST_READER = estReader();

    static {
        // Cedar's native cache of parsed policy sets is shared by the authorize endpoint's snapshots (long-lived)
        // and the decision examples' one-policy sets (short-lived; an entry is freed once the collector finds its
        // PolicySet unreachable). Cedar's default of 1,024 entries can fill between two collections under load; an
        // entry of a one-policy set is ~9 KB, so 4,096 bound the cache at ~40 MB. An operator's
        // -Dcedar.cache.maxPolicySets is left as given. A full cache only makes evaluation uncached, not wrong.
        if (System.getProperty("cedar.cache.maxPolicySets") == null) {
            try {
                PolicySet.setCacheMaxPolicySets(4_096);
            } catch (LinkageError | RuntimeException e) {
                // no native library: every Cedar call reports CedarUnavailableException on its own
            }
        }
    }

    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
    private final NativeStack nativeStack = new NativeStack();
    private final RequestEntities requestEntities = new RequestEntities();
    // Parsing a schema crosses JNI; gateways change rarely, so parsed schemas are kept by their text.
    private final Cache<String, Schema> schemas = Caffeine.newBuilder().maximumSize(1_000).build();
    private final Cache<CedarSchema, Map<String, Optional<String>>> actionTexts = Caffeine.newBuilder().weakKeys()
            .maximumSize(1_000).build();
    // EST extraction crosses JNI; analysis, explanation and examples all ask for the same policy. Views are
    // what callers use, so only they are kept: the EST trees behind them are several times their size, and with
    // a new policy per generation a cache of them is mostly garbage the collector keeps tracing.
    private final Cache<String, PolicyView> views = Caffeine.newBuilder().maximumSize(2_000).build();
    // Within one generation the same policy text is parsed and formatted several times (translator,
    // candidate check, validation); each is a JNI call. Kept by text, bounded by characters, not entries,
    // because a policy may be as large as CedarLimits allows.
    private final Cache<String, ParseOutcome> parses = Caffeine.newBuilder().maximumWeight(TEXT_CACHE_CHARS)
            .weigher((String text, ParseOutcome parsed) -> text.length() * 2).build();
    private final Cache<String, String> formatted = Caffeine.newBuilder().maximumWeight(TEXT_CACHE_CHARS)
            .weigher((String text, String pretty) -> text.length() + pretty.length()).build();

    /** Splits text into single policies; a syntax error comes back with Cedar's message. */
    public ParseOutcome parse(String text) {
        ParseOutcome known = text == null ? null : parses.getIfPresent(text);
        return known != null ? known : nativeStack.call(() -> parseCached(text));
    }

    /** On the native stack: the cached outcome, or Cedar's. */
    private ParseOutcome parseCached(String text) {
        return text == null ? parseNow(null) : parses.get(text, this::parseNow);
    }

    /**
     * Why this text would not be handed to Cedar (nesting, operators, member chain or size beyond
     * {@link CedarLimits}); empty when it would. Callers that must refuse a request up front use this.
     */
    public Optional<String> limitViolation(String policyText) {
        return CedarLimits.checkPolicy(policyText);
    }

    private ParseOutcome parseNow(String text) {
        if (text == null || text.isBlank()) {
            return new ParseOutcome.SyntaxError("the statement is empty");
        }
        Optional<String> tooLarge = CedarLimits.checkPolicy(text);
        if (tooLarge.isPresent()) {
            return new ParseOutcome.SyntaxError(tooLarge.get());
        }
        try {
            PolicySet set = PolicySet.parsePolicies(text);
            List<Policy> ordered = new ArrayList<>(set.policies);
            ordered.sort((a, b) -> Integer.compare(policyIndex(a.getID()), policyIndex(b.getID())));
            return new ParseOutcome.Parsed(ordered.stream().map(Policy::getSource).toList());
        } catch (InternalException e) {
            return new ParseOutcome.SyntaxError(located(text).orElse(CedarMessages.clean(e.getMessage())));
        }
    }

    /**
     * Strictly validates exactly one policy against a gateway schema.
     *
     * @return Cedar's messages; empty when the policy parses, is a single policy and validates
     */
    public List<String> validate(CedarSchema schema, String policyText) {
        return validateAll(schema, List.of(policyText)).get(0);
    }

    /** The action id of a policy scoped {@code action == AgentCore::Action::"..."}, if it is one. */
    private Optional<String> singleActionOf(String policyText) {
        try {
            if (viewNow(policyText).action() instanceof PolicyView.ActionScope.Eq eq
                    && eq.action().type().endsWith("Action")) {
                return Optional.of(eq.action().id());
            }
        } catch (IllegalArgumentException notOnePolicy) {
            // validation against the full schema reports the problem with Cedar's own message
        }
        return Optional.empty();
    }

    /**
     * Strictly validates several statements against a gateway schema, with the same messages per statement as
     * {@link #validate(CedarSchema, String)} (Cedar may order them differently), in one native call: each call
     * reads the whole schema again, which is most of a validation's cost. Policies scoped to single actions are
     * validated against those actions' part of the schema.
     */
    public List<List<String>> validateAll(CedarSchema schema, List<String> policyTexts) {
        return nativeStack.call(() -> {
            List<List<String>> out = new ArrayList<>();
            Map<String, Integer> indexById = new HashMap<>();
            Set<Policy> singles = new HashSet<>();
            List<String> actions = new ArrayList<>();
            for (String text : policyTexts) {
                // A text Cedar has given a view of is exactly one static policy (its EST came from parsing it as
                // one), so it needs no separate parse (a native call) to say so; a view evicted meanwhile only
                // means the parse below runs.
                boolean single = text != null && views.getIfPresent(text) != null;
                ParseOutcome parsed = single ? null : parseCached(text);
                Optional<String> notOne = single ? Optional.empty() : CedarMessages.notOnePolicy(parsed);
                out.add(notOne.map(List::of).orElseGet(ArrayList::new));
                if (notOne.isEmpty()) {
                    String id = "policy" + (out.size() - 1);
                    indexById.put(id, out.size() - 1);
                    singles.add(new Policy(single ? text : ((ParseOutcome.Parsed) parsed).policies().get(0), id));
                    actions.add(singleActionOf(text).orElse(null));
                }
            }
            if (!singles.isEmpty()) {
                String schemaText = (actions.contains(null) ? Optional.<String>empty() : textFor(schema, actions))
                        .orElse(schema.cedarText());
                ValidationResponse response = validateSet(schemaText, new PolicySet(singles));
                if (response.errors.isPresent() && singles.size() > 1) {
                    // a failure of the call as a whole: validate one by one so each statement gets its own answer
                    indexById.values().forEach(i -> out.set(i, validate(schema, policyTexts.get(i))));
                } else {
                    response.errors.ifPresent(errs -> errs.forEach(e -> indexById.values().forEach(i -> out.get(i).add(CedarMessages.describe(e)))));
                    // each message names its policy as a call for it alone names it, so a statement reads the same
                    response.success.ifPresent(ok -> ok.validationErrors.forEach(e -> out.get(indexById.get(e.getPolicyId()))
                            .add(CedarMessages.describe(e.getError()).replace("`" + e.getPolicyId() + "`", "`policy0`"))));
                }
            }
            return out.stream().map(List::copyOf).toList();
        });
    }

    /**
     * {@link CedarSchema#cedarTextFor}, kept per schema for one action (every CreatePolicy asks for its action's):
     * building the text, and hashing a new string for the schema cache, cost more than this lookup. Schemas are
     * immutable and the gateway feature keeps one instance per version, so the instance is the key (weakly held).
     */
    private Optional<String> textFor(CedarSchema schema, List<String> actions) {
        if (actions.size() != 1) {
            return schema.cedarTextFor(actions);
        }
        return actionTexts.get(schema, s -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(actions.get(0), a -> schema.cedarTextFor(List.of(a)));
    }

    private ValidationResponse validateSet(String cedarSchemaText, PolicySet set) {
        try {
            return engine.validate(new ValidationRequest(schema(cedarSchemaText), set));
        } catch (AuthException e) {
            throw new CedarUnavailableException("validation failed to run", e);
        }
    }

    /** As {@link #validate(CedarSchema, String)} with a schema in Cedar syntax. */
    public List<String> validate(String cedarSchemaText, String policyText) {
        return nativeStack.call(() -> validateNow(cedarSchemaText, policyText));
    }

    private List<String> validateNow(String cedarSchemaText, String policyText) {
        ParseOutcome parsed = parseCached(policyText);
        Optional<String> notOne = CedarMessages.notOnePolicy(parsed);
        if (notOne.isPresent()) {
            return List.of(notOne.get());
        }
        List<String> policies = ((ParseOutcome.Parsed) parsed).policies();
        ValidationResponse response = validateSet(cedarSchemaText, new PolicySet(Set.of(new Policy(policies.get(0), "policy0"))));
        List<String> messages = new ArrayList<>();
        response.errors.ifPresent(errs -> errs.forEach(e -> messages.add(CedarMessages.describe(e))));
        response.success.ifPresent(s -> s.validationErrors.forEach(e -> messages.add(CedarMessages.describe(e.getError()))));
        return messages;
    }

    /** Cedar's own formatting; returns the input unchanged when it does not parse. */
    public String format(String policyText) {
        if (CedarLimits.checkPolicy(policyText).isPresent()) {
            return policyText;
        }
        String known = formatted.getIfPresent(policyText);
        if (known != null) {
            return known;
        }
        String pretty = nativeStack.call(() -> formatNow(policyText));
        formatted.put(policyText, pretty);
        formatted.put(pretty, pretty); // Cedar's formatting is idempotent: its output formats to itself
        return pretty;
    }

    private String formatNow(String policyText) {
        try {
            return PolicyFormatter.policiesStrToPrettyWithConfig(policyText, FORMAT).strip();
        } catch (InternalException e) {
            return policyText;
        }
    }

    /** The EST (JSON form) of one policy (not cached: the service works on {@link #view}s). */
    public JsonNode est(String policyText) {
        return nativeStack.call(() -> parseEstNow(policyText));
    }

    /**
     * The typed view of one policy (its EST read once; cached by text, immutable, so shared).
     *
     * @throws IllegalArgumentException when the text is not exactly one policy
     */
    public PolicyView view(String policyText) {
        PolicyView known = policyText == null ? null : views.getIfPresent(policyText);
        return known != null ? known : nativeStack.call(() -> viewNow(policyText));
    }

    /**
     * Whether the text is exactly one static policy, answered by getting its {@link #view} (one native call that
     * callers needing the view pay anyway); false for several policies, a template or a syntax error, which
     * {@link #parse} then tells apart.
     */
    public boolean isOnePolicy(String policyText) {
        if (policyText == null) {
            return false;
        }
        try {
            view(policyText);
            return true;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    /** On the native stack: the cached view, read from the EST on a miss. */
    private PolicyView viewNow(String policyText) {
        return views.get(policyText, text -> EstReader.read(parseEstNow(text)));
    }

    private JsonNode parseEstNow(String policyText) {
        Optional<String> tooLarge = CedarLimits.checkPolicy(policyText);
        if (tooLarge.isPresent()) {
            throw new IllegalArgumentException("not a single Cedar policy: " + tooLarge.get());
        }
        try {
            // toJson parses the text as exactly one static policy itself (several policies or a template are
            // errors with the same messages as parseStaticPolicy), so a separate parse would only repeat it
            return EST_READER.readTree(new Policy(policyText, "policy0").toJson());
        } catch (InternalException e) {
            throw new IllegalArgumentException("not a single Cedar policy: " + CedarMessages.clean(e.getMessage()));
        } catch (java.io.IOException e) {
            throw new CedarUnavailableException("EST could not be read", e);
        }
    }

    /** Parses a schema in Cedar syntax (cached), or returns Cedar's error. */
    public Optional<String> schemaError(String cedarSchemaText) {
        Optional<String> tooLarge = CedarLimits.checkSchema(cedarSchemaText);
        if (tooLarge.isPresent()) {
            return tooLarge;
        }
        return nativeStack.call(() -> schemaErrorNow(cedarSchemaText));
    }

    private Optional<String> schemaErrorNow(String cedarSchemaText) {
        try {
            Schema.parse(Schema.JsonOrCedar.Cedar, cedarSchemaText).toJsonFormat();
            return Optional.empty();
        } catch (InternalException | java.io.IOException e) {
            return Optional.of(CedarMessages.clean(e.getMessage()));
        }
    }

    /** The Cedar JSON-format schema of a schema in Cedar syntax. */
    public JsonNode schemaToJson(String cedarSchemaText) {
        CedarLimits.checkSchema(cedarSchemaText).ifPresent(tooLarge -> {
            throw new IllegalArgumentException(tooLarge);
        });
        return nativeStack.call(() -> schemaToJsonNow(cedarSchemaText));
    }

    private JsonNode schemaToJsonNow(String cedarSchemaText) {
        try {
            return Schema.parse(Schema.JsonOrCedar.Cedar, cedarSchemaText).toJsonFormat();
        } catch (InternalException | java.io.IOException e) {
            throw new IllegalArgumentException("invalid Cedar schema: " + CedarMessages.clean(e.getMessage()), e);
        }
    }

    /**
     * Evaluates a request against named policies (id -> text). The input is typed with the action's
     * schema when one is given, so JSON numbers on {@code decimal} attributes become Cedar decimals.
     */
    public Decision authorize(Map<String, String> policies, AuthRequest request, Optional<? extends CedarSchema> schema) {
        return nativeStack.call(() -> authorizeNow(policySet(policies), request, schema));
    }

    /**
     * Evaluates several requests against one set of named policies; the set is parsed and cached on the
     * native side once, so each decision does not parse the policies again (a decision example's four to six
     * evaluations of one policy: ~330 instead of ~620 us of CPU for four).
     */
    public List<Decision> authorizeAll(Map<String, String> policies, List<AuthRequest> requests,
                                       Optional<? extends CedarSchema> schema) {
        return nativeStack.call(() -> authorizeAllNow(policies, requests, schema));
    }

    private List<Decision> authorizeAllNow(Map<String, String> policies, List<AuthRequest> requests,
                                           Optional<? extends CedarSchema> schema) {
        PolicySet set = policySet(policies);
        if (requests.size() > 1) {
            try {
                set.cache();
            } catch (com.cedarpolicy.model.exception.CacheException | RuntimeException e) {
                // caching is an optimisation only; the uncached path decides the same
            }
        }
        List<Decision> out = new ArrayList<>(requests.size());
        for (AuthRequest r : requests) {
            out.add(authorizeNow(set, r, schema));
        }
        return out;
    }

    /**
     * A policy set parsed once and cached on the native side, for evaluating many requests against the
     * same policies (the authorize endpoint, test runs, the MCP test endpoint). Ids are the map's keys.
     */
    public PreparedPolicies prepare(Map<String, String> policies) {
        return nativeStack.call(() -> prepareNow(policies));
    }

    private PreparedPolicies prepareNow(Map<String, String> policies) {
        PolicySet set = policySet(policies);
        if (!policies.isEmpty()) {
            try {
                set.cache();
            } catch (com.cedarpolicy.model.exception.CacheException | RuntimeException e) {
                // caching is an optimisation only; the uncached path decides the same
            }
        }
        return new PreparedPolicies(set, policies.size());
    }

    /** Evaluates one request against a prepared set (see {@link #authorize(Map, AuthRequest, Optional)}). */
    public Decision authorize(PreparedPolicies policies, AuthRequest request, Optional<? extends CedarSchema> schema) {
        return nativeStack.call(() -> authorizeNow(policies.set(), request, schema));
    }

    /**
     * Whether some input could be allowed: the request evaluated with {@code context.input} unknown (Cedar's
     * partial evaluation). A definite decision is the same for every input; otherwise the policies that depend
     * on the input are left as residuals and the decision is {@link InputDependence#DEPENDS_ON_INPUT}.
     * {@code request.input()} is ignored. The set is serialised whole (partial evaluation has no cached path).
     */
    public InputDependence authorizeAnyInput(PreparedPolicies policies, AuthRequest request) {
        return nativeStack.call(() -> {
            RequestEntities.BuiltPartial built = requestEntities.buildWithUnknownInput(request);
            try {
                PartialAuthorizationResponse response = engine.isAuthorizedPartial(built.request(), policies.set(),
                        built.entities());
                if (response.success.isEmpty()) {
                    throw new CedarUnavailableException("partial evaluation failed: " + response.errors
                            .map(l -> l.stream().map(CedarMessages::describe).toList()).orElse(List.of()), null);
                }
                AuthorizationSuccessResponse.Decision decision = response.success.get().getDecision();
                if (decision == null) {
                    return InputDependence.DEPENDS_ON_INPUT;
                }
                return decision == AuthorizationSuccessResponse.Decision.Allow ? InputDependence.ALLOW : InputDependence.DENY;
            } catch (AuthException e) {
                throw new CedarUnavailableException("partial evaluation failed to run", e);
            }
        });
    }

    /** A decision over every possible input of one request. */
    public enum InputDependence {
        /** Allowed whatever the input. */
        ALLOW,
        /** Denied whatever the input. */
        DENY,
        /** Policies that could decide depend on the input (some input may be allowed, some denied). */
        DEPENDS_ON_INPUT
    }

    /**
     * Runs {@code work} on one of Cedar's large-stack threads; the Cedar calls it makes run inline there. On such
     * a thread already (HTTP requests, generation jobs) it runs inline; from any other thread a batch of
     * evaluations (a test run's cases, the enforced and LOG_ONLY decisions of one request, the tools tried for
     * {@code tools/list}) pays one hand-off instead of one per call: the hand-off (waking the Cedar thread, then
     * the caller) costs more than a cached evaluation.
     */
    public <T> T batch(java.util.function.Supplier<T> work) {
        return nativeStack.call(work::get);
    }

    /**
     * A thread factory for pools whose work calls Cedar (generation jobs, HTTP request threads): its threads
     * have the same large stack as Cedar's own, so Cedar calls made on them run inline and skip the hand-off.
     */
    public static java.util.concurrent.ThreadFactory largeStackThreads(String prefix) {
        return NativeStack.threadFactory(prefix);
    }

    /** Whether Cedar calls made on the current thread run inline (it has the large stack). */
    public static boolean onLargeStack() {
        return NativeStack.onLargeStack();
    }

    /** Opaque handle on a parsed, natively cached policy set. */
    public static final class PreparedPolicies {
        private final PolicySet set;
        private final int size;

        private PreparedPolicies(PolicySet set, int size) {
            this.set = set;
            this.size = size;
        }

        PolicySet set() {
            return set;
        }

        public int size() {
            return size;
        }
    }

    private static PolicySet policySet(Map<String, String> policies) {
        Set<Policy> set = new HashSet<>();
        policies.forEach((id, text) -> {
            CedarLimits.checkPolicy(text).ifPresent(tooLarge -> {
                throw new IllegalArgumentException("policy " + id + ": " + tooLarge);
            });
            set.add(new Policy(text, id));
        });
        return new PolicySet(set);
    }

    private Decision authorizeNow(PolicySet set, AuthRequest request, Optional<? extends CedarSchema> schema) {
        Optional<CedarType.RecordType> inputType = schema.isEmpty() ? Optional.empty() : schema.get().inputOf(request.actionId());
        RequestEntities.Built built = requestEntities.build(request, inputType);
        try {
            AuthorizationResponse response = engine.isAuthorized(built.request(), set, built.entities());
            if (response.success.isEmpty()) {
                List<String> errors = response.errors.map(l -> l.stream().map(CedarMessages::describe).toList()).orElse(List.of());
                return new Decision(false, Set.of(), errors);
            }
            AuthorizationSuccessResponse ok = response.success.get();
            List<String> errors = ok.getErrors().isEmpty() ? List.of() : ok.getErrors().stream().map(Object::toString).toList();
            return new Decision(ok.isAllowed(), ok.getReason(), errors);
        } catch (AuthException e) {
            throw new CedarUnavailableException("authorization failed to run", e);
        }
    }

    private Schema schema(String cedarSchemaText) {
        CedarLimits.checkSchema(cedarSchemaText).ifPresent(tooLarge -> {
            throw new IllegalArgumentException("invalid Cedar schema: " + tooLarge);
        });
        return schemas.get(cedarSchemaText, text -> {
            try {
                // Validation re-reads the schema on every call (cedar-java 4.10 caches schemas natively for
                // authorization only). Its JSON form is read faster than Cedar syntax (a validation of one policy
                // against one action's schema: ~330 instead of ~480 us), so keep that one: the same schema,
                // converted by Cedar itself.
                return new Schema(Schema.parse(Schema.JsonOrCedar.Cedar, text).toJsonFormat());
            } catch (InternalException | java.io.IOException e) {
                throw new IllegalArgumentException("invalid Cedar schema: " + CedarMessages.clean(e.getMessage()), e);
            }
        });
    }

    /**
     * parsePolicies reports syntax errors without a location; validation of the same text as one
     * policy reports it with character offsets, which is what a person needs to find the mistake.
     */
    private Optional<String> located(String text) {
        try {
            Schema empty = schema("");
            ValidationResponse r = engine.validate(new ValidationRequest(empty, new PolicySet(Set.of(new Policy(text, "p")))));
            return r.errors.flatMap(errs -> errs.stream().findFirst()).map(e -> {
                String where = e.sourceLocations.isEmpty() ? ""
                        : " at characters " + e.sourceLocations.get(0).start + "-" + e.sourceLocations.get(0).end;
                return CedarMessages.clean(e.message).replace("failed to parse policy with id `p` from string: ", "") + where;
            });
        } catch (AuthException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static com.fasterxml.jackson.databind.ObjectMapper estReader() {
        com.fasterxml.jackson.databind.ObjectMapper reader = Json.copy();
        reader.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxNestingDepth(20_000).build());
        return reader;
    }

    private static int policyIndex(String id) {
        try {
            return Integer.parseInt(id.replace("policy", ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

}
