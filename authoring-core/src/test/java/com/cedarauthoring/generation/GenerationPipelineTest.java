package com.cedarauthoring.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Cedar;
import com.cedarauthoring.explain.DecisionExamples;
import com.cedarauthoring.explain.Explainer;
import com.cedarauthoring.explain.TestSchemas;
import com.cedarauthoring.findings.CandidateCheck;
import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.findings.PolicyAnalyzer;
import com.cedarauthoring.findings.Span;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Candidate;
import com.cedarauthoring.translate.Provenance;
import com.cedarauthoring.translate.Requirement;
import com.cedarauthoring.translate.TranslationOutcome;
import com.cedarauthoring.translate.Translator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every stage of the pipeline on hand-written candidates: the pipeline judges Cedar, not its author. */
class GenerationPipelineTest {
    static final Cedar CEDAR = new Cedar();
    static final GatewaySchema SCHEMA = TestSchemas.refunds();
    static final String RAW = "Allow users to process refunds when the amount is under 500.";
    static final Span SPAN = new Span(0, RAW.length());
    static final Provenance MODEL = new Provenance("bedrock", "us.model", "v1", "abc", 2, Map.of());

    static AssetDraft one(String cedar, Finding... translatorFindings) {
        return one(RAW, cedar, translatorFindings);
    }

    static AssetDraft one(String raw, String cedar, Finding... translatorFindings) {
        Translator t = fixed(new TranslationOutcome.Candidates(List.of(new Candidate(raw, new Span(0, raw.length()),
                Optional.ofNullable(cedar), List.of(translatorFindings), MODEL))));
        PipelineOutcome outcome = pipeline(t).run(raw, SCHEMA);
        List<AssetDraft> assets = ((PipelineOutcome.Completed) outcome).assets();
        assertThat(assets).hasSize(1);
        return assets.get(0);
    }

