package com.cedarauthoring.translate.rules;

import static com.cedarauthoring.translate.rules.RulesTranslatorTest.codes;
import static com.cedarauthoring.translate.rules.RulesTranslatorTest.flat;
import static com.cedarauthoring.translate.rules.RulesTranslatorTest.translate;
import static com.cedarauthoring.translate.rules.TestSchemas.LONG;
import static com.cedarauthoring.translate.rules.TestSchemas.STR;
import static com.cedarauthoring.translate.rules.TestSchemas.req;
import static com.cedarauthoring.translate.rules.TestSchemas.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.cedar.Attribute;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.gateway.AuthorizerType;
import com.cedarauthoring.gateway.GatewaySchema;
import com.cedarauthoring.translate.Alignment;
import com.cedarauthoring.translate.Candidate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's new forms (passive, "require", "except when", ranges, number words, units, markdown, "isn't",
 * "and/or") and section 5's refusals, on the shop gateway and on a small bank gateway written for them.
 */
class RulesLanguageTest {
    private static final GatewaySchema SHOP = TestSchemas.shop();
    private static final String REFUND = "action==AgentCore::Action::\"RefundTarget___process_refund\"";
    private static final String ROLE = "principal.hasTag(\"role\")&&principal.getTag(\"role\")==";

    /** Money next to non-money numbers, a currency input, units in names and descriptions, an enum. */
    static final GatewaySchema BANK = TestSchemas.schema(AuthorizerType.CUSTOM_JWT,
            tool("PayTarget", "send_wire", "Send a wire transfer to a beneficiary",
                    new Attribute("amount", LONG, true, "Amount to send", List.of()),
                    new Attribute("currency", STR, true, "ISO currency", List.of("USD", "EUR")),
                    req("beneficiary_name", STR), req("batch_size", LONG)),
            tool("StorageTarget", "upload_file", "Upload a file to the archive",
                    new Attribute("size_mb", LONG, true, "File size in MB", List.of()),
                    new Attribute("retention", LONG, true, "How long to keep the file, in days", List.of()),
                    req("folder_name", STR)),
            tool("DecisionTarget", "finalize_decision", "Finalize a pending credit decision",
                    req("decision_id", STR), new Attribute("tier", STR, false, "", List.of("gold", "silver"))));

