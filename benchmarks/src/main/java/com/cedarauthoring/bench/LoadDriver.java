package com.cedarauthoring.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver: starts the packaged service (authoring.jar) as a separate process and measures it over
 * HTTP, as a client would. Scenarios: {@code policies}, {@code generations}, {@code model}, {@code all}.
 * Results are printed as Markdown and appended to {@code benchmarks/results/<scenario>.md}.
 */
public final class LoadDriver {
    /**
     * Three requirements; the numbers and names change with every generation so that no layer (ours,
     * Cedar's, the JIT's) can answer from a cache of an earlier identical request.
     */
    static String rawText(long n) {
        return "Allow user refund-agent-" + n + " to process refunds when the amount is less than $" + (500 + n % 9_000) + ". "
                + "Block users from processing refunds when the amount exceeds $" + (10_000 + n) + ". "
                + "Allow users with role support-" + n + " to check refund status.";
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final Path jar;
    private final int seconds;
    private final int concurrency;
    /** Extra {@code serve} flags: the database ({@code --jdbc-url ...}) when not the embedded one. */
    private final List<String> serverArgs;
    /** Service instances sharing the database (2 needs {@code --jdbc-url}); clients are spread over them. */
    private final int instances;
    private final StringBuilder report = new StringBuilder();
    /** Pause between a sustained client's status polls (a real client waits seconds; the driver stresses it). */
    private final int pollMillis;
    /** Sustained load run before the recorded one (JIT warm-up). */
    private final int warmupSeconds;
    /** The PostgreSQL the service uses, or null for the embedded H2. */
    private final Database database;
    /** GetPolicyGeneration calls made by {@link #generateOnce}, all clients. */
    private static final AtomicLong POLLS = new AtomicLong();

    /** A PostgreSQL given with {@code --jdbc-url}, {@code --db-user} and {@code --db-password}. */
    record Database(String jdbcUrl, String user, String password) {
        List<String> serveFlags() {
            return List.of("--jdbc-url", jdbcUrl, "--db-user", user, "--db-password", password);
        }
    }

    private LoadDriver(Path jar, int seconds, int concurrency, Database database, int instances, int pollMillis,
                       int warmupSeconds) {
        this.jar = jar;
        this.database = database;
        this.warmupSeconds = warmupSeconds;
        this.pollMillis = pollMillis;
        this.seconds = seconds;
        this.concurrency = concurrency;
        this.serverArgs = database == null ? List.of() : database.serveFlags();
        this.instances = instances;
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "all";
        Path jar = Path.of(option(args, "--jar", "authoring-api/target/authoring.jar"));
        int seconds = Integer.parseInt(option(args, "--seconds", "60"));
        int concurrency = Integer.parseInt(option(args, "--concurrency", "8"));
        int instances = Integer.parseInt(option(args, "--instances", "1"));
        String jdbcUrl = option(args, "--jdbc-url", null);
        if (!Files.exists(jar)) {
            System.err.println("No " + jar + ": build it first with  mvn -B -q -DskipTests package");
            System.exit(2);
        }
        if (instances < 1 || instances > 1 && jdbcUrl == null) {
            System.err.println("--instances N needs N >= 1, and --jdbc-url (a shared PostgreSQL) when N > 1");
            System.exit(2);
        }
        Database database = jdbcUrl == null ? null
                : new Database(jdbcUrl, option(args, "--db-user", ""), option(args, "--db-password", ""));
        LoadDriver driver = new LoadDriver(jar, seconds, concurrency, database, instances,
                Integer.parseInt(option(args, "--poll-ms", "20")), Integer.parseInt(option(args, "--warmup-seconds", "20")));
        driver.line("# Benchmark run " + LocalDate.now() + " (" + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + ", database "
                + (jdbcUrl == null ? "embedded H2" : "PostgreSQL") + ", " + instances + " instance(s), load average "
                + loadAverage() + " at start)");
        switch (scenario) {
            case "policies" -> driver.policies();
            case "generations" -> driver.generations();
            case "model" -> new ModelScenario(driver, jar, modelWarmup(args), modelPollMicros(args)).run();
            case "storage" -> driver.storage(Integer.parseInt(option(args, "--generations", "2000")));
            case "all" -> {
                driver.policies();
                driver.generations();
                new ModelScenario(driver, jar, modelWarmup(args), modelPollMicros(args)).run();
            }
            default -> {
                System.err.println("usage: benchmarks.jar policies|generations|model|storage|all [--seconds 60] [--concurrency 8] [--generations 2000] [--jar path] [--jdbc-url URL --db-user U --db-password P] [--instances 2] [--poll-ms 20] [--warmup-seconds 20] [--model-warmup 3000] [--model-poll-us 200]");
                System.exit(2);
            }
        }
        Path out = Path.of("benchmarks", "results", scenario + "-latest.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, driver.report.toString());
        System.out.println("\nWritten to " + out);
    }

    /**
     * Generations run before the model path's overhead is recorded. The SDK and LangChain4j code of one
     * Converse call runs once per generation, so the JIT needs thousands of generations to compile it:
     * calls 101-400 of a fresh JVM cost ~4.4 ms of CPU each, calls 4,001-8,000 ~0.7 ms (RESULTS.md).
     */
    private static int modelWarmup(String[] args) {
        return Integer.parseInt(option(args, "--model-warmup", "3000"));
    }

    /**
     * Pause between the model path's status polls. 200 us detects GENERATED at once but keeps the driver
     * and the service's request threads busy on the same two cores as the job it measures; a real client
     * polls every few seconds.
     */
    private static int modelPollMicros(String[] args) {
        return Integer.parseInt(option(args, "--model-poll-us", "200"));
    }

    /** The database flags every started service gets. */
    List<String> serverArgs() {
        return serverArgs;
    }

    void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }

    // ---- CreatePolicy latency with a 20-tool gateway, GetPolicy throughput ----
    void policies() throws Exception {
        line("\n## CreatePolicy latency (20-tool gateway) and GetPolicy throughput");
        try (ServerProcess server = ServerProcess.start(jar, serverArgs, Map.of())) {
            Api api = new Api(server.baseUrl());
            String[] gw = createGateway(api, twentyToolTarget());
            String engineId = createEngine(api, "BenchPolicies" + System.nanoTime());
            attach(api, gw[0], engineId);
            String arn = gw[1];
            // Warm-up: at least 300 calls and --warmup-seconds of them (the JIT is still compiling the request path
            // after 300 calls; a service in production has long been warm), then 1,000 recorded calls.
            int measured = 1000;
            long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            List<String> ids = new ArrayList<>();
            int warmup = 0;
            while (warmup < 300 || System.nanoTime() < warmupEnd) {
                ids.add(createPolicy(api, engineId, policyBody(arn, warmup++)));
            }
            long[] samples = new long[measured];
            long cpuAtStart = server.cpuMillis();
            long requestCpuAtStart = server.threadCpuMillis("http-");
            long jitAtStart = server.jitCpuMillis();
            for (int i = 0; i < measured; i++) {
                ObjectNode body = policyBody(arn, warmup + i);
                long t0 = System.nanoTime();
                ids.add(createPolicy(api, engineId, body));
                samples[i] = System.nanoTime() - t0;
            }
            JsonNode one = api.get("/policy-engines/" + engineId + "/policies/" + ids.get(ids.size() - 1));
            if (!"ACTIVE".equals(one.path("status").asText())) {
                throw new IllegalStateException("benchmark policy did not become ACTIVE: " + one);
            }
            // CPU hardly depends on what else runs on the machine, so it compares builds where latency cannot
            long cpuUsed = server.cpuMillis() - cpuAtStart;
            long jitUsed = server.jitCpuMillis() - jitAtStart;
            double cpuPerCall = cpuUsed / (double) measured;
            double requestCpuPerCall = (server.threadCpuMillis("http-") - requestCpuAtStart) / (double) measured;
            line("- CreatePolicy, sequential, after " + warmup + " warm-up calls (" + warmupSeconds + " s): " + Stats.of(samples)
                    + String.format(" (target p50 < 5 ms); server CPU %.2f ms per call, of which its request threads %.2f ms",
                    cpuPerCall, requestCpuPerCall)
                    + jitShare(cpuUsed, jitUsed));
            long[] inServer = server.accessLogNanos("CreatePolicy", measured);
            line("  - inside the service (its access log: first to last handler, without Jetty's parsing and writing or"
                    + " loopback): " + Stats.of(inServer));
            List<String> statements = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                statements.add(api.get("/policy-engines/" + engineId + "/policies/" + ids.get(ids.size() - 1 - i))
                        .at("/definition/cedar/statement").asText());
            }
            line("  - floor, bare cedar-java parse + strict validation of the same statements in the driver's JVM: "
                    + Stats.of(Floor.ofStatements(api.get("/gateways/" + gw[0] + "/schema").get("json"), statements).measure()));
            commitFloor();
            getThroughput(api, engineId, ids, server);
        }
    }

