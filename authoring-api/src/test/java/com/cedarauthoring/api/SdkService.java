package com.cedarauthoring.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * A running service in a temporary data directory and the real AWS SDK client for it ({@link LocalSdk}, every-role
 * key), for the SDK suites. Register it with {@code @RegisterExtension}: on a static field one service serves the
 * whole class, on an instance field each test gets a fresh one. Stopped (client, then service) and its directory
 * deleted afterwards.
 */
public final class SdkService implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Function<Path, ServiceConfig> config;
    private boolean perClass;
    private Path dir;
    private Application app;
    private BedrockAgentCoreControlClient client;

    private SdkService(Function<Path, ServiceConfig> config) {
        this.config = config;
    }

    /** Requires signatures from {@link TestCredentials#KEYS}; the client signs with {@link TestCredentials#ALL}. */
    public static SdkService signed() {
        return new SdkService(TestCredentials::signed);
    }

    /** Local mode (no credentials file). */
    public static SdkService local() {
        return new SdkService(ServiceConfig::local);
    }

    public Application app() {
        return app;
    }

    public BedrockAgentCoreControlClient client() {
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        try {
            dir = Files.createTempDirectory("sdk-service");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = Application.start(config.apply(dir));
        client = LocalSdk.client(app.port());
    }

    private void stop() {
        if (client != null) {
            client.close();
        }
        if (app != null) {
            app.close();
        }
        client = null;
        app = null;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary directory harms nobody
        }
    }
}
