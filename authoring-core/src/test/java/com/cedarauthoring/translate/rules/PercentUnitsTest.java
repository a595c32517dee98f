package com.cedarauthoring.translate.rules;

import static com.cedarauthoring.translate.rules.TestSchemas.LONG;
import static com.cedarauthoring.translate.rules.TestSchemas.req;
import static com.cedarauthoring.translate.rules.TestSchemas.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.generation.AssetDraft;
import com.cedarauthoring.generation.GenerationPipeline;
import com.cedarauthoring.generation.PipelineOutcome;
import com.cedarauthoring.translate.RequirementSplitter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A percentage on an attribute that says it holds one (its name "discountPct" / "error_rate_percent" or its
 * description "as a percentage"), through the whole pipeline (translator and grounding check): "%" supplies the
 * unit part of the name, "percentage" and "pct" are one word, and a "%" on an attribute that does not carry
 * percent is still refused.
 */
class PercentUnitsTest {
    private static final Cedar CEDAR = new Cedar();
    private static final GatewaySchema PRICING = TestSchemas.schema(AuthorizerType.CUSTOM_JWT,
            tool("PricingTarget", "apply_discount", "Apply a discount to a cart",
                    req("cartId", TestSchemas.STR), req("discountPct", LONG),
                    new Attribute("maxAmount", LONG, true, "Largest cart total in dollars", List.of())),
            tool("ClusterTarget", "scale_cluster", "Scale a compute cluster",
                    req("clusterName", TestSchemas.STR),
                    new Attribute("cpu_utilization", LONG, true, "Current CPU utilization as a percentage", List.of()),
                    req("error_rate_percent", LONG), req("min_node_count", LONG)));
    private static final GenerationPipeline PIPELINE = new GenerationPipeline(new RequirementSplitter()::split,
            new RulesTranslator(CEDAR), CEDAR, new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));

    private static AssetDraft one(String sentence) {
        List<AssetDraft> assets = ((PipelineOutcome.Completed) PIPELINE.run(sentence, PRICING)).assets();
        assertThat(assets).as(sentence).hasSize(1);
        return assets.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Allow users to apply discounts when the discount is over 15%.|context.input.discountPct > 15",
            "Allow users to apply discounts when the discount percentage is at most 20%.|context.input.discountPct <= 20",
            "Allow users to apply discounts when the discount pct is under 30 percent.|context.input.discountPct < 30",
            "Block users from scaling clusters when the error rate is above 5%.|context.input.error_rate_percent > 5",
            "Allow users to scale clusters when the CPU utilization is over 80 percent.|context.input.cpu_utilization > 80",
            "Allow users to apply discounts when the max amount is under $500.|context.input.maxAmount < 500",
            "Allow users to scale clusters when the min node count is at least 3.|context.input.min_node_count >= 3"})
    void aPercentageOrAWordedIdentifierBindsWithFullEvidence(String sentence, String condition) {
        AssetDraft a = one(sentence);
        assertThat(a.findings()).as(sentence).extracting(Finding::type).containsExactly(FindingType.VALID);
        assertThat(a.cedar().orElseThrow().replaceAll("\\s+", " ")).contains(condition);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the unit is what names the "pct" part: without it the discount names only half of discountPct
            "Allow users to apply discounts when the discount is over 15.|UNGROUNDED_ATTRIBUTE",
            // a percentage on attributes that do not carry percent, also before the full stop
            "Allow users to apply discounts when the cart total is over 15%.|UNIT_MISMATCH",
            "Allow users to scale clusters when the min node count is at least 3%.|UNIT_MISMATCH",
            // "error rate" alone is half of error_rate_percent
            "Block users from scaling clusters when the error rate is above 5.|"})
    void withoutTheUnitOrOnTheWrongAttributeItIsRefused(String sentence, String code) {
        AssetDraft a = one(sentence);
        assertThat(a.findings()).as(sentence).extracting(Finding::type).doesNotContain(FindingType.VALID);
        if (code != null) {
            assertThat(a.findings()).as(sentence).extracting(Finding::code).contains(code);
        }
    }
}
