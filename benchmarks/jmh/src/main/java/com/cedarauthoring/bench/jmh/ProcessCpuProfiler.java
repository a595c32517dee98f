package com.cedarauthoring.bench.jmh;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM (every thread: the benchmark's, Cedar's native-stack threads, GC, JIT)
 * per operation, next to the wall-clock score: {@code -prof com.cedarauthoring.bench.jmh.ProcessCpuProfiler}.
 *
 * <p>Why: on a machine oversubscribed by other builds, wall-clock time per operation measures the scheduler
 * more than the code. A thread that spins on the CPU gets its fair share of a crowded run queue, while a
 * thread that sleeps and wakes (handing work to another thread and waiting) is favoured on wake-up, so the
 * path with a thread hop can even look faster than the one without. CPU time consumed per operation does not
 * depend on how long the work waited for a core, so the ratio of two paths stays meaningful under load.
 */
public final class ProcessCpuProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "process CPU time per operation (all threads)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - startNanos;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : cpu / 1000.0 / ops;
        return List.of(new ScalarResult("cpu.process.norm", perOp, "us/op", AggregationPolicy.AVG));
    }
}