    /** A CreatePolicy body of the policies scenario: a new statement each time (its role and amount change with {@code i}). */
    private static ObjectNode policyBody(String arn, int i) {
        String statement = "permit(principal is AgentCore::OAuthUser, action == AgentCore::Action::\"BenchTarget___tool_"
                + String.format("%02d", i % 20) + "\", resource == AgentCore::Gateway::\"" + arn + "\") when { "
                + "principal.hasTag(\"role\") && principal.getTag(\"role\") == \"r" + i + "\" && context.input.amount < " + (i + 1) + " };";
        ObjectNode body = Api.JSON.createObjectNode().put("name", "p" + i);
        body.putObject("definition").putObject("cedar").put("statement", statement);
        return body;
    }

    private static String createPolicy(Api api, String engineId, ObjectNode body) throws Exception {
        return api.send("POST", "/policy-engines/" + engineId + "/policies", body, 202).get("policyId").asText();
    }

    private void getThroughput(Api api, String engineId, List<String> ids, ServerProcess server) throws Exception {
        int runSeconds = Math.min(seconds, 20);
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + runSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                Api local = new Api(server.baseUrl());
                while (System.nanoTime() < end) {
                    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    long t0 = System.nanoTime();
                    local.get("/policy-engines/" + engineId + "/policies/" + id);
                    lat.add(System.nanoTime() - t0);
                    done.incrementAndGet();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(runSeconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
        line(String.format("- GetPolicy, %d client threads for %d s: %.0f requests/s, %s, server RSS %d MiB",
                concurrency, runSeconds, done.get() / (double) runSeconds,
                Stats.of(lat.stream().mapToLong(Long::longValue).toArray()), server.rssMiB()));
    }

    // ---- start -> GENERATED -> assets, 3-requirement input ----
    void generations() throws Exception {
        line("\n## Policy generation over HTTP (rules translator, 3 requirements)");
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                servers.add(ServerProcess.start(jar, serverArgs, Map.of()));
            }
            ServerProcess server = servers.get(0);
            Api api = new Api(server.baseUrl());
            String[] gw = createGateway(api, refundTarget());
            String engineId = createEngine(api, "BenchGenerations" + System.nanoTime());
            long[] warm = new long[200];
            for (int i = 0; i < 200; i++) {
                warm[i] = generateOnce(api, engineId, gw[1], "warm" + i, 200_000);
            }
            long[] seq = new long[300];
            long cpu0 = server.cpuMillis();
            long jit0 = server.jitCpuMillis();
            long polls0 = POLLS.get();
            for (int i = 0; i < seq.length; i++) {
                seq[i] = generateOnce(api, engineId, gw[1], "seq" + i, 200_000);
            }
            long cpu = server.cpuMillis() - cpu0;
            long jit = server.jitCpuMillis() - jit0;
            line("- Sequential start -> GENERATED -> assets: " + Stats.of(seq) + " (target p50 < 50 ms); "
                    + perGeneration(cpu, POLLS.get() - polls0, seq.length) + jitShare(cpu, jit));
            Floor floor = Floor.ofGenerations(api, engineId, gw[0], 100);
            line("  - floor, bare cedar-java for the same generations (parse + strict validation of each policy + its "
                    + floor.evaluationsPerGeneration() + " example evaluations) in the driver's JVM: " + Stats.of(floor.measure()));
            commitFloor();
            sustained(servers, engineId, gw[1]);
        } finally {
            for (ServerProcess s : servers) {
                s.close();
            }
        }
    }

