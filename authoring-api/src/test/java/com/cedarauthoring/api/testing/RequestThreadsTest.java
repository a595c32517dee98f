package com.cedarauthoring.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.Http;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.api.http.ApiApp;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.naming.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP request threads are Cedar's large-stack threads, so the authorize endpoint, test runs and the MCP
 * endpoint evaluate inline on them (no hand-off to Cedar's pool), and native code still never runs on a
 * thread without the large stack.
 *
 * <p>Observed through the service's own wiring: the test-run handler reads the service clock on its request
 * thread when it saves a run, right after evaluating the cases there. The clock given to the service records,
 * per thread that reads it, whether that thread has the large stack.
 */
class RequestThreadsTest {
    @TempDir
    Path dataDir;

    /** The system clock, noting for each thread that reads it whether Cedar calls run inline there. */
    static final class ThreadNotingClock extends Clock {
        final Map<String, Boolean> largeStackByThread = new ConcurrentHashMap<>();

        @Override
        public Instant instant() {
            largeStackByThread.put(Thread.currentThread().getName(), Cedar.onLargeStack());
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void theThreadThatEvaluatesATestRunIsALargeStackThread() {
        ThreadNotingClock clock = new ThreadNotingClock();
        try (Application app = Application.start(ServiceConfig.local(dataDir), clock, Ids.secureRandom())) {
            Http http = new Http(app.port());
            RefundService refund = RefundService.create(http, "ThreadsEngine", RefundService.TOOL);
            clock.largeStackByThread.clear();

            // a saved run: evaluated, then stored with the clock's time, both on the request thread
            JsonNode run = http.post("/policy-engines/" + refund.engineId() + "/test-runs", """
                    {"gatewayArn": "%s", "save": true, "candidatePolicies": ["permit(principal, action, resource) when { context.input.amount < 500 };"],
                     "cases": [{"name": "under 500", "principal": {"id": "u1", "tags": {"username": "refund-agent"}},
                       "action": "RefundTool___process_refund", "input": {"orderId": "1", "amount": 450}, "expected": "ALLOW"}]}"""
                    .formatted(refund.gatewayArn())).body();
            assertThat(run.get("passed").asInt()).as(run.toString()).isEqualTo(1);
            assertThat(run.get("testRunId").asText()).isNotBlank();

            Map<String, Boolean> requestThreads = new java.util.HashMap<>(clock.largeStackByThread);
            requestThreads.keySet().removeIf(name -> !name.startsWith(ApiApp.REQUEST_THREADS + "-"));
            assertThat(requestThreads).as("clock reads on request threads: " + clock.largeStackByThread).isNotEmpty();
            assertThat(requestThreads).allSatisfy((thread, largeStack) -> assertThat(largeStack).as(thread).isTrue());
        }
    }
}
