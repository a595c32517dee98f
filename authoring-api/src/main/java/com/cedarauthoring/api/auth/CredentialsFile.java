package com.cedarauthoring.api.auth;

import com.cedarauthoring.identity.Principal;
import com.cedarauthoring.identity.Role;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code --credentials FILE}: {@code {"keys": [{"accessKeyId", "secretAccessKey", "principal",
 * "roles": ["author" | "reviewer" | "admin"]}]}}. Any problem stops start-up with a message naming the entry,
 * never the secret.
 */
public final class CredentialsFile {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{3,128}");
    private static final long MAX_BYTES = 1_048_576;

    private static final Set<String> RESERVED = Set.of(Principal.LOCAL, Principal.SYSTEM.name());

    private CredentialsFile() {}

    public static Map<String, AccessKey> load(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("credentials file " + file + " is larger than 1 MiB");
            }
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read credentials file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        JsonNode keys = root == null ? null : root.get("keys");
        if (keys == null || !keys.isArray() || keys.isEmpty()) {
            throw new IllegalArgumentException("credentials file " + file + " must be {\"keys\": [...]} with at least one key");
        }
        Map<String, AccessKey> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode k : keys) {
            String where = "credentials file " + file + ", keys[" + i++ + "]";
            String id = text(k, "accessKeyId", where);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(where + ": accessKeyId must be 3-128 letters and digits");
            }
            String secret = text(k, "secretAccessKey", where);
            if (secret.length() < 8) {
                throw new IllegalArgumentException(where + " (" + id + "): secretAccessKey must be at least 8 characters");
            }
            String principal = text(k, "principal", where);
            if (principal.length() > 128) {
                throw new IllegalArgumentException(where + " (" + id + "): principal must be at most 128 characters");
            }
            if (RESERVED.contains(principal)) {
                // "local" is local mode's one user (four-eyes off), "system" the service finishing generations:
                // a signed caller with either name would be mistaken for them in reviews and the audit trail
                throw new IllegalArgumentException(where + " (" + id + "): principal \"" + principal + "\" is reserved "
                        + "(local mode's user and the service itself); choose another name");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            JsonNode r = k.get("roles");
            if (r == null || !r.isArray() || r.isEmpty()) {
                throw new IllegalArgumentException(where + " (" + id + "): roles must be a non-empty array");
            }
            for (JsonNode name : r) {
                roles.add(Role.fromWire(name.asText()).orElseThrow(() -> new IllegalArgumentException(
                        where + " (" + id + "): unknown role '" + name.asText() + "'; roles are author, reviewer, admin")));
            }
            if (out.put(id, new AccessKey(id, secret, Principal.of(principal, roles))) != null) {
                throw new IllegalArgumentException(where + ": accessKeyId " + id + " appears twice");
            }
        }
        return Map.copyOf(out);
    }

    private static String text(JsonNode k, String member, String where) {
        JsonNode v = k.get(member);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + member + " must be a non-empty string");
        }
        return v.asText();
    }
}