    // ---- data directory bytes per generation ----
    void storage(int generations) throws Exception {
        line("\n## Data directory per generation (rules translator, 3 requirements, " + generations + " generations, "
                + concurrency + " clients)");
        ServerProcess server = ServerProcess.start(jar, List.of(), Map.of());
        long running;
        try (server) {
            Api api = new Api(server.baseUrl());
            String[] gw = createGateway(api, refundTarget());
            String engineId = createEngine(api, "BenchStorage");
            long before = server.dataBytes();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            AtomicLong next = new AtomicLong();
            List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    Api local = new Api(server.baseUrl());
                    long i;
                    while ((i = next.getAndIncrement()) < generations) {
                        generateOnce(local, engineId, gw[1], "store" + i, 2_000_000);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> w : workers) {
                w.get();
            }
            pool.shutdown();
            running = server.dataBytes() - before;
        }
        long stopped = server.dataBytes();
        line(String.format("- While running, after %d generations: %,d bytes of data directory growth = %,d bytes/generation",
                generations, running, running / generations));
        line(String.format("- After a clean stop (SIGTERM): %,d bytes in the data directory = %,d bytes/generation",
                stopped, stopped / generations));
    }

    private void sustained(List<ServerProcess> servers, String engineId, String gatewayArn) throws Exception {
        if (warmupSeconds > 0) {
            // the same load, not recorded: until the JIT has compiled the hot paths, its compiler threads take
            // a third of the server's CPU (JFR), and a service runs for days, not seconds
            sustained(servers, engineId, gatewayArn, warmupSeconds, false);
        }
        sustained(servers, engineId, gatewayArn, seconds, true);
    }

