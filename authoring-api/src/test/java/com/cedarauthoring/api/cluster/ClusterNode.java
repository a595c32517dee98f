package com.cedarauthoring.api.cluster;

import com.cedarauthoring.api.Application;
import com.cedarauthoring.api.ServiceConfig;
import com.cedarauthoring.generation.GenerationSettings;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import com.cedarauthoring.translate.rules.RulesTranslator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One service instance of the two-instance tests, as its own JVM: the whole {@link Application} on a
 * shared PostgreSQL with the real rules translator, instrumented so the test can see which instance
 * ran which requirement.
 *
 * <p>Arguments: {@code <jdbcUrl> <user> <password> <markerDir>}. Prints {@code READY <port>} when serving
 * and {@code TRANSLATING <text>} each time a requirement is translated. A requirement containing
 * "slowly" sleeps a minute the first time any instance translates it (a marker file in
 * {@code markerDir}, shared by the instances, records that), so the test can kill -9 the instance
 * running that job and watch the other finish it without sleeping again.
 */
public final class ClusterNode {
    private ClusterNode() {}

    public static void main(String[] args) throws Exception {
        Path markers = Path.of(args[3]);
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, markers, "us-west-2", "123456789012",
                Optional.of(args[0]), args[1], args[2],
                // a dead instance's job is revived after ~4 missed heartbeats: about 4 s here
                GenerationSettings.defaults().withHeartbeat(Duration.ofSeconds(1)).withDeadline(Duration.ofSeconds(90)),
                null);
        Application app = Application.start(config, Clock.systemUTC(), Ids.secureRandom(),
                (cedar, modelCalls) -> new Instrumented(new RulesTranslator(cedar), markers));
        System.out.println("READY " + app.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    private record Instrumented(Translator delegate, Path markers) implements Translator {
        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public TranslationOutcome translate(TranslationRequest request) {
            String text = request.requirement().text();
            System.out.println("TRANSLATING " + text);
            System.out.flush();
            if (text.contains("slowly") && firstTime(text)) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.translate(request);
        }

        private boolean firstTime(String text) {
            try {
                String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
                Files.createFile(markers.resolve(name));
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
