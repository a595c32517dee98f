package com.cedarauthoring.translate.model;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.ToolAction;
import com.cedarauthoring.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One released prompt version, loaded from classpath resources {@code prompts/<version>/}. Released
 * versions are never edited in place; a change is a new version (the version is stored with every asset).
 */
final class PromptTemplates {
    /** The default prompt: v2 asks for the alignment of every policy part (v1 is kept, never edited). */
    static final String VERSION = "nl2cedar/v2";

    private final String version;
    private final String system;
    private final String user;
    private final String repair;
    private final String examples;
    private final String templateSha256;

    private PromptTemplates(String version, String system, String user, String repair, String examples) {
        this.version = version;
        this.system = system;
        this.user = user;
        this.repair = repair;
        this.examples = examples;
        this.templateSha256 = sha256(system + "\u0000" + user + "\u0000" + repair + "\u0000" + examples);
    }

    static PromptTemplates load(String version) {
        String base = "prompts/" + version + "/";
        String examplesJson = resource(base + "examples.json");
        return new PromptTemplates(version, resource(base + "system.txt"), resource(base + "user.txt"),
                resource(base + "repair.txt"), renderExamples(examplesJson));
    }

    String version() {
        return version;
    }

    String templateSha256() {
        return templateSha256;
    }

    /** The system prompt for one gateway: conventions, its schema, its tools, the examples. */
    String system(GatewaySchema schema) {
        return system
                .replace("{{EXAMPLES}}", examples)
                .replace("{{SCHEMA}}", schema.cedarText().strip())
                .replace("{{TOOLS}}", tools(schema))
                .replace("{{TAGS_NOTE}}", schema.authorizer().principalHasTags() ? ""
                        : "; this gateway uses IAM callers, which have no tags, so principal conditions cannot be expressed")
                .replace("{{PRINCIPAL_TYPE}}", schema.principalType())
                .replace("{{GATEWAY_ARN}}", schema.gatewayArn());
    }

    /** The user turn: the requirement escaped so it cannot close its delimiter, enclosed as data. */
    String user(String requirement) {
        return user.replace("{{REQUIREMENT}}", escape(requirement));
    }

    String repair(List<String> problems, GatewaySchema schema) {
        String list = problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"));
        return repair.replace("{{PROBLEMS}}", list).replace("{{GATEWAY_ARN}}", schema.gatewayArn());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String tools(GatewaySchema schema) {
        StringBuilder sb = new StringBuilder();
        for (ToolAction a : schema.actions()) {
            sb.append("- AgentCore::Action::\"").append(a.actionId()).append("\" (target ").append(a.targetName())
                    .append("): ").append(a.description().isBlank() ? "(no description)" : oneLine(a.description()))
                    .append('\n');
            for (Attribute attr : a.input().attributes()) {
                sb.append("    ").append(attr.name()).append(" (").append(attr.type().cedarSyntax())
                        .append(attr.required() ? ", required" : ", optional").append(')');
                if (!attr.enumValues().isEmpty()) {
                    sb.append(" one of ").append(attr.enumValues());
                }
                if (!attr.description().isBlank()) {
                    sb.append(": ").append(oneLine(attr.description()));
                }
                sb.append('\n');
            }
        }
        return sb.toString().strip();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String renderExamples(String json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            StringBuilder sb = new StringBuilder("Example gateway ").append(root.path("gateway").asText())
                    .append(" has these tools:\n");
            root.path("tools").forEach(t -> sb.append("- ").append(t.asText()).append('\n'));
            String arn = root.path("gateway").asText();
            for (JsonNode ex : root.path("examples")) {
                sb.append("\nRequirement: ").append(ex.path("input").asText()).append("\nAnswer: ")
                        .append(Json.mapper().writeValueAsString(ex.path("output")).replace("{{GATEWAY_ARN}}", arn))
                        .append('\n');
            }
            return sb.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException("prompt examples are not valid JSON", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + path, e);
        }
    }
}
