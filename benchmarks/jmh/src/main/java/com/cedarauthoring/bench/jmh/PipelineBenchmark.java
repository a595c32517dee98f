package com.cedarauthoring.bench.jmh;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.generation.GenerationPipeline;
import com.cedarauthoring.generation.PipelineOutcome;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.rules.RulesTranslator;
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
 * The whole generation pipeline in process (split, translate, parse, scope and grounding checks, strict
 * validation, findings, explanation, decision examples) on the load driver's three-requirement input, with
 * new names and amounts on every call so no cache answers for an earlier one. This is the generation job's
 * CPU without HTTP, database or job engine: the load driver's figures minus this one are the service's
 * plumbing. Like the job, the whole run happens on one of Cedar's large-stack threads (one hand-off per
 * generation), so its Cedar calls run inline.
 *
 * <pre>java -jar benchmarks/jmh/target/jmh-benchmarks.jar PipelineBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PipelineBenchmark {
    private final Cedar cedar = new Cedar();
    private GenerationPipeline pipeline;
    private GatewaySchema schema;
    private long next;

    @Setup
    public void setUp() {
        schema = RefundGateway.schema(cedar);
        pipeline = new GenerationPipeline(new RequirementSplitter()::split, new RulesTranslator(cedar), cedar,
                new PolicyAnalyzer(cedar), new Explainer(cedar), new DecisionExamples(cedar));
    }

    /** The load driver's input (benchmarks/LoadDriver#rawText): three requirements, three policies. */
    static String rawText(long n) {
        return "Allow user refund-agent-" + n + " to process refunds when the amount is less than $" + (500 + n % 9_000) + ". "
                + "Block users from processing refunds when the amount exceeds $" + (10_000 + n) + ". "
                + "Allow users with role support-" + n + " to check refund status.";
    }

    @Benchmark
    public PipelineOutcome threeRequirements() {
        // a generation job runs on one of Cedar's large-stack threads, where its Cedar calls run inline
        PipelineOutcome outcome = cedar.batch(() -> pipeline.run(rawText(next++), schema));
        if (!(outcome instanceof PipelineOutcome.Completed done) || done.assets().size() != 3) {
            throw new IllegalStateException("unexpected outcome " + outcome);
        }
        return outcome;
    }
}
