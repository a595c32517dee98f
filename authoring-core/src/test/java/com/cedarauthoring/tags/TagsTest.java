package com.cedarauthoring.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cedarauthoring.errors.ValidationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** AWS's tag limits, one table. */
class TagsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty key     | ''                  | v",
            "long key      | KEY129              | v",
            "key chars     | a*b                 | v",
            "aws: prefix   | aws:owner           | v",
            "AWS: prefix   | AWS:owner           | v",
            "long value    | k                   | VALUE257",
            "value chars   | k                   | a#b"})
    void refused(String why, String key, String value) {
        String k = key.equals("KEY129") ? "k".repeat(129) : key;
        String v = value.equals("VALUE257") ? "v".repeat(257) : value;
        assertThatThrownBy(() -> Tags.of("tags", Map.of(k, v))).as(why).isInstanceOf(ValidationException.class);
    }

    @Test
    void acceptsTheFullCharsetAndLimits() {
        Map<String, String> fifty = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "");
        }
        assertThat(Tags.of("tags", fifty).values()).hasSize(50);
        assertThat(Tags.of("tags", Map.of("cost center/a.b:c=d+e@f-g_h", "x".repeat(256))).values()).hasSize(1);
        assertThat(Tags.of("tags", Map.of("k".repeat(128), "v")).values()).hasSize(1);
        fifty.put("one-more", "v");
        assertThatThrownBy(() -> Tags.of("tags", fifty)).isInstanceOf(ValidationException.class).hasMessageContaining("50");
    }
}
