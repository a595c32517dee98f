package com.cedarauthoring.bench.jmh;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.cedar.est.EstReader;
import com.cedarauthoring.cedar.est.PolicyView;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.grounding.GroundingCheck;
import com.cedarauthoring.grounding.GroundingResult;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.rules.RulesTranslator;
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
 * One requirement through the rules translator and the grounding check (cedar-conventions.md section 5),
 * in process. Inputs vary (64 sentences with different amounts and roles) so no cache answers for an
 * earlier one. {@code translateAndGround} includes the EST read of the new policy (one JNI call, as the
 * pipeline does); {@code groundOnly} is the check itself on a prepared policy view.
 *
 * <pre>java -jar benchmarks/jmh/target/jmh-benchmarks.jar GroundingBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GroundingBenchmark {
    private final Cedar cedar = new Cedar();
    private final GroundingCheck grounding = new GroundingCheck();
    private RulesTranslator translator;
    private GatewaySchema schema;
    private final List<String> sentences = new ArrayList<>();
    private final List<PolicyView> views = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        translator = new RulesTranslator(cedar);
        schema = RefundGateway.schema(cedar);
        String[] roles = {"clerk", "auditor", "support", "manager"};
        for (int i = 0; i < 64; i++) {
            String s = "Allow users with role " + roles[i % 4] + " to process refunds when the amount is under $"
                    + (100 + 37 * i) + " and a reason is provided";
            sentences.add(s);
            Candidate c = candidate(s);
            views.add(EstReader.read(cedar.est(c.cedar().orElseThrow())));
        }
    }

    private Candidate candidate(String sentence) {
        TranslationOutcome out = translator.translate(new TranslationRequest(
                new Requirement(sentence, new Span(0, sentence.length())), sentence, schema));
        return ((TranslationOutcome.Candidates) out).candidates().get(0);
    }

    @Benchmark
    public GroundingResult translateAndGround() {
        // a new amount every call: neither the translator nor Cedar's EST cache has seen this policy
        int n = next++;
        String sentence = sentences.get(n & 63).replaceFirst("\\$\\d+", "\\$" + (1000 + n));
        Candidate c = candidate(sentence);
        PolicyView view = EstReader.read(cedar.est(c.cedar().orElseThrow()));
        return grounding.check(c.rawTextFragment(), c.span(), view, schema, c.alignment(), List.of());
    }

    @Benchmark
    public GroundingResult groundOnly() {
        int i = next++ & 63;
        String sentence = sentences.get(i);
        return grounding.check(sentence, new Span(0, sentence.length()), views.get(i), schema, Alignment.none(), List.of());
    }
}
