package com.cedarauthoring.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The access keys the API tests sign with, and the credentials file that declares them. */
public final class TestCredentials {
    public record Key(String accessKeyId, String secretAccessKey, String principal, List<String> roles) {}

    /** Every role: drives the existing SDK suites unchanged (admin operations, generations, statements). */
    public static final Key ALL = new Key("AKIDTESTALL", "all-roles-secret", "sdk-tester", List.of("author", "reviewer", "admin"));
    public static final Key ADMIN = new Key("AKIDADMIN", "admin-secret-0001", "ada", List.of("admin"));
    public static final Key AUTHOR = new Key("AKIDAUTHOR", "author-secret-0001", "alice", List.of("author"));
    public static final Key REVIEWER = new Key("AKIDREVIEWER", "reviewer-secret-01", "rita", List.of("reviewer"));
    public static final Key REVIEWER2 = new Key("AKIDREVIEWER2", "reviewer-secret-02", "rob", List.of("reviewer"));
    /** Author and reviewer at once: four-eyes must still stop her approving her own generation. */
    public static final Key AUTHOR_REVIEWER = new Key("AKIDBOTH", "both-roles-secret", "carol", List.of("author", "reviewer"));
    public static final List<Key> KEYS = List.of(ALL, ADMIN, AUTHOR, REVIEWER, REVIEWER2, AUTHOR_REVIEWER);

    private TestCredentials() {}

    /** Writes the credentials file for {@link #KEYS} into {@code dir}. */
    public static Path write(Path dir) {
        String keys = KEYS.stream().map(k -> "{\"accessKeyId\": \"" + k.accessKeyId() + "\", \"secretAccessKey\": \""
                + k.secretAccessKey() + "\", \"principal\": \"" + k.principal() + "\", \"roles\": ["
                + k.roles().stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", ")) + "]}")
                .collect(Collectors.joining(",\n  "));
        Path file = dir.resolve("credentials.json");
        try {
            Files.writeString(file, "{\"keys\": [\n  " + keys + "\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A local service configuration that requires signatures from {@link #KEYS}. */
    public static ServiceConfig signed(Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir.resolve("etc"));
            return ServiceConfig.local(dataDir).withCredentials(write(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