    static Translator fixed(TranslationOutcome outcome) {
        return new Translator() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public TranslationOutcome translate(com.cedarauthoring.translate.TranslationRequest request) {
                return outcome;
            }
        };
    }

    static GenerationPipeline pipeline(Translator t) {
        return new GenerationPipeline(raw -> List.of(new Requirement(raw, new Span(0, raw.length()))), t, CEDAR,
                new PolicyAnalyzer(CEDAR), new Explainer(CEDAR), new DecisionExamples(CEDAR));
    }

    static List<String> codes(AssetDraft a) {
        return a.findings().stream().map(Finding::code).toList();
    }

    @Test
    void validPolicyIsValidAloneAndFormatted() {
        AssetDraft a = one(TestSchemas.permit("context.input.amount < 500"));
        assertThat(a.findings()).containsExactly(Finding.valid());
        assertThat(a.cedar().orElseThrow()).isEqualTo(CEDAR.format(TestSchemas.permit("context.input.amount < 500")));
        assertThat(a.provenance()).isEqualTo(MODEL);
        assertThat(a.rawTextFragment()).isEqualTo(RAW);
        assertThat(a.explanation()).isPresent();
        assertThat(a.examples()).isNotEmpty();
    }

    /** A candidate carrying {@code checked}, as the model translator hands on its repair loop's passed check. */
    static AssetDraft oneChecked(String cedar, CandidateCheck.Outcome.Valid checked) {
        Translator t = fixed(new TranslationOutcome.Candidates(List.of(new Candidate(RAW, SPAN, Optional.of(cedar), List.of(),
                MODEL, null, Optional.of(checked)))));
        return ((PipelineOutcome.Completed) pipeline(t).run(RAW, SCHEMA)).assets().get(0);
    }

    static CandidateCheck.Outcome.Valid passed(String cedar, GatewaySchema schema) {
        return (CandidateCheck.Outcome.Valid) new CandidateCheck(CEDAR).check(cedar, schema);
    }

    @Test
    void aPassedCheckStandsForExactlyItsTextAndSchemaAndNothingElse() {
        CandidateCheck.Outcome.Valid good = passed(TestSchemas.permit("context.input.amount < 500"), SCHEMA);

        // its own text against its own schema: stored as checked, and the rest of the pipeline still runs
        AssetDraft kept = oneChecked(good.policy(), good);
        assertThat(kept.findings()).containsExactly(Finding.valid());
        assertThat(kept.cedar()).contains(good.policy());
        assertThat(kept.explanation()).isPresent();
        assertThat(kept.examples()).isNotEmpty();

        // another text under a good check is checked itself: a schema error stays a schema error
        assertThat(codes(oneChecked(TestSchemas.permit("context.input.colour == \"red\""), good)))
                .containsExactly("CEDAR_SCHEMA");
        // the checked text with anything appended is no longer the checked text
        assertThat(codes(oneChecked(good.policy() + "\n" + TestSchemas.forbid(null), good)))
                .containsExactly("CEDAR_SYNTAX");

        // a check passed against another gateway's schema does not count for this gateway
        String otherArn = TestSchemas.ARN.replace("refunds-gw", "others-gw");
        GatewaySchema other = new GatewaySchema(otherArn, SCHEMA.authorizer(), SCHEMA.actions(), SCHEMA.cedarText(),
                SCHEMA.cedarJson());
        CandidateCheck.Outcome.Valid elsewhere = passed(TestSchemas.permit("context.input.amount < 5")
                .replace(TestSchemas.ARN, otherArn), other);
        assertThat(codes(oneChecked(elsewhere.policy(), elsewhere))).containsExactly("SCOPE_VIOLATION");
        // nor does one against an equal schema that is not the run's (a gateway re-derived since)
        GatewaySchema equal = TestSchemas.refunds();
        assertThat(equal).isEqualTo(SCHEMA).isNotSameAs(SCHEMA);
        assertThat(passed(good.policy(), equal).covers(good.policy(), SCHEMA)).isFalse();
    }

    @Test
    void syntaxErrorIsInvalidWithCedarsMessageAndTheFragmentSpan() {
        AssetDraft a = one("permit (principal, action, resource) when { context.input.amount < };");
        assertThat(codes(a)).containsExactly("CEDAR_SYNTAX");
        assertThat(a.findings().get(0).type()).isEqualTo(FindingType.INVALID);
        assertThat(a.findings().get(0).span()).isEqualTo(SPAN);
        assertThat(a.hasError()).isTrue();
    }

    @Test
    void twoPoliciesInOneStatementAreInvalid() {
        AssetDraft a = one(TestSchemas.permit(null) + "\n" + TestSchemas.forbid(null));
        assertThat(codes(a)).containsExactly("CEDAR_SYNTAX");
    }

    @Test
    void anotherGatewayOrAnUnknownToolIsAScopeViolation() {
        assertThat(codes(one(TestSchemas.permit("context.input.amount < 5").replace(TestSchemas.ARN, TestSchemas.ARN + "2"))))
                .containsExactly("SCOPE_VIOLATION");
        assertThat(codes(one("permit (principal, action, resource);"))).containsExactly("SCOPE_VIOLATION");
        assertThat(codes(one(TestSchemas.scope("permit", "principal",
                "action == AgentCore::Action::\"RefundTarget___delete_everything\"") + ";"))).containsExactly("SCOPE_VIOLATION");
    }

    @Test
    void wholeTargetAndEveryToolStayInScope() {
        assertThat(codes(one(TestSchemas.scope("permit", "principal is AgentCore::OAuthUser",
                "action in AgentCore::Action::\"RefundTarget\"") + " when { principal.id == \"alice\" };")))
                .doesNotContain("SCOPE_VIOLATION").doesNotContain("CEDAR_SCHEMA");
        assertThat(codes(one(TestSchemas.scope("forbid", "principal", "action") + ";")))
                .doesNotContain("SCOPE_VIOLATION");
    }

    @Test
    void schemaErrorIsInvalidWithValidatorMessages() {
        AssetDraft a = one(TestSchemas.permit("context.input.colour == \"red\""));
        assertThat(codes(a)).containsExactly("CEDAR_SCHEMA");
        assertThat(a.findings().get(0).description()).contains("colour");
    }

    @Test
    void analyzerFindingsReplaceValid() {
        AssetDraft a = one("Allow users to process refunds.", TestSchemas.permit(null));
        assertThat(a.findings()).extracting(Finding::type).containsExactly(FindingType.ALLOW_ALL);
        AssetDraft none = one("Allow users to process refunds when the amount is under 5 and over 10.",
                TestSchemas.permit("context.input.amount < 5 && context.input.amount > 10"));
        assertThat(none.findings()).extracting(Finding::type).containsExactly(FindingType.ALLOW_NONE);
    }

    @Test
    void translatorFindingsComeFirstAndValidIsDropped() {
        AssetDraft a = one(TestSchemas.permit("context.input.amount < 500"),
                Finding.of(FindingType.AMBIGUOUS, "AMBIGUOUS_PRINCIPAL", "No principal named."), Finding.valid());
        assertThat(codes(a)).containsExactly("AMBIGUOUS_PRINCIPAL");
    }

    @Test
    void aValidPolicyTheRequirementDoesNotSayIsNotValid() {
        AssetDraft a = one("Allow users to process refunds.", TestSchemas.permit("context.input.amount < 500"));
        assertThat(a.findings()).extracting(Finding::type).contains(FindingType.INVALID);
        assertThat(a.findings()).extracting(Finding::code).contains("UNGROUNDED_LITERAL");
        assertThat(a.findings().get(0).description()).contains("500");
        assertThat(a.hasError()).isTrue();
    }

    @Test
    void noCedarIsNotTranslatable() {
        assertThat(codes(one(null))).containsExactly("UNSUPPORTED_CONSTRUCT");
        AssetDraft subjective = one(null, Finding.of(FindingType.NOT_TRANSLATABLE, "SUBJECTIVE_CONDITION", "subjective"));
        assertThat(codes(subjective)).containsExactly("SUBJECTIVE_CONDITION");
        assertThat(subjective.cedar()).isEmpty();
    }

    @Test
    void translatorFailureFailsTheRun() {
        PipelineOutcome outcome = pipeline(fixed(new TranslationOutcome.Failed("model down", true))).run(RAW, SCHEMA);
        assertThat(outcome).isEqualTo(new PipelineOutcome.Failed("model down", true));
    }
}
