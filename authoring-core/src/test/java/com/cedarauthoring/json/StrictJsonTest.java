package com.cedarauthoring.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Client JSON is read strictly (issue 8 item 10). */
class StrictJsonTest {
    @Test
    void refusesTrailingContentDuplicatesAndUnpairedSurrogates() {
        assertThatThrownBy(() -> StrictJson.read("{\"a\":1} x")).isInstanceOf(StrictJson.Invalid.class);
        assertThatThrownBy(() -> StrictJson.read("{\"a\":1}{}")).isInstanceOf(StrictJson.Invalid.class);
        assertThatThrownBy(() -> StrictJson.read("{\"a\":{\"b\":1,\"b\":2}}")).isInstanceOf(StrictJson.Invalid.class)
                .hasMessageContaining("Duplicate field 'b'");
        assertThatThrownBy(() -> StrictJson.read("[\"\\ud800\"]")).isInstanceOf(StrictJson.Invalid.class)
                .hasMessageContaining("unpaired UTF-16 surrogate");
        assertThatThrownBy(() -> StrictJson.read("{\"\\udfff\":1}")).isInstanceOf(StrictJson.Invalid.class);
        assertThatThrownBy(() -> StrictJson.read("\"\\ud83d\\ud83d\"")).isInstanceOf(StrictJson.Invalid.class);
    }

    @Test
    void acceptsWellFormedJsonWithPairedSurrogates() throws Exception {
        assertThat(StrictJson.read("{\"a\":\"\\ud83d\\ude00\",\"b\":[1, {\"c\": null}]}  \n").get("a").textValue())
                .isEqualTo("\uD83D\uDE00");
    }
}
