package com.cedarauthoring.bench.jmh;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.generation.PipelineOutcome;
import com.cedarauthoring.generation.GenerationPipeline;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.model.BedrockTranslator;
import com.cedarauthoring.translate.model.ModelTranslatorConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The model path's generation pipeline in process: one requirement through the Bedrock translator (LangChain4j,
 * the AWS SDK and its Apache client over loopback) against a Converse stub in this JVM that answers at once, then
 * the pipeline's checks, grounding, analysis, explanation and decision examples. The load driver's {@code model}
 * scenario without HTTP, database or job engine. Every call asks about a new amount and the stub answers with it,
 * so no cache keyed by the policy text answers for an earlier call. Read it with
 * {@code -prof com.cedarauthoring.bench.jmh.ProcessCpuProfiler} on a busy machine (CPU per operation).
 *
 * <pre>java -jar benchmarks/jmh/target/jmh-benchmarks.jar ModelPipelineBenchmark -prof com.cedarauthoring.bench.jmh.ProcessCpuProfiler</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ModelPipelineBenchmark {
    private static final String GATEWAY_ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/bench";
    private final Cedar cedar = new Cedar();
    private HttpServer stub;
    private BedrockTranslator translator;
    private GenerationPipeline pipeline;
    private GatewaySchema schema;
    /** The amount of the call in flight: the requirement says it, the stub's policy uses it. */
    private volatile long amount = 500;

    @Setup
    public void setUp() throws IOException {
        // Without TCP_NODELAY the JDK server and the SDK's client wait on delayed ACKs (~40 ms per call).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        schema = RefundGateway.schema(cedar);
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        stub.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] body = answer(amount);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        stub.start();
        ModelTranslatorConfig config = ModelTranslatorConfig.of(ModelTranslatorConfig.Mode.BEDROCK,
                "us.anthropic.claude-3-7-sonnet-20250219-v1:0", "us-west-2",
                Optional.of(URI.create("http://127.0.0.1:" + stub.getAddress().getPort())), 4, 2, Duration.ofSeconds(30));
        translator = BedrockTranslator.create(config, cedar,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench-secret")));
        pipeline = new GenerationPipeline(new RequirementSplitter()::split, translator, cedar, new PolicyAnalyzer(cedar),
                new Explainer(cedar), new DecisionExamples(cedar));
    }

    @TearDown
    public void tearDown() {
        translator.close();
        stub.stop(0);
    }

    private static byte[] answer(long amount) {
        String requirement = requirement(amount);
        String cedar = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\", "
                + "resource == AgentCore::Gateway::\"" + GATEWAY_ARN + "\") when { principal.hasTag(\"username\") && "
                + "principal.getTag(\"username\") == \"refund-agent\" && context.input.amount < " + amount + " };";
        ObjectNode policies = Json.mapper().createObjectNode();
        policies.putArray("policies").addObject().put("rawTextFragment", requirement).put("cedar", cedar).putArray("ambiguities");
        ObjectNode response = Json.mapper().createObjectNode();
        ObjectNode message = response.putObject("output").putObject("message").put("role", "assistant");
        try {
            message.putArray("content").addObject().put("text", Json.mapper().writeValueAsString(policies));
            response.put("stopReason", "end_turn");
            return Json.mapper().writeValueAsBytes(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requirement(long amount) {
        return "Allow user refund-agent to process refunds when the amount is less than $" + amount + ".";
    }

    @Benchmark
    public PipelineOutcome oneRequirement() {
        long n = amount = 500 + (amount - 499) % 9_000;
        // a generation job runs on one of Cedar's large-stack threads, where its Cedar calls run inline
        PipelineOutcome outcome = cedar.batch(() -> pipeline.run(requirement(n), schema));
        if (!(outcome instanceof PipelineOutcome.Completed done) || done.assets().size() != 1
                || done.assets().get(0).findings().stream().anyMatch(f -> f.type() != FindingType.VALID)) {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
        return outcome;
    }
}
