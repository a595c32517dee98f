package com.cedarauthoring.api.cli;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
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

    @Option(names = "--host", defaultValue = "${env:AUTHORING_HOST:-127.0.0.1}", description = "Bind address (env AUTHORING_HOST, default ${DEFAULT-VALUE}); anything but loopback needs --credentials.")
    String host;

    @Option(names = "--credentials", defaultValue = "${env:AUTHORING_CREDENTIALS}", description = "Credentials file: access keys, principals and roles (env AUTHORING_CREDENTIALS). Without it: local mode, loopback only.")
    Path credentials;

    @Option(names = "--required-approvals", defaultValue = "${env:AUTHORING_REQUIRED_APPROVALS:-1}", description = "Approvals an asset needs before its policy is created, 1-10 (env AUTHORING_REQUIRED_APPROVALS, default ${DEFAULT-VALUE}).")
    int requiredApprovals;

    @Mixin
    TranslatorOptions translatorOptions;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        // Without credentials (local mode) Application refuses any address but loopback.
        ServiceConfig config = new ServiceConfig(host, port, dataDir, region, account,
                Optional.ofNullable(jdbcUrl).filter(s -> !s.isBlank()), dbUser, dbPassword,
                GenerationSettings.defaults().withThreads(generationThreads)
                        .withDeadline(java.time.Duration.ofSeconds(generationDeadlineSeconds)),
                translatorOptions.toConfig(region)).withCredentials(credentials).withRequiredApprovals(requiredApprovals);
        Application app = Application.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            app.close();
            stopped.countDown();
        }, "shutdown"));
        if (config.credentials().isEmpty()) {
            log.info("Local mode: no credentials configured, listening on loopback only, accepting any signature; "
                    + "every caller is 'local' with every role and four-eyes is off");
        }
        log.info("Cedar authoring service ready at http://" + host + ":{}/ (started in {} ms, region {}, translator {}, data {})",
                app.port(), (System.nanoTime() - started) / 1_000_000, region, config.translator().describe(),
                config.jdbcUrl().isPresent() ? "PostgreSQL" : dataDir.toAbsolutePath());
        stopped.await();
        return 0;
    }
}
