package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelOutputTest {
    static final String OBJ = "{\"policies\": [{\"rawTextFragment\": \"Allow x\", \"cedar\": \"permit(principal, action, resource);\", \"ambiguities\": [\"a\"]}]}";

    @Test
    void toleratesFencesAndProseAroundTheObject() {
        ModelOutput out = ModelOutput.parse("Sure! Here it is:\n```json\n" + OBJ + "\n```\nHope that helps.");
        assertThat(out).isInstanceOf(ModelOutput.Policies.class);
        ModelOutput.Policy p = ((ModelOutput.Policies) out).policies().get(0);
        assertThat(p.rawTextFragment()).isEqualTo("Allow x");
        assertThat(p.cedar()).startsWith("permit");
        assertThat(p.ambiguities()).containsExactly("a");
    }

    @Test
    void findsTheObjectAfterProseWithBraces() {
        ModelOutput out = ModelOutput.parse("The format {policies} is below.\n" + OBJ + "\n} trailing");
        assertThat(out).isInstanceOf(ModelOutput.Policies.class);
    }

    @Test
    void rejectsEverythingElseWithAProblemTheModelCanActOn() {
        assertThat(ModelOutput.parse("")).isInstanceOf(ModelOutput.Unreadable.class);
        assertThat(ModelOutput.parse("permit(principal, action, resource);")).isInstanceOf(ModelOutput.Unreadable.class);
        assertThat(ModelOutput.parse("{\"policies\": \"permit\"}")).isInstanceOf(ModelOutput.Unreadable.class);
        assertThat(ModelOutput.parse("{\"policies\": []}")).isInstanceOf(ModelOutput.Unreadable.class);
        assertThat(ModelOutput.parse("{\"policies\": [{\"cedar\": 5}]}")).isInstanceOf(ModelOutput.Unreadable.class);
        assertThat(ModelOutput.parse("{\"policies\": [1]}")).isInstanceOf(ModelOutput.Unreadable.class);
        assertThat(ModelOutput.parse("{\"policies\": [{\"cedar\": \"x\"} ")).isInstanceOf(ModelOutput.Unreadable.class);
        assertThat(((ModelOutput.Unreadable) ModelOutput.parse("{\"x\": 1}")).problem()).contains("\"policies\"");
    }
}
