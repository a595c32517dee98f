package com.cedarauthoring.translate.rules;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.fixtures.Fixtures;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.RequirementSplitter;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.TranslationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manual exploration: translates the lines of /tmp/scratch/in.txt ("gateway | text") when that file exists. */
class RulesScratchTest {
    @Test
    void scratch() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/tmp/scratch/in.txt")), "manual exploration only");
        Cedar cedar = new Cedar();
        RulesTranslator tr = new RulesTranslator(cedar);
        var gws = Fixtures.gateways();
        for (String line : Files.readAllLines(Path.of("/tmp/scratch/in.txt"))) {
            if (line.isBlank()) continue;
            int bar = line.indexOf('|');
            var g = gws.get(line.substring(0, bar).trim());
            GatewaySchema schema = g.schema(cedar, g.testArn());
            String text = line.substring(bar + 1).trim();
            System.out.println("### " + text);
            for (Requirement r : new RequirementSplitter().split(text)) {
                var o = (TranslationOutcome.Candidates) tr.translate(new TranslationRequest(r, text, schema));
                for (Candidate c : o.candidates()) {
                    String ced = c.cedar().orElse("-");
                    int w = ced.indexOf("\n)");
                    int a = ced.indexOf("action");
                    if (c.cedar().isEmpty()) { System.out.println("   NT " + c.findings().stream().map(f -> f.code() + "(" + f.description() + ")").toList()); continue; }
                    System.out.println("   " + ced.substring(a, ced.indexOf(',', Math.max(a, 0)) + 1).replace("\n", " ")
                            + (w > 0 ? ced.substring(w).replaceAll("\\s+", " ") : "") + (ced.startsWith("forbid") ? " FORBID" : "")
                            + (c.cedar().isPresent() && !cedar.validate(schema, ced).isEmpty() ? " INVALID " + cedar.validate(schema, ced) : "")
                            + " " + c.findings().stream().map(f -> f.code() + (f.type().name().equals("NOT_TRANSLATABLE") ? "(" + f.description() + ")" : "")).toList());
                }
            }
        }
    }
}
