package com.cedarauthoring.api.generation;

import com.cedarauthoring.api.http.ApiApp;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.gateway.Gateway;
import com.cedarauthoring.gateway.GatewayService;
import com.cedarauthoring.gateway.JdbcGatewayStore;
import com.cedarauthoring.generation.GenerationModule;
import com.cedarauthoring.generation.GenerationSettings;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.policy.JdbcPolicyStore;
import com.cedarauthoring.policy.PolicyEngineService;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.store.Idempotency;
import com.cedarauthoring.store.PageRequest;
import com.cedarauthoring.translate.Translator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The generation feature over real HTTP with a real database, gateway and engine services, and a
 * chosen translator. Also a process main for the durability test (kill -9 and restart).
 */
final class GenerationTestServer implements AutoCloseable {
    static final String REFUND_TARGET = """
            {"name": "RefundTarget", "targetConfiguration": {"mcp": {"lambda": {"lambdaArn": "arn:aws:lambda:us-west-2:123456789012:function:refund",
              "toolSchema": {"inlinePayload": [{"name": "process_refund", "description": "Process a customer refund",
                "inputSchema": {"type": "object", "properties": {"amount": {"type": "integer"}, "orderId": {"type": "string"}},
                                "required": ["amount", "orderId"]}}]}}}}}
            """;

    final Database database;
    final GenerationModule generation;
    final Javalin http;
    final String engineId;
    final String gatewayArn;

    private GenerationTestServer(Database database, GenerationModule generation, Javalin http, String engineId, String gatewayArn) {
        this.database = database;
        this.generation = generation;
        this.http = http;
        this.engineId = engineId;
        this.gatewayArn = gatewayArn;
    }

    static GenerationTestServer start(Path dataDir, Translator translator, GenerationSettings settings, int port) {
        Database database = Database.embedded(dataDir);
        Arns arns = new Arns("us-west-2", "123456789012");
        Ids ids = Ids.secureRandom();
        Clock clock = Clock.systemUTC();
        Cedar cedar = new Cedar();
        Idempotency idempotency = new Idempotency(database.jdbc(), clock);
        com.cedarauthoring.audit.AuditTrail audit = new com.cedarauthoring.audit.JdbcAuditTrail(database.jdbc(), ids, clock);
        PolicyEngineService engines = new PolicyEngineService(new JdbcPolicyStore(database.jdbc()),
                database.transactions(), audit, idempotency, arns, ids, clock);
        GatewayService gateways = new GatewayService(new JdbcGatewayStore(database.jdbc()), database.transactions(),
                audit, idempotency, engines::existsWithArn, cedar, arns, ids, clock);
        // Reuse what an earlier run in this data directory created (restart after a crash).
        String gatewayArn = gateways.listGateways(PageRequest.first(1)).items().stream().findFirst()
                .map(Gateway::gatewayArn).orElseGet(() -> createGateway(gateways));
        String engineId = engines.list(PageRequest.first(1)).items().stream().findFirst()
                .map(e -> e.policyEngineId())
                .orElseGet(() -> engines.create(com.cedarauthoring.identity.Principal.localUser(), "TestEngine", Optional.empty(), Optional.empty()).policyEngineId());
        GenerationModule generation = GenerationModule.start(database, audit, idempotency, gateways, engines,
                new RequirementSplitter()::split, translator, cedar, arns, ids, clock, settings);
        List<RouteModule> routes = List.of(new GenerationRoutes(generation.service()));
        Javalin http = ApiApp.create("127.0.0.1", routes).start(port);
        return new GenerationTestServer(database, generation, http, engineId, gatewayArn);
    }

    private static String createGateway(GatewayService gateways) {
        try {
            ObjectNode gw = (ObjectNode) Json.mapper().readTree("""
                    {"name": "refunds-gw", "roleArn": "arn:aws:iam::123456789012:role/gw", "protocolType": "MCP",
                     "authorizerType": "CUSTOM_JWT",
                     "authorizerConfiguration": {"customJWTAuthorizer": {"discoveryUrl": "https://idp.example.com/.well-known/openid-configuration", "allowedAudience": ["a"]}}}
                    """);
            Gateway gateway = gateways.createGateway(com.cedarauthoring.identity.Principal.localUser(), gw);
            gateways.createTarget(com.cedarauthoring.identity.Principal.localUser(), gateway.gatewayId(), (ObjectNode) Json.mapper().readTree(REFUND_TARGET));
            return gateway.gatewayArn();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
        generation.close();
        database.close();
    }

    /**
     * Process entry for the durability test: {@code <dataDir> <slowMillis> <heartbeatMillis>}. Prints
     * {@code READY <port> <engineId> <gatewayArn>} when serving and {@code TRANSLATING} when a job is
     * inside the translator, so the test knows when to kill it.
     */
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long slow = Long.parseLong(args[1]);
        java.time.Duration heartbeat = java.time.Duration.ofMillis(Long.parseLong(args[2]));
        GenerationSettings settings = GenerationSettings.defaults().withHeartbeat(heartbeat)
                .withDeadline(java.time.Duration.ofSeconds(60));
        TestTranslator translator = new TestTranslator(slow, text -> {
            System.out.println("TRANSLATING " + text);
            System.out.flush();
        });
        GenerationTestServer server = start(dataDir, translator, settings, 0);
        System.out.println("READY " + server.port() + " " + server.engineId + " " + server.gatewayArn);
        System.out.flush();
        Thread.currentThread().join();
    }
}
