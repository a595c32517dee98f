package com.cedarauthoring.jmh;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.SchemaDeriver;
import com.cedarauthoring.gateway.ToolDefinitions;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.rules.RulesTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to translate one requirement with the rules translator (issue 7: under 1 ms p50). {@code repeated}
 * translates the same sentences again (the formatted-policy cache hits, as in a re-run generation);
 * {@code unique} changes the amount on every call, so every policy is new and goes through Cedar's formatter
 * (JNI). Run from the repository root (reads fixtures/gateways/refund.json):
 * <pre>java -jar benchmarks/jmh/target/jmh-benchmarks.jar RulesTranslatorBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesTranslatorBenchmark {
    private static final String[] SENTENCES = {
            "Allow user refund-agent to process refunds when the amount is less than $%d",
            "Block users with role intern from processing refunds when the amount is at or above $%d",
            "Allow users with role manager and scope payment:approve to process refunds when the amount is under $%d "
                    + "and a reason is provided, or the amount is below 10",
            "Refunds over $%d must be blocked unless the reason is damaged",
    };

    @Param({"repeated", "unique"})
    public String mode;

    private RulesTranslator translator;
    private GatewaySchema schema;
    private long n;

    @Setup
    public void setUp() throws Exception {
        Cedar cedar = new Cedar();
        translator = new RulesTranslator(cedar);
        JsonNode fixture = new ObjectMapper().readTree(Files.readString(Path.of("fixtures/gateways/refund.json")));
        List<SchemaDeriver.TargetTools> tools = new ArrayList<>();
        for (JsonNode t : fixture.path("targets")) {
            tools.add(new SchemaDeriver.TargetTools(t.path("name").asText(), ToolDefinitions.of(t.path("targetConfiguration"))));
        }
        schema = new SchemaDeriver(cedar).derive("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/bench",
                AuthorizerType.CUSTOM_JWT, tools);
    }

    @Benchmark
    public TranslationOutcome translateOneRequirement() {
        long k = n++;
        int amount = mode.equals("repeated") ? 500 : 500 + (int) (k % 1_000_000);
        String text = String.format(SENTENCES[(int) (k % SENTENCES.length)], amount);
        return translator.translate(new TranslationRequest(new Requirement(text, new Span(0, text.length())), text, schema));
    }
}
