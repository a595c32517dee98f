package com.cedarauthoring.translate.model;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.CandidateCheck;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingCode;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Provenance;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockChatRequestParameters;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Translates with a Bedrock model through LangChain4j, then trusts nothing it says: every policy is
 * parsed, strictly validated and scope-checked, and failures are sent back for repair a bounded number
 * of times. Model calls are bounded by a semaphore shared by all callers (job threads, never HTTP
 * threads) and by our own retry loop; the SDK and LangChain4j retries are off so the bound is exact.
 */
public final class BedrockTranslator implements Translator, AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BedrockTranslator.class);
    public static final String NAME = "bedrock";
    static final String CODE_MODEL_OUTPUT = "MODEL_OUTPUT";
    static final String CODE_MODEL_AMBIGUITY = "MODEL_AMBIGUITY";
    private static final int MAX_RAW_RESPONSE_CHARS = 16_000;
    private static final ResponseFormat RESPONSE_FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("PolicyOut").rootElement(JsonObjectSchema.builder()
                    .addProperty("policies", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                            .addStringProperty("rawTextFragment")
                            .addStringProperty("cedar")
                            .addProperty("ambiguities", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                            .addProperty("alignment", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                                    .addStringProperty("role").addStringProperty("target").addStringProperty("words")
                                    .required("role", "target", "words").additionalProperties(false).build()).build())
                            .required("rawTextFragment", "cedar", "ambiguities", "alignment")
                            .additionalProperties(false)
                            .build()).build())
                    .required("policies")
                    .additionalProperties(false)
                    .build()).build())
            .build();

    private final ModelTranslatorConfig config;
    private final RegionPinning.Pinned pinned;
    private final CandidateCheck candidateCheck;
    private final AwsCredentialsProvider credentials;
    private final BedrockRuntimeClient client;
    private final ChatModel model;
    private final PromptTemplates prompts;
    private final Semaphore permits;
    private final ModelCallEvents events;
    // Rendering the system prompt and hashing it is per gateway, not per requirement.
    private final Cache<GatewaySchema, RenderedSystem> systemPrompts = Caffeine.newBuilder().maximumSize(256).build();

    private volatile boolean structuredOutputRefused;

    private record RenderedSystem(String text, String sha256) {}

    private BedrockTranslator(ModelTranslatorConfig config, Cedar cedar, AwsCredentialsProvider credentials,
                              ModelCallEvents events) {
        this.config = config;
        this.events = events;
        // Checked before any client exists: a refused id never gets a client, in any region.
        this.pinned = RegionPinning.pin(config.region(), config.modelId());
        this.candidateCheck = new CandidateCheck(cedar);
        this.credentials = credentials;
        this.prompts = PromptTemplates.load(PromptTemplates.VERSION);
        this.permits = new Semaphore(config.maxModelConcurrency(), true);
        var builder = BedrockRuntimeClient.builder()
                .region(Region.of(pinned.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(Math.max(50, config.maxModelConcurrency()))
                        .socketTimeout(config.modelTimeout().plusSeconds(5)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(config.modelTimeout()));
        config.bedrockEndpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        this.model = BedrockChatModel.builder()
                .client(client)
                .modelId(pinned.modelId())
                .maxRetries(0)
                .defaultRequestParameters(BedrockChatRequestParameters.builder()
                        .temperature(0.0).maxOutputTokens(4096).build())
                .build();
    }

    /** Production: credentials from the AWS default provider chain. Throws if the model id is refused. */
    public static BedrockTranslator create(ModelTranslatorConfig config, Cedar cedar) {
        return create(config, cedar, ModelCallEvents.NONE);
    }

    /** Production, reporting every model call to {@code events} (the service's metrics). */
    public static BedrockTranslator create(ModelTranslatorConfig config, Cedar cedar, ModelCallEvents events) {
        return create(config, cedar, DefaultCredentialsProvider.builder().build(), events);
    }

    /** With explicit credentials (tests, or a caller that manages its own). */
    public static BedrockTranslator create(ModelTranslatorConfig config, Cedar cedar, AwsCredentialsProvider credentials) {
        return create(config, cedar, credentials, ModelCallEvents.NONE);
    }

    /** Reporting every model call to {@code events} (the service's metrics). */
    public static BedrockTranslator create(ModelTranslatorConfig config, Cedar cedar, AwsCredentialsProvider credentials,
                                           ModelCallEvents events) {
        if (!config.mode().usesModel()) {
            throw new IllegalArgumentException("the Bedrock translator needs translator mode bedrock or hybrid");
        }
        return new BedrockTranslator(config, cedar, credentials, events);
    }

    @Override
    public String name() {
        return NAME;
    }

    public String modelId() {
        return pinned.modelId();
    }

    @Override
    public TranslationOutcome translate(TranslationRequest request) {
        GatewaySchema schema = request.schema();
        RenderedSystem rendered = systemPrompts.get(schema, s -> {
            String text = prompts.system(s);
            return new RenderedSystem(text, PromptTemplates.sha256(text));
        });
        String system = rendered.text();
        String systemSha = rendered.sha256();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(system));
        messages.add(UserMessage.from(prompts.user(request.requirement().text())));
        Evaluation evaluation = null;
        String raw = "";
        int attempts = 0;
        while (attempts <= config.repairAttempts()) {
            attempts++;
            Answer answer = call(messages);
            if (answer instanceof Answer.Fault fault) {
                return new TranslationOutcome.Failed(fault.fault().reason(), fault.fault().retryable());
            }
            raw = ((Answer.Text) answer).text();
            evaluation = evaluate(raw, schema);
            if (evaluation.problems().isEmpty()) {
                break;
            }
            if (attempts <= config.repairAttempts()) {
                messages.add(AiMessage.from(raw.isBlank() ? "(empty answer)" : raw));
                messages.add(UserMessage.from(prompts.repair(evaluation.problems(), schema)));
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("region", pinned.region());
        details.put("geography", pinned.geography().name());
        details.put("promptTemplateSha256", prompts.templateSha256());
        details.put("rawResponse", raw.length() > MAX_RAW_RESPONSE_CHARS ? raw.substring(0, MAX_RAW_RESPONSE_CHARS) : raw);
        Provenance provenance = new Provenance(NAME, pinned.modelId(), prompts.version(), systemSha, attempts, details);
        return new TranslationOutcome.Candidates(evaluation.candidates(request.requirement(), provenance, attempts));
    }

    // ---- one model call: concurrency bound, bounded retry with backoff and jitter ----

    private sealed interface Answer {
        record Text(String text) implements Answer {}

        record Fault(BedrockFault fault) implements Answer {}
    }

    private Answer call(List<ChatMessage> messages) {
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            return new Answer.Fault(new BedrockFault("no usable AWS credentials (" + e.getClass().getSimpleName()
                    + "): refresh AWS credentials for the default provider chain (environment, profile, SSO, "
                    + "instance role) and run the generation again", false, false));
        }
        boolean structured = config.structuredOutput() && !structuredOutputRefused;
        ChatRequest chatRequest = chatRequest(messages, structured);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Fault(new BedrockFault("interrupted while waiting for a model slot; retry", false, true));
        }
        try {
            for (int retry = 0; ; retry++) {
                long started = System.nanoTime();
                try {
                    ChatResponse response = model.chat(chatRequest);
                    events.attempt(Duration.ofNanos(System.nanoTime() - started), ModelCallEvents.Attempt.ANSWERED);
                    if (structured != (config.structuredOutput() && !structuredOutputRefused)) {
                        // Only a success without the schema proves the schema was the problem.
                        log.warn("Bedrock refused structured output for {}; continuing without it", pinned.modelId());
                        structuredOutputRefused = true;
                    }
                    AiMessage ai = response.aiMessage();
                    return new Answer.Text(ai == null || ai.text() == null ? "" : ai.text());
                } catch (RuntimeException e) {
                    BedrockFault fault = BedrockFault.classify(e, pinned.modelId(), pinned.region(), config.modelTimeout());
                    events.attempt(Duration.ofNanos(System.nanoTime() - started), fault.throttled()
                            ? ModelCallEvents.Attempt.THROTTLED : ModelCallEvents.Attempt.FAILED);
                    if (fault.badRequest() && structured) {
                        // Not every model supports structured output; the prompt alone asks for the same
                        // JSON and the parser checks it, so try once without the schema.
                        structured = false;
                        chatRequest = chatRequest(messages, false);
                        retry--;
                        continue;
                    }
                    if (!fault.retryInLoop() || retry >= config.retry().maxRetries()) {
                        events.gaveUp();
                        return new Answer.Fault(fault);
                    }
                    events.retry();
                    if (!sleep(backoff(retry))) {
                        return new Answer.Fault(new BedrockFault("interrupted while backing off; retry", false, true));
                    }
                }
            }
        } finally {
            permits.release();
        }
    }

    private static ChatRequest chatRequest(List<ChatMessage> messages, boolean structured) {
        ChatRequest.Builder chat = ChatRequest.builder().messages(List.copyOf(messages));
        if (structured) {
            chat.responseFormat(RESPONSE_FORMAT);
        }
        return chat.build();
    }

    /** Full jitter: uniform in [0, min(max, base * 2^retry)]. */
    private Duration backoff(int retry) {
        long cap = Math.min(config.retry().maxDelay().toMillis(),
                config.retry().baseDelay().toMillis() * (1L << Math.min(retry, 20)));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- checking what the model said ----

    /** One checked policy: its text, the problems found by finding code, and the passed check when none. */
    private record Checked(ModelOutput.Policy policy, String cedar, Map<String, List<String>> problemsByCode,
                           Optional<CandidateCheck.Outcome.Valid> valid) {}

    private record Evaluation(Optional<String> unreadable, List<Checked> checked) {
        List<String> problems() {
            if (unreadable.isPresent()) {
                return List.of(unreadable.get());
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                for (var e : checked.get(i).problemsByCode().entrySet()) {
                    for (String m : e.getValue()) {
                        out.add("policies[" + i + "] " + e.getKey() + ": " + m);
                    }
                }
            }
            return out;
        }

        List<Candidate> candidates(Requirement requirement, Provenance provenance, int attempts) {
            if (unreadable.isPresent()) {
                return List.of(new Candidate(requirement.text(), requirement.span(), Optional.empty(),
                        List.of(Finding.of(FindingType.NOT_TRANSLATABLE, CODE_MODEL_OUTPUT,
                                "the model gave no usable answer after " + attempts + " attempt(s): "
                                        + unreadable.get(), requirement.span())),
                        provenance));
            }
            return checked.stream().map(c -> candidate(c, requirement, provenance, attempts)).toList();
        }
    }

    private Evaluation evaluate(String raw, GatewaySchema schema) {
        ModelOutput output = ModelOutput.parse(raw);
        if (output instanceof ModelOutput.Unreadable u) {
            return new Evaluation(Optional.of(u.problem()), List.of());
        }
        List<Checked> checked = new ArrayList<>();
        for (ModelOutput.Policy p : ((ModelOutput.Policies) output).policies()) {
            if (p.cedar().isBlank()) {
                checked.add(new Checked(p, "", Map.of(), Optional.empty()));
                continue;
            }
            CandidateCheck.Outcome outcome = candidateCheck.check(p.cedar(), schema);
            String text = outcome instanceof CandidateCheck.Outcome.Valid v ? v.policy()
                    : ((CandidateCheck.Outcome.Invalid) outcome).statement();
            Map<String, List<String>> problems = new LinkedHashMap<>();
            if (outcome instanceof CandidateCheck.Outcome.Invalid invalid) {
                invalid.problems().forEach((code, messages) -> problems.put(code.name(), messages));
            }
            // The passed check goes with the candidate: the pipeline then stores this text without validating it again.
            checked.add(new Checked(p, text, problems, outcome instanceof CandidateCheck.Outcome.Valid v
                    ? Optional.of(v) : Optional.empty()));
        }
        return new Evaluation(Optional.empty(), checked);
    }

    private static Candidate candidate(Checked c, Requirement requirement, Provenance provenance, int attempts) {
        String fragment = PromptTemplates.unescape(c.policy().rawTextFragment()).strip();
        int at = fragment.isEmpty() ? -1 : requirement.text().indexOf(fragment);
        Span span = at < 0 ? requirement.span()
                : new Span(requirement.span().start() + at, requirement.span().start() + at + fragment.length());
        String covered = at < 0 ? requirement.text() : fragment;
        List<Finding> findings = new ArrayList<>();
        if (c.cedar().isEmpty()) {
            String why = c.policy().ambiguities().isEmpty() ? "the model could not express this requirement in Cedar"
                    : "the model could not express this requirement in Cedar: " + String.join("; ", c.policy().ambiguities());
            findings.add(Finding.of(FindingType.NOT_TRANSLATABLE, "UNSUPPORTED_CONSTRUCT", why, span));
            return new Candidate(covered, span, Optional.empty(), findings, provenance);
        }
        c.problemsByCode().forEach((code, messages) -> findings.add(Finding.of(FindingType.INVALID, code,
                (code.equals("SCOPE_VIOLATION") ? "the policy reaches beyond this gateway or lacks a guard" : "Cedar rejected the policy")
                        + " after " + attempts + " attempt(s): " + String.join("; ", messages), span)));
        c.policy().ambiguities().forEach(a -> findings.add(Finding.of(FindingType.AMBIGUOUS, CODE_MODEL_AMBIGUITY, a, span)));
        Alignment alignment = alignment(c.policy().alignment(), covered, span, findings);
        return new Candidate(covered, span, Optional.of(c.cedar()), findings, provenance, alignment, c.valid());
    }

    /**
     * The model's alignment as spans into the raw text. Words it claims that the requirement does not
     * contain are a finding here; whether the words support the part is the grounding check's to judge.
     */
    private static Alignment alignment(List<ModelOutput.Aligned> claimed, String covered, Span span, List<Finding> findings) {
        List<Alignment.Part> parts = new ArrayList<>();
        String lower = covered.toLowerCase(java.util.Locale.ROOT);
        for (ModelOutput.Aligned a : claimed) {
            String words = PromptTemplates.unescape(a.words()).strip();
            int at = words.isEmpty() ? -1 : lower.indexOf(words.toLowerCase(java.util.Locale.ROOT));
            if (at < 0) {
                findings.add(FindingCode.ALIGNMENT_MISMATCH.finding("the model says " + a.target() + " comes from \""
                        + words + "\", which the requirement does not contain", span));
                continue;
            }
            parts.add(new Alignment.Part(a.role(), a.target(),
                    List.of(new Span(span.start() + at, span.start() + at + words.length()))));
        }
        return new Alignment(parts);
    }

    @Override
    public void close() {
        client.close();
    }
}