    private static Candidate one(GatewaySchema schema, String text) {
        List<Candidate> cs = translate(schema, text);
        assertThat(cs).as(text).hasSize(1);
        return cs.get(0);
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                // passive voice
                Arguments.of("Refunds over $500 must be blocked", "forbid", REFUND + ",", "context.input.amount>500", List.of()),
                Arguments.of("Refund processing is allowed for users with role clerk", "permit", REFUND + ",", ROLE + "\"clerk\"", List.of()),
                Arguments.of("Refunds must not be processed by users with role intern when the amount is under $50", null, null, null, null),
                // "require X for Y" / "Y requires X": Y is forbidden unless X
                Arguments.of("Require a reason for refunds", "forbid", REFUND + ",", "unless{context.inputhasreason}", List.of()),
                Arguments.of("Refunds over $500 require role manager", "forbid", REFUND + ",",
                        "context.input.amount>500}unless{" + ROLE + "\"manager\"}", List.of()),
                // except when / but not when / other than / isn't / and-or
                Arguments.of("Allow users with role clerk to process refunds except when the risk level is high", "permit", REFUND,
                        "unless{context.inputhasrisk_level&&context.input.risk_level==\"high\"}", List.of()),
                Arguments.of("Allow users with role clerk to process refunds, but not when the amount is over $1,000", "permit", REFUND,
                        "unless{context.input.amount>1000}", List.of()),
                Arguments.of("Allow users with role clerk to ship packages when the region is other than EU", "permit", "", 
                        "context.inputhasregion&&context.input.region!=\"EU\"", List.of()),
                Arguments.of("Allow users with role clerk to process refunds when the risk level isn't high", "permit", REFUND,
                        "context.inputhasrisk_level&&context.input.risk_level!=\"high\"", List.of()),
                Arguments.of("Allow users with role clerk to process refunds when the reason is damaged and/or the amount is under 20",
                        "permit", REFUND, "context.inputhasreason&&context.input.reason==\"damaged\"||context.input.amount<20", List.of()),
                // ranges and comparator phrases
                Arguments.of("Allow users with role agent to create flight bookings when the passenger count is from 2 up to and including 6",
                        "permit", "", "context.input.passenger_count>=2&&context.input.passenger_count<=6", List.of()),
                Arguments.of("Allow users with role agent to create flight bookings when the passenger count is from 2 to 6",
                        "permit", "", "context.input.passenger_count>=2&&context.input.passenger_count<=6", List.of("AMBIGUOUS_BETWEEN")),
                Arguments.of("Allow users with role agent to create flight bookings when the passenger count is up to and including 6",
                        "permit", "", "context.input.passenger_count<=6", List.of()),
                Arguments.of("Block users from processing refunds when the amount is at or above $2,500", "forbid", REFUND,
                        "context.input.amount>=2500", List.of()),
                // number words, currencies, units
                Arguments.of("Allow users with role clerk to process refunds under five hundred dollars", "permit", REFUND,
                        "context.input.amount<500", List.of()),
                Arguments.of("Allow users with role clerk to process refunds when the amount is below two thousand", "permit", REFUND,
                        "context.input.amount<2000", List.of()),
                Arguments.of("Allow users with role teller to send wires of less than 1000 USD", "permit", "",
                        "context.input.amount<1000&&context.input.currency==\"USD\"", List.of()),
                Arguments.of("Allow users with role clerk to upload files when the size is at most 100 MB", "permit", "",
                        "context.input.size_mb<=100", List.of()),
                Arguments.of("Allow users with role clerk to upload files when the retention is under 30 days", "permit", "",
                        "context.input.retention<30", List.of()),
                // tools named by a derived noun; markdown emphasis
                Arguments.of("Allow users with role officer to perform finalization of decisions", "permit",
                        "action==AgentCore::Action::\"DecisionTarget___finalize_decision\"", ROLE + "\"officer\"", List.of()),
                Arguments.of("**Allow** users with role clerk to process refunds when the amount is __under $500__", "permit", REFUND,
                        "context.input.amount<500", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void readsTheForm(String input, String effect, String scope, String condition, List<String> findingCodes) {
        GatewaySchema schema = input.contains("wire") || input.contains("upload") || input.contains("decision") ? BANK : SHOP;
        if (effect == null) {
            // passive forbid with a principal and a condition
            Candidate c = one(schema, input);
            assertThat(flat(c.cedar().orElseThrow())).startsWith("forbid").contains(flat(ROLE) + "\"intern\"").contains("amount<50");
            return;
        }
        Candidate c = one(schema, input);
        assertThat(c.cedar()).as(input + " " + c.findings()).isPresent();
        String p = flat(c.cedar().get());
        assertThat(p).startsWith(effect).contains(flat(scope)).contains(flat(condition));
        assertThat(codes(c)).containsExactlyInAnyOrderElementsOf(findingCodes);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // units must fit
                Arguments.of(SHOP, "Allow users with role agent to create flight bookings under $300", "UNIT_MISMATCH"),
                Arguments.of(SHOP, "Allow users with role agent to create flight bookings when the passenger count is under $300", "UNIT_MISMATCH"),
                Arguments.of(BANK, "Allow users with role clerk to upload files when the size is at most 100 kg", "UNIT_MISMATCH"),
                Arguments.of(BANK, "Allow users with role teller to send wires of less than 1000 GBP", "UNKNOWN_VALUE"),
                // half-named attributes, evaluative values, enums
                Arguments.of(BANK, "Allow users with role officer to finalize decisions when the decision is sensible", null),
                Arguments.of(SHOP, "Allow users with role clerk to process refunds when the reason is sensible", "SUBJECTIVE_CONDITION"),
                Arguments.of(SHOP, "Allow users with role clerk to process refunds when the risk level is extreme", "UNKNOWN_VALUE"),
                Arguments.of(BANK, "Allow users with role officer to finalize decisions when the tier is platinum", "UNKNOWN_VALUE"),
                // group nouns and unfinished sentences
                Arguments.of(SHOP, "Allow customers to process refunds", "UNTRANSLATED_WORDS"),
                Arguments.of(SHOP, "Allow staff to process refunds", "UNTRANSLATED_WORDS"),
                Arguments.of(SHOP, "Allow managers to process refunds", "UNTRANSLATED_WORDS"),
                Arguments.of(SHOP, "Allow users with role auditor to", "UNKNOWN_TOOL"),
                // every word accounted for
                Arguments.of(SHOP, "Allow users with role clerk to process refunds when the amount is under $500 on weekdays", "UNTRANSLATED_WORDS"),
                Arguments.of(BANK, "Block wire transfers above 2 million for beneficiaries abroad", null),
                // look-alike text
                Arguments.of(SHOP, "Allow user refund\u202e-agent to process refunds", "LOOKALIKE_TEXT"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusals")
    void refuses(GatewaySchema schema, String input, String code) {
        List<Candidate> cs = translate(schema, input);
        assertThat(cs).as(input).allSatisfy(c -> assertThat(c.findings()).as(input).anySatisfy(f ->
                assertThat(f.type()).isEqualTo(FindingType.NOT_TRANSLATABLE)));
        assertThat(cs.get(0).cedar()).isEmpty();
        if (code != null) {
            assertThat(codes(cs.get(0))).containsExactly(code);
        }
    }

    @Test
    void aBareLowerCaseWordIsUsernameOrRoleOneReadingEach() {
        List<Candidate> cs = translate(SHOP, "Allow admin to process refunds");
        assertThat(cs).hasSize(2);
        assertThat(cs).allSatisfy(c -> assertThat(codes(c)).contains("AMBIGUOUS_PRINCIPAL"));
        assertThat(cs.stream().map(c -> flat(c.cedar().get())).toList())
                .anySatisfy(p -> assertThat(p).contains("getTag\"username\"==\"admin\""))
                .anySatisfy(p -> assertThat(p).contains("getTag\"role\"==\"admin\""));
    }

    @Test
    void aDotBeforeThreeDigitsIsTwoReadings() {
        List<Candidate> cs = translate(SHOP, "Allow users with role clerk to process refunds when the amount is over 1.000");
        assertThat(cs).hasSize(2);
        assertThat(cs).allSatisfy(c -> assertThat(codes(c)).contains("AMBIGUOUS_NUMBER"));
        assertThat(cs.stream().map(c -> flat(c.cedar().get())).toList())
                .anySatisfy(p -> assertThat(p).contains("amount>1000"))
                .anySatisfy(p -> assertThat(p).contains("amount>1}"));
    }

    @Test
    void aMoneyAmountWithTwoMoneyAttributesIsOneReadingEach() {
        GatewaySchema fees = TestSchemas.schema(AuthorizerType.CUSTOM_JWT, tool("OrderTarget", "refund_order", "Refund an order",
                req("refund_amount", LONG), req("shipping_fee", LONG), req("item_count", LONG)));
        List<Candidate> cs = translate(fees, "Allow users with role clerk to refund orders under $50");
        assertThat(cs).hasSize(2);
        assertThat(cs).allSatisfy(c -> assertThat(codes(c)).containsExactly("AMBIGUOUS_ATTRIBUTE"));
    }

    @Test
    void onlyXMayIsAPermitAndAForbidForEveryoneElse() {
        List<Candidate> cs = translate(SHOP, "Only users with role manager may process refunds when the amount is over $500");
        assertThat(cs).hasSize(2);
        assertThat(flat(cs.get(0).cedar().get())).startsWith("permit").contains(flat(ROLE) + "\"manager\"&&context.input.amount>500");
        assertThat(flat(cs.get(1).cedar().get())).startsWith("forbid").contains("when{context.input.amount>500}")
                .contains("unless{" + flat(ROLE) + "\"manager\"}");
        assertThat(cs).allSatisfy(c -> assertThat(c.rawTextFragment()).isEqualTo(cs.get(0).rawTextFragment()));
    }

    @Test
    void mixedScriptNamesAreFlagged() {
        Candidate c = one(SHOP, "Allow user \u0440aypal-bot to process refunds");
        assertThat(codes(c)).containsExactly("LOOKALIKE_TEXT");
        assertThat(c.findings().get(0).description()).contains("U+0440");
    }

    @Test
    void everyCandidateCarriesItsAlignment() {
        String text = "Allow users with role clerk to process refunds when the amount is under $500 and a reason is provided";
        Alignment a = one(SHOP, text).alignment();
        assertThat(a.parts()).extracting(Alignment.Part::role).containsExactly(Alignment.Role.EFFECT, Alignment.Role.PRINCIPAL,
                Alignment.Role.TOOL, Alignment.Role.CONDITION, Alignment.Role.CONDITION);
        assertThat(words(text, a, Alignment.Role.EFFECT)).isEqualTo("Allow");
        assertThat(words(text, a, Alignment.Role.PRINCIPAL)).isEqualTo("users with role clerk");
        assertThat(words(text, a, Alignment.Role.TOOL)).isEqualTo("process refunds");
        assertThat(a.parts().get(3).target()).isEqualTo("context.input.amount < 500");
        assertThat(text.substring(a.parts().get(3).spans().get(0).start(), a.parts().get(3).spans().get(0).end()))
                .isEqualTo("the amount is under $500");
        assertThat(a.parts().get(4).target()).isEqualTo("context.input has reason");
    }

    @Test
    void conditionsTheSchemaMakesConstantGetTheConstantFinding() {
        assertThat(codes(one(SHOP, "Block users from processing refunds when an order id is provided"))).containsExactly("DENY_ALL");
        assertThat(codes(one(BANK, "Block users from sending wires when the currency is USD or EUR"))).containsExactly("DENY_ALL");
        assertThat(codes(one(SHOP, "Block users from processing refunds when a reason is provided"))).isEmpty();
    }

    @Test
    void nominalisationsAndBritishSpellingShareAStem() {
        assertThat(Stems.stem("deletion")).isEqualTo(Stems.stem("delete"));
        assertThat(Stems.stem("cancelling")).isEqualTo(Stems.stem("cancel"));
        assertThat(Stems.stem("cancelled")).isEqualTo(Stems.stem("cancels"));
        assertThat(Stems.stem("finalization")).isEqualTo(Stems.stem("finalize"));
    }

    private static String words(String text, Alignment a, Alignment.Role role) {
        Alignment.Part p = a.parts().stream().filter(x -> x.role() == role).findFirst().orElseThrow();
        return text.substring(p.spans().get(0).start(), p.spans().get(0).end());
    }
}
