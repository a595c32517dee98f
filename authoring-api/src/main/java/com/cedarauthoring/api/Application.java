package com.cedarauthoring.api;

import com.cedarauthoring.api.audit.AuditRoutes;
import com.cedarauthoring.api.auth.AccessKey;
import com.cedarauthoring.api.auth.CredentialsFile;
import com.cedarauthoring.api.console.ConsoleRoutes;
import com.cedarauthoring.api.console.ConsoleSessions;
import com.cedarauthoring.api.console.SessionAuthenticator;
import com.cedarauthoring.api.auth.Security;
import com.cedarauthoring.api.auth.SigV4Authenticator;
import com.cedarauthoring.api.auth.SigV4Verifier;
import com.cedarauthoring.api.gateway.GatewayRoutes;
import com.cedarauthoring.api.review.ReviewRoutes;
import com.cedarauthoring.api.testing.McpRoutes;
import com.cedarauthoring.api.testing.TestingRoutes;
import com.cedarauthoring.testing.JdbcTestRunStore;
import com.cedarauthoring.testing.TestRuns;
import com.cedarauthoring.testing.PolicyEvaluator;
import com.cedarauthoring.audit.AuditTrail;
import com.cedarauthoring.audit.JdbcAuditTrail;
import com.cedarauthoring.review.JdbcReviewStore;
import com.cedarauthoring.review.ReviewService;
import com.cedarauthoring.api.http.ApiApp;
import com.cedarauthoring.api.http.HealthRoutes;
import com.cedarauthoring.api.http.RouteModule;
import com.cedarauthoring.api.observe.ServiceMetrics;
import com.cedarauthoring.api.policy.PolicyRoutes;
import com.cedarauthoring.api.policy.PolicySummaryRoutes;
import com.cedarauthoring.api.tags.TagRoutes;
import com.cedarauthoring.tags.JdbcTagStore;
import com.cedarauthoring.tags.TagService;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.gateway.GatewayDirectory;
import com.cedarauthoring.api.generation.GenerationRoutes;
import com.cedarauthoring.gateway.GatewayService;
import com.cedarauthoring.gateway.JdbcGatewayStore;
import com.cedarauthoring.policy.GeneratedAssets;
import com.cedarauthoring.generation.GenerationModule;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.Translator;
import com.cedarauthoring.translate.Translators;
import com.cedarauthoring.translate.model.ModelCallEvents;
import com.cedarauthoring.translate.rules.RulesTranslator;
import com.cedarauthoring.policy.JdbcPolicyStore;
import com.cedarauthoring.policy.PolicyEngineService;
import com.cedarauthoring.policy.PolicyService;
import com.cedarauthoring.policy.PolicyStore;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.store.Database;
import com.cedarauthoring.store.Idempotency;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explicit wiring of the whole service, in one place: database, domain services, HTTP routes.
 * {@link #start} returns a running service; {@link #close} stops it cleanly.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final Javalin http;
    private final List<AutoCloseable> closeables;
    private final GatewayService gateways;

    private Application(Database database, Javalin http, List<AutoCloseable> closeables, GatewayService gateways) {
        this.database = database;
        this.http = http;
        this.closeables = closeables;
        this.gateways = gateways;
    }

    public static Application start(ServiceConfig config) {
        return start(config, Clock.systemUTC(), Ids.secureRandom());
    }

    public static Application start(ServiceConfig config, Clock clock, Ids ids) {
        return start(config, clock, ids, (cedar, modelCalls) ->
                Translators.create(config.translator(), cedar, new RulesTranslator(cedar), modelCalls));
    }

    /** Builds the translator over the service's Cedar; a model translator reports its calls to {@code modelCalls}. */
    @FunctionalInterface
    public interface TranslatorFactory {
        Translator create(Cedar cedar, ModelCallEvents modelCalls);
    }

    /**
     * With the translator {@code translators} builds (tests: a scripted or instrumented one; the process
     * entry point uses the configured one).
     */
    public static Application start(ServiceConfig config, Clock clock, Ids ids, TranslatorFactory translators) {
        // Checked before anything is opened: without credentials nobody is identified, so only this machine may call.
        Optional<Map<String, AccessKey>> keys = config.credentials().map(CredentialsFile::load);
        ConsoleSessions consoleSessions = new ConsoleSessions(clock);
        Security security = security(config, keys, consoleSessions, clock);
        Database database = config.jdbcUrl()
                .map(url -> Database.open(url, config.dbUser(), config.dbPassword(), 16))
                .orElseGet(() -> Database.embedded(config.dataDir()));
        List<AutoCloseable> closeables = new ArrayList<>();
        try {
            Arns arns = config.arns();
            Cedar cedar = new Cedar();
            // metrics and request ids first: their before/after handlers see every request
            ServiceMetrics metrics = new ServiceMetrics();
            closeables.add(metrics);
            metrics.watchPool(database);
            List<RouteModule> routes = new ArrayList<>(metrics.routes());
            routes.add(new HealthRoutes(() -> database.jdbc().queryOne("SELECT 1", rs -> rs.getInt(1)).isPresent()));

            // clientToken idempotency of all five create operations
            Idempotency idempotency = new Idempotency(database.jdbc(), clock);
            // every service appends the audit event of a change in the change's own transaction
            AuditTrail audit = new JdbcAuditTrail(database.jdbc(), ids, clock);
            PolicyStore policyStore = new JdbcPolicyStore(database.jdbc());
            PolicyEngineService policyEngines = new PolicyEngineService(policyStore, database.transactions(), audit,
                    idempotency, arns, ids, clock);

            // gateways
            GatewayService gateways = new GatewayService(new JdbcGatewayStore(database.jdbc()), database.transactions(),
                    audit, idempotency, policyEngines::existsWithArn, cedar, arns, ids, clock);

            // tags: gateways and policy engines carry them (AgentCore's taggable resources in this service)
            TagService tags = new TagService(new JdbcTagStore(database.jdbc()), database.transactions(), audit, List.of(
                    new TagService.Taggable("gateway", arn -> arns.gatewayIdOf(arn).isPresent(), gateways::exists),
                    new TagService.Taggable("policy engine", arn -> arns.policyEngineIdOf(arn).isPresent(),
                            arn -> arns.policyEngineIdOf(arn).flatMap(policyEngines::find).isPresent())));
            routes.add(new TagRoutes(tags));
            routes.add(new GatewayRoutes(gateways, tags, config.region()));

            // policy engines and policies
            GatewayDirectory gatewayDirectory = gateways;
            // The configured translator; region pinning refuses a model of another geography here, before serving.
            Translator configured = translators.create(cedar, metrics.modelCalls());
            if (configured instanceof AutoCloseable closeable) {
                closeables.add(closeable);
            }
            Translator translator = metrics.timed(configured);
            // policy generation (the generation feature): built here because CreatePolicy reads its assets.
            // Jobs run on db-scheduler over this database; the scheduler stops with the application.
            GenerationModule generation = GenerationModule.start(database, audit, idempotency, gatewayDirectory, policyEngines,
                    new RequirementSplitter()::split, translator, cedar, arns, ids, clock,
                    config.generation(), metrics.generations());
            closeables.add(generation);
            metrics.watchQueue(generation::queue);
            Optional<GeneratedAssets> generatedAssets = Optional.of(generation.assets());
            PolicyService policies = new PolicyService(policyStore, policyEngines, gatewayDirectory, generatedAssets,
                    cedar, new PolicyAnalyzer(cedar)::analyze, database.transactions(), audit, idempotency, arns, ids, clock);

            // review: approving an asset (or CreatePolicy from one) creates the policy
            ReviewService reviews = new ReviewService(new JdbcReviewStore(database.jdbc()), generation.assets(),
                    gatewayDirectory, policies, cedar, audit, idempotency, database.transactions(), ids, clock,
                    config.requiredApprovals());
            routes.add(new GenerationRoutes(generation.service(), reviews::states));
            routes.add(new PolicyRoutes(policyEngines, policies, tags, reviews));
            routes.add(new PolicySummaryRoutes(policyEngines, policies));
            routes.add(new ReviewRoutes(reviews));
            routes.add(new AuditRoutes(audit));

            // testing policies before they are enforced: authorize, test runs, the MCP test endpoint
            PolicyEvaluator evaluator = new PolicyEvaluator(policies::all, gatewayDirectory, cedar);
            routes.add(new TestingRoutes(evaluator, gatewayDirectory, cedar,
                    new TestRuns(new JdbcTestRunStore(database.jdbc()), database.transactions(), audit, arns),
                    generation.assets(), ids, clock));
            routes.add(new McpRoutes(gateways, evaluator, arns));

            // the reviewer console (static files and its sign-in); its pages call the API above
            routes.add(new ConsoleRoutes(keys, consoleSessions));

            Javalin http = ApiApp.create(config.host(), routes, security)
                    .start(config.port());
            return new Application(database, http, closeables, gateways);
        } catch (RuntimeException e) {
            closeAll(closeables);
            database.close();
            throw e;
        }
    }

    /**
     * SigV4 against the credentials file, or local mode. Local mode on a non-loopback address is refused:
     * anyone who could reach the port would be an admin and a reviewer.
     */
    static Security security(ServiceConfig config, Optional<Map<String, AccessKey>> credentials, ConsoleSessions sessions,
                             Clock clock) {
        if (credentials.isPresent()) {
            var keys = credentials.get();
            log.info("Credentials file {}: {} access keys; every request must carry an AWS Signature V4 "
                    + "(service bedrock-agentcore, region {}) or a console session", config.credentials().get(), keys.size(),
                    config.region());
            // the console's session cookie first: a browser never sends a SigV4 signature
            return new Security(List.of(new SessionAuthenticator(sessions),
                    new SigV4Authenticator(new SigV4Verifier(keys, config.region(), clock))));
        }
        if (!isLoopback(config.host())) {
            throw new IllegalStateException("Refusing to listen on " + config.host() + " without credentials: in local mode "
                    + "every caller is an admin and a reviewer, so only loopback (127.0.0.1, ::1, localhost) is allowed. "
                    + "Configure --credentials FILE (AUTHORING_CREDENTIALS) to serve other addresses.");
        }
        log.warn("Local mode (no credentials file): every caller on {} is \"local\" with every role. This is for one person "
                + "trying the service: four-eyes cannot hold with one principal, so every approval is recorded as a "
                + "self-approval (selfApproval: true in the review and its audit event). Use --credentials for reviews "
                + "that count.", config.host());
        return Security.local();
    }

    public static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            // literal addresses only: a host name is never resolved here
            if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
                return false;
            }
            return java.net.InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Every route and the access it declares (the roles table of the README is checked against this). */
    public List<ApiApp.DeclaredRoute> routes() {
        return ApiApp.routes(http);
    }

    public int port() {
        return http.port();
    }

    public Database database() {
        return database;
    }

    /** Gateways, targets and derived schemas; also the {@link GatewayDirectory} other features read. */
    public GatewayService gateways() {
        return gateways;
    }

    public GatewayDirectory gatewayDirectory() {
        return gateways;
    }

    @Override
    public void close() {
        http.stop();
        closeAll(closeables);
        database.close();
        log.info("Stopped");
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                log.warn("Error while closing {}", closeables.get(i), e);
            }
        }
    }
}
