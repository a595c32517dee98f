package com.cedarauthoring.api;

import com.cedarauthoring.generation.GenerationSettings;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.translate.model.ModelTranslatorConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the service needs to start. Built by the CLI from flags and environment variables.
 *
 * @param host      bind address; loopback in local mode (no credentials configured)
 * @param port      0 picks a free port (tests)
 * @param dataDir   embedded database directory
 * @param jdbcUrl   a PostgreSQL URL to use instead of the embedded database
 * @param generation generation job settings (threads, deadline, heartbeat...)
 * @param translator which translator proposes policies (rules by default) and its model settings
 * @param credentials the credentials file (access keys, principals, roles); absent is local mode, loopback only
 * @param requiredApprovals approvals an asset needs before its policy is created (1-10)
 */
public record ServiceConfig(String host, int port, Path dataDir, String region, String account,
                            Optional<String> jdbcUrl, String dbUser, String dbPassword,
                            GenerationSettings generation, ModelTranslatorConfig translator,
                            Optional<Path> credentials, int requiredApprovals) {
    public ServiceConfig {
        new Arns(region, account); // validates both, with a message a person can act on
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        jdbcUrl = jdbcUrl == null ? Optional.empty() : jdbcUrl;
        generation = generation == null ? GenerationSettings.defaults() : generation;
        translator = translator == null ? ModelTranslatorConfig.rulesOnly() : translator;
        credentials = credentials == null ? Optional.empty() : credentials;
        if (requiredApprovals < 1 || requiredApprovals > 10) {
            throw new IllegalArgumentException("required approvals must be 1-10: " + requiredApprovals);
        }
    }

    public ServiceConfig(String host, int port, Path dataDir, String region, String account,
                         Optional<String> jdbcUrl, String dbUser, String dbPassword,
                         GenerationSettings generation, ModelTranslatorConfig translator) {
        this(host, port, dataDir, region, account, jdbcUrl, dbUser, dbPassword, generation, translator,
                Optional.empty(), 1);
    }

    /** With default generation settings. */
    public ServiceConfig(String host, int port, Path dataDir, String region, String account,
                         Optional<String> jdbcUrl, String dbUser, String dbPassword) {
        this(host, port, dataDir, region, account, jdbcUrl, dbUser, dbPassword, GenerationSettings.defaults(),
                ModelTranslatorConfig.rulesOnly());
    }

    public ServiceConfig withGeneration(GenerationSettings settings) {
        return new ServiceConfig(host, port, dataDir, region, account, jdbcUrl, dbUser, dbPassword, settings, translator,
                credentials, requiredApprovals);
    }

    public ServiceConfig withTranslator(ModelTranslatorConfig newTranslator) {
        return new ServiceConfig(host, port, dataDir, region, account, jdbcUrl, dbUser, dbPassword, generation, newTranslator,
                credentials, requiredApprovals);
    }

    public ServiceConfig withCredentials(Path file) {
        return new ServiceConfig(host, port, dataDir, region, account, jdbcUrl, dbUser, dbPassword, generation, translator,
                Optional.ofNullable(file), requiredApprovals);
    }

    public ServiceConfig withRequiredApprovals(int approvals) {
        return new ServiceConfig(host, port, dataDir, region, account, jdbcUrl, dbUser, dbPassword, generation, translator,
                credentials, approvals);
    }

    public ServiceConfig withHost(String newHost) {
        return new ServiceConfig(newHost, port, dataDir, region, account, jdbcUrl, dbUser, dbPassword, generation, translator,
                credentials, requiredApprovals);
    }

    public static ServiceConfig local(Path dataDir) {
        return new ServiceConfig("127.0.0.1", 0, dataDir, "us-west-2", "123456789012", Optional.empty(), "", "");
    }

    public Arns arns() {
        return new Arns(region, account);
    }

}
