package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.SchemaDeriver;
import com.cedarauthoring.gateway.ToolDefinitions;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The grammar alone (tokens, parse, Cedar text), without Cedar's JNI formatter: the translator's own share of
 * a new requirement. In the translator's package on purpose, because the parser is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesParseBenchmark {
    private static final String TEXT = "Allow users with role manager and scope payment:approve to process refunds when the amount "
            + "is under $500 and a reason is provided, or the amount is below 10";
    private SchemaIndex index;

    @Setup
    public void setUp() throws Exception {
        Cedar cedar = new Cedar();
        JsonNode fixture = new ObjectMapper().readTree(Files.readString(Path.of("fixtures/gateways/refund.json")));
        List<SchemaDeriver.TargetTools> tools = new ArrayList<>();
        for (JsonNode t : fixture.path("targets")) {
            tools.add(new SchemaDeriver.TargetTools(t.path("name").asText(), ToolDefinitions.of(t.path("targetConfiguration"))));
        }
        GatewaySchema schema = new SchemaDeriver(cedar).derive("arn:aws:bedrock-agentcore:us-west-2:123456789012:gateway/bench",
                AuthorizerType.CUSTOM_JWT, tools);
        index = new SchemaIndex(schema);
    }

    @Benchmark
    public String parseAndEmit() {
        Reading r = new SentenceParser(new Parse(index, Tokens.of(TEXT), new Choices())).parse();
        List<Cond> conj = new ArrayList<>(r.principal());
        conj.addAll(r.whenReadings());
        return CedarEmitter.policy(index.schema, r.forbid(), r.anyPrincipalType(), r.action(), conj, r.unless());
    }
}
