package com.cedarauthoring.api.cli;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.errors.ValidationException;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.gateway.SchemaDeriver;
import com.cedarauthoring.gateway.ToolDefinitions;
import com.cedarauthoring.generation.AssetDraft;
import com.cedarauthoring.generation.GenerationPipeline;
import com.cedarauthoring.generation.GenerationService;
import com.cedarauthoring.generation.PipelineOutcome;
import com.cedarauthoring.json.Json;
import com.cedarauthoring.naming.Arns;
import com.cedarauthoring.naming.Ids;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.Translator;
import com.cedarauthoring.translate.Translators;
import com.cedarauthoring.translate.rules.RulesTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: runs the generation pipeline in process, offline, without a server or database,
 * against a gateway fixture file ({@code {"gateway": <CreateGateway body>, "targets": [...]}}).
 * Exit status 1 when any asset is INVALID or NOT_TRANSLATABLE (or the translator failed), 2 on usage errors.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Translate natural-language requirements into Cedar for a gateway, offline.")
public final class GenerateCommand implements Callable<Integer> {
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--gateway", required = true, description = "Gateway fixture file: {\"gateway\": ..., \"targets\": [...]}.")
    Path gatewayFile;

    @Option(names = "--gateway-arn", description = "ARN to scope the policies to (default: a local ARN derived from the gateway name).")
    String gatewayArn;

    @Option(names = "--region", defaultValue = "${env:AUTHORING_REGION:-us-west-2}", description = "Service region: ARNs and the Bedrock region (env AUTHORING_REGION, default ${DEFAULT-VALUE}).")
    String region;

    @Mixin
    TranslatorOptions translatorOptions;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The requirements (several arguments are joined with spaces).")
    List<String> text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String rawText = String.join(" ", text);
        if (rawText.isBlank() || rawText.length() > GenerationService.RAW_TEXT_MAX) {
            err.println("The text must have 1 to " + GenerationService.RAW_TEXT_MAX + " characters.");
            return USAGE;
        }
        Cedar cedar = new Cedar();
        GatewaySchema schema;
        try {
            schema = schema(cedar);
        } catch (java.io.IOException | IllegalArgumentException | ValidationException e) {
            err.println("Cannot read gateway file " + gatewayFile + ": " + e.getMessage());
            return USAGE;
        }
        Translator translator;
        try {
            translator = Translators.create(translatorOptions.toConfig(region), cedar, new RulesTranslator(cedar));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        PipelineOutcome outcome;
        try {
            GenerationPipeline pipeline = new GenerationPipeline(new RequirementSplitter()::split, translator,
                    cedar, new PolicyAnalyzer(cedar), new Explainer(cedar), new DecisionExamples(cedar));
            outcome = pipeline.run(rawText, schema);
        } finally {
            if (translator instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the process ends next; nothing to release that matters
                }
            }
        }
        if (outcome instanceof PipelineOutcome.Failed failed) {
            err.println("Generation failed: " + failed.reason());
            return 1;
        }
        List<AssetDraft> assets = ((PipelineOutcome.Completed) outcome).assets();
        out.println("Gateway " + schema.gatewayArn() + " (" + schema.actions().size() + " tools)");
        boolean errors = false;
        for (int i = 0; i < assets.size(); i++) {
            AssetDraft a = assets.get(i);
            out.println();
            out.println("[" + (i + 1) + "] " + a.rawTextFragment());
            a.cedar().ifPresentOrElse(c -> c.lines().forEach(l -> out.println("    " + l)),
                    () -> out.println("    (no policy)"));
            for (Finding f : a.findings()) {
                out.println("    " + describe(f));
            }
            a.explanation().ifPresent(e -> out.println("    explanation: " + e));
            errors |= a.hasError();
        }
        out.flush();
        return errors ? 1 : 0;
    }

    private static String describe(Finding f) {
        StringBuilder sb = new StringBuilder(f.type().name());
        if (!f.code().equals(f.type().name())) {
            sb.append(" (").append(f.code()).append(')');
        }
        f.spanIfAny().ifPresent(s -> sb.append(" [").append(s.start()).append('-').append(s.end()).append(')'));
        if (f.description() != null) {
            sb.append(": ").append(f.description());
        }
        return sb.toString();
    }

    private GatewaySchema schema(Cedar cedar) throws java.io.IOException {
        JsonNode file = Json.mapper().readTree(Files.readString(gatewayFile));
        JsonNode gateway = file.path("gateway");
        if (!gateway.isObject() || !file.path("targets").isArray()) {
            throw new IllegalArgumentException("expected {\"gateway\": {...}, \"targets\": [...]}");
        }
        AuthorizerType authorizer = AuthorizerType.valueOf(gateway.path("authorizerType").asText("CUSTOM_JWT"));
        List<SchemaDeriver.TargetTools> targets = new ArrayList<>();
        for (JsonNode t : file.get("targets")) {
            targets.add(new SchemaDeriver.TargetTools(t.path("name").asText(), ToolDefinitions.of(t.get("targetConfiguration"))));
        }
        String arn = gatewayArn != null ? gatewayArn
                : new Arns(region, "123456789012").gateway(Ids.seeded(0).gatewayId(gateway.path("name").asText("gateway")));
        return new SchemaDeriver(cedar).derive(arn, authorizer, targets);
    }
}
