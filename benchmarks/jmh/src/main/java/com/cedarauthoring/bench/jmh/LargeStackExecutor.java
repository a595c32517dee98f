package com.cedarauthoring.bench.jmh;

import com.cedarauthoring.cedar.Cedar;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH's worker threads as Cedar's large-stack threads ({@code -Djmh.executor=CUSTOM
 * -Djmh.executor.class=com.cedarauthoring.bench.jmh.LargeStackExecutor}; JMH calls the {@code (int, String)}
 * constructor). The service's HTTP request threads are such threads, so a benchmark of what the authorize
 * endpoint does must run its Cedar calls where the endpoint runs them: inline, without a hand-off.
 */
public final class LargeStackExecutor extends ThreadPoolExecutor {
    public LargeStackExecutor(int threads, String prefix) {
        super(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), Cedar.largeStackThreads(prefix));
    }
}