    private void sustained(List<ServerProcess> servers, String engineId, String gatewayArn, int seconds, boolean report)
            throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong maxRss = new AtomicLong();
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency + 1);
        long cpu0 = servers.stream().mapToLong(ServerProcess::cpuMillis).sum();
        long jit0 = servers.stream().mapToLong(ServerProcess::jitCpuMillis).sum();
        long polls0 = POLLS.get();
        pool.submit(() -> {
            while (System.nanoTime() < end) {
                servers.forEach(server -> maxRss.accumulateAndGet(server.rssMiB(), Math::max));
                Thread.sleep(500);
            }
            return null;
        });
        for (int t = 0; t < concurrency; t++) {
            int worker = t;
            pool.submit(() -> {
                // clients are spread over the instances, as a load balancer would
                Api local = new Api(servers.get(worker % servers.size()).baseUrl());
                int i = 0;
                while (System.nanoTime() < end) {
                    try {
                        lat.add(generateOnce(local, engineId, gatewayArn, "load" + worker + "x" + i++, pollMillis * 1_000_000L));
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println(e.getMessage());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        long cpu = servers.stream().mapToLong(ServerProcess::cpuMillis).sum() - cpu0;
        long jit = servers.stream().mapToLong(ServerProcess::jitCpuMillis).sum() - jit0;
        if (!report) {
            return;
        }
        line(String.format("- Sustained for %d s (after %d s of the same load unrecorded) with %d clients polling every %d ms on " + servers.size() + " instance(s): %.1f generations/s, %d failed, %s, max server RSS %d MiB "
                        + "(targets: >= 100/s, 0 failed, RSS < 512 MiB); %s", seconds, warmupSeconds, concurrency, pollMillis,
                ok.get() / (double) seconds, failed.get(), Stats.of(lat.stream().mapToLong(Long::longValue).toArray()), maxRss.get(),
                perGeneration(cpu, POLLS.get() - polls0, ok.get()) + jitShare(cpu, jit)));
    }

    /**
     * On PostgreSQL, the floor under each acknowledged change measured now, beside the figures it bounds: one
     * durable commit (see {@link CommitFloor}). Nothing on the embedded H2, whose commits do not wait for the disk.
     */
    void commitFloor() throws java.sql.SQLException {
        if (database != null) {
            line("  - floor on PostgreSQL, one durable one-row commit (INSERT + COMMIT over JDBC) from the driver's JVM: "
                    + Stats.of(CommitFloor.measure(database.jdbcUrl(), database.user(), database.password(), 300)));
        }
    }

    /**
     * The JIT compiler threads' share of the server CPU a measurement used: a large share means the figures are
     * those of a service still warming up (a compiler thread that ended meanwhile is not counted).
     */
    static String jitShare(long cpuMillis, long jitMillis) {
        return cpuMillis <= 0 ? "" : String.format(" (the JIT's compiler threads %.0f%% of it)",
                Math.max(0, jitMillis) * 100.0 / cpuMillis);
    }

    /** Server CPU and status polls per generation: the cost figures that a busy machine distorts least. */
    private static String perGeneration(long cpuMillis, long polls, long generations) {
        return generations == 0 ? "no generation finished" : String.format("server CPU %.1f ms and %.1f status polls per generation",
                cpuMillis / (double) generations, polls / (double) generations);
    }

    /**
     * One full client round trip; returns its duration in nanoseconds. {@code pollNanos} is the pause
     * between GetPolicyGeneration polls: short for latency, longer under load so that polling does not
     * become the load.
     */
    static long generateOnce(Api api, String engineId, String gatewayArn, String name, long pollNanos) throws Exception {
        ObjectNode body = Api.JSON.createObjectNode().put("name", name);
        body.putObject("resource").put("arn", gatewayArn);
        body.putObject("content").put("rawText", rawText(SEQUENCE.incrementAndGet()));
        long t0 = System.nanoTime();
        JsonNode started = api.send("POST", "/policy-engines/" + engineId + "/policy-generations", body, 202);
        String genId = started.get("policyGenerationId").asText();
        String status;
        long deadline = t0 + 120_000_000_000L;
        do {
            status = api.get("/policy-engines/" + engineId + "/policy-generations/" + genId).path("status").asText();
            POLLS.incrementAndGet();
            if ("GENERATING".equals(status)) {
                Thread.sleep(pollNanos / 1_000_000, (int) (pollNanos % 1_000_000));
            }
        } while ("GENERATING".equals(status) && System.nanoTime() < deadline);
        if (!"GENERATED".equals(status)) {
            throw new IllegalStateException("generation " + genId + " ended " + status);
        }
        JsonNode assets = api.get("/policy-engines/" + engineId + "/policy-generations/" + genId + "/assets");
        long dt = System.nanoTime() - t0;
        if (assets.path("policyGenerationAssets").size() < 1) {
            throw new IllegalStateException("no assets for " + genId);
        }
        return dt;
    }

    // ---- shared setup ----
    static String[] createGateway(Api api, ObjectNode target) throws Exception {
        ObjectNode gw = Api.JSON.createObjectNode().put("name", "bench-gateway-" + System.nanoTime())
                .put("roleArn", "arn:aws:iam::123456789012:role/BenchRole").put("authorizerType", "CUSTOM_JWT")
                .put("protocolType", "MCP");
        JsonNode created = api.send("POST", "/gateways/", gw, 202);
        String id = created.get("gatewayId").asText();
        api.send("POST", "/gateways/" + id + "/targets/", target, 202);
        return new String[] {id, created.get("gatewayArn").asText()};
    }

    static String createEngine(Api api, String name) throws Exception {
        return api.send("POST", "/policy-engines", Map.of("name", name), 202).get("policyEngineId").asText();
    }

    static void attach(Api api, String gatewayId, String engineId) throws Exception {
        JsonNode engine = api.get("/policy-engines/" + engineId);
        JsonNode gw = api.get("/gateways/" + gatewayId + "/");
        ObjectNode update = Api.JSON.createObjectNode().put("name", gw.get("name").asText())
                .put("roleArn", gw.get("roleArn").asText()).put("authorizerType", gw.get("authorizerType").asText())
                .put("protocolType", "MCP");
        update.putObject("policyEngineConfiguration").put("arn", engine.get("policyEngineArn").asText()).put("mode", "ENFORCE");
        api.send("PUT", "/gateways/" + gatewayId + "/", update, 202);
    }

    static ObjectNode lambdaTarget(String name, ArrayNode tools) {
        ObjectNode t = Api.JSON.createObjectNode().put("name", name);
        t.putObject("targetConfiguration").putObject("mcp").putObject("lambda")
                .put("lambdaArn", "arn:aws:lambda:us-west-2:123456789012:function:Bench")
                .putObject("toolSchema").set("inlinePayload", tools);
        return t;
    }

    static ObjectNode twentyToolTarget() {
        ArrayNode tools = Api.JSON.createArrayNode();
        for (int i = 0; i < 20; i++) {
            ObjectNode tool = tools.addObject().put("name", String.format("tool_%02d", i)).put("description", "Benchmark tool " + i);
            ObjectNode schema = tool.putObject("inputSchema").put("type", "object");
            ObjectNode props = schema.putObject("properties");
            props.putObject("amount").put("type", "integer");
            props.putObject("region").put("type", "string");
            props.putObject("urgent").put("type", "boolean");
            props.putObject("note").put("type", "string");
            schema.putArray("required").add("amount").add("region");
        }
        return lambdaTarget("BenchTarget", tools);
    }

    static ObjectNode refundTarget() {
        ArrayNode tools = Api.JSON.createArrayNode();
        ObjectNode refund = tools.addObject().put("name", "process_refund").put("description", "Process customer refund");
        ObjectNode s = refund.putObject("inputSchema").put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("orderId").put("type", "string");
        p.putObject("amount").put("type", "integer");
        p.putObject("reason").put("type", "string");
        s.putArray("required").add("orderId").add("amount");
        ObjectNode status = tools.addObject().put("name", "check_refund_status").put("description", "Check the status of a refund");
        ObjectNode s2 = status.putObject("inputSchema").put("type", "object");
        s2.putObject("properties").putObject("orderId").put("type", "string");
        s2.putArray("required").add("orderId");
        return lambdaTarget("RefundTarget", tools);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
