package com.cedarauthoring.api.cli;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.api.observe.LogFormat;
import com.cedarauthoring.generation.GenerationSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the HTTP service until SIGTERM / Ctrl-C. Every flag has an environment variable. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the service (embedded database by default).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "${env:AUTHORING_PORT:-8080}", description = "HTTP port (env AUTHORING_PORT, default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:AUTHORING_DATA_DIR:-./data}", description = "Embedded database directory (env AUTHORING_DATA_DIR, default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--region", defaultValue = "${env:AUTHORING_REGION:-us-west-2}", description = "Service region used in ARNs (env AUTHORING_REGION, default ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--account", defaultValue = "${env:AUTHORING_ACCOUNT:-123456789012}", description = "Account id used in ARNs (env AUTHORING_ACCOUNT, default ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--jdbc-url", defaultValue = "${env:AUTHORING_JDBC_URL}", description = "PostgreSQL JDBC URL instead of the embedded database (env AUTHORING_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--db-user", defaultValue = "${env:AUTHORING_DB_USER:-}", description = "Database user (env AUTHORING_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:AUTHORING_DB_PASSWORD:-}", description = "Database password (env AUTHORING_DB_PASSWORD).", arity = "0..1")
    String dbPassword;

    @Option(names = "--generation-threads", defaultValue = "${env:AUTHORING_GENERATION_THREADS:-4}", description = "Concurrent generation jobs (env AUTHORING_GENERATION_THREADS, default ${DEFAULT-VALUE}).")
    int generationThreads;

    @Option(names = "--generation-deadline", defaultValue = "${env:AUTHORING_GENERATION_DEADLINE:-60}", description = "Seconds after which a generation still GENERATING ends GENERATE_FAILED (env AUTHORING_GENERATION_DEADLINE, default ${DEFAULT-VALUE}).")
    long generationDeadlineSeconds;

    @Option(names = "--log-format", defaultValue = "${env:AUTHORING_LOG_FORMAT:-text}", description = "text or json: one JSON object per log line, with the request id of the request it belongs to (env AUTHORING_LOG_FORMAT, default ${DEFAULT-VALUE}).")
    String logFormat;

    @Mixin
    TranslatorOptions translatorOptions;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        LogFormat.parse(logFormat).apply();
        // Local mode: no credentials are configured, so nothing but this machine may reach the API.
        ServiceConfig config = new ServiceConfig("127.0.0.1", port, dataDir, region, account,
                Optional.ofNullable(jdbcUrl).filter(s -> !s.isBlank()), dbUser, dbPassword,
                GenerationSettings.defaults().withThreads(generationThreads)
                        .withDeadline(java.time.Duration.ofSeconds(generationDeadlineSeconds)),
                translatorOptions.toConfig(region));
        Application app = Application.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        log.info("Local mode: no credentials configured, listening on loopback only and accepting any signature");
        log.info("Cedar authoring service ready at http://127.0.0.1:{}/ (started in {} ms, region {}, translator {}, data {})",
                app.port(), (System.nanoTime() - started) / 1_000_000, region, config.translator().describe(),
                config.jdbcUrl().isPresent() ? "PostgreSQL" : dataDir.toAbsolutePath());
        stopped.await();
        return 0;
    }
}
