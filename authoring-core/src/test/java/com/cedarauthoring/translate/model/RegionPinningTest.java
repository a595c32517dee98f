package com.cedarauthoring.translate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionPinningTest {
    static final String FM = "anthropic.claude-3-7-sonnet-20250219-v1:0";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "us-east-1, US", "us-west-2, US", "eu-central-1, EU", "eu-west-3, EU", "eu-south-2, EU",
            "ap-northeast-1, APAC", "ap-south-1, APAC", "ap-southeast-2, APAC"})
    void placedRegionsAcceptFoundationModelsAndTheirOwnGeographysProfiles(String region, String geo) {
        RegionPinning.Pinned fm = RegionPinning.pin(region, FM);
        assertThat(fm.geography().name()).isEqualTo(geo);
        assertThat(fm.inferenceProfile()).isFalse();
        assertThat(fm.region()).isEqualTo(region);

        String profile = fm.geography().profilePrefix() + FM;
        RegionPinning.Pinned p = RegionPinning.pin(region, profile);
        assertThat(p.inferenceProfile()).isTrue();
        assertThat(p.modelId()).isEqualTo(profile);
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource({
            "us-west-2, eu." + FM + ", EU",
            "us-west-2, apac." + FM + ", APAC",
            "eu-central-1, us." + FM + ", US",
            "ap-northeast-1, us." + FM + ", US",
            "us-east-1, global." + FM + ", global",
            "eu-west-1, global." + FM + ", global",
            "ap-northeast-1, jp." + FM + ", jp."})
    void profilesOfAnotherGeographyOrGlobalAreRefusedNamingRegionGeographyAndPrefixes(String region, String id,
                                                                                        String mentioned) {
        assertThatThrownBy(() -> RegionPinning.pin(region, id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(region)
                .hasMessageContaining("geography " + RegionPinning.geographyOf(region).orElseThrow())
                .hasMessageContaining("\"" + RegionPinning.geographyOf(region).orElseThrow().profilePrefix() + "\"")
                .hasMessageContaining(mentioned);
    }

    @ParameterizedTest
    @CsvSource({"ca-central-1", "sa-east-1", "me-central-1", "af-south-1", "il-central-1", "mx-central-1",
            "us-gov-west-1", "cn-north-1", "not-a-region"})
    void regionsWeCannotPlaceAreRefused(String region) {
        assertThat(RegionPinning.geographyOf(region)).isEmpty();
        assertThatThrownBy(() -> RegionPinning.pin(region, FM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(region)
                .hasMessageContaining("US: us-*, EU: eu-*, APAC: ap-*");
    }

    @ParameterizedTest
    @CsvSource({"arn:aws:bedrock:us-west-2:123456789012:application-inference-profile/abc", "claude", "us."})
    void arnsAndMalformedIdsAreRefused(String id) {
        assertThatThrownBy(() -> RegionPinning.pin("us-west-2", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us-west-2").hasMessageContaining("geography US");
    }
}
