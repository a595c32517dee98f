package com.cedarauthoring.api.generation;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Provenance;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import com.cedarauthoring.translate.Translator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A tiny keyword translator for pipeline tests (the real rules translator is tested elsewhere). It
 * proposes good, broken, out-of-scope and schema-invalid Cedar so every pipeline stage is exercised.
 */
final class TestTranslator implements Translator {
    private final long slowMillis;
    private final Consumer<String> onTranslate;

    TestTranslator(long slowMillis, Consumer<String> onTranslate) {
        this.slowMillis = slowMillis;
        this.onTranslate = onTranslate;
    }

    TestTranslator() {
        this(0, s -> { });
    }

    @Override
    public String name() {
        return "test";
    }

    @Override
    public TranslationOutcome translate(TranslationRequest request) {
        String text = request.requirement().text();
        String lower = text.toLowerCase();
        onTranslate.accept(text);
        if (lower.contains("slow") && slowMillis > 0) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new TranslationOutcome.Failed("interrupted", true);
            }
        }
        if (lower.contains("unreachable")) {
            return new TranslationOutcome.Failed("The model endpoint is unreachable. Check the Bedrock region and credentials, then start the generation again.", false);
        }
        if (lower.contains("flaky")) {
            return new TranslationOutcome.Failed("The model was throttled. Try again later.", true);
        }
        String arn = request.schema().gatewayArn();
        String scope = "permit (principal is AgentCore::OAuthUser, action == AgentCore::Action::\"RefundTarget___process_refund\", resource == AgentCore::Gateway::\"" + arn + "\")";
        Optional<String> cedar;
        List<Finding> findings = List.of();
        if (lower.contains("broken")) {
            cedar = Optional.of("permit (principal, action, resource) when { context.input.amount < };");
        } else if (lower.contains("elsewhere")) {
            cedar = Optional.of(scope.replace(arn, arn + "x") + ";");
        } else if (lower.contains("colour")) {
            cedar = Optional.of(scope + " when { context.input.colour == \"red\" };");
        } else if (lower.contains("reasonable")) {
            cedar = Optional.empty();
            findings = List.of(Finding.of(FindingType.NOT_TRANSLATABLE, "SUBJECTIVE_CONDITION", "\"reasonable\" is subjective."));
        } else if (lower.contains("everyone")) {
            cedar = Optional.of(scope + ";");
        } else {
            cedar = Optional.of(scope + " when { context.input.amount < 500 };");
        }
        return new TranslationOutcome.Candidates(List.of(new Candidate(text, request.requirement().span(), cedar, findings,
                new Provenance("test", null, null, null, 1, java.util.Map.of()))));
    }
}
