package com.cedarauthoring.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generation-level findings string. */
class FindingsSummaryTest {
    @Test
    void countsEachTypeOncePerAssetInEnumOrder() {
        List<Asset> assets = List.of(
                asset(Finding.valid()),
                asset(Finding.of(FindingType.AMBIGUOUS, "A", "which user?"), Finding.of(FindingType.ALLOW_ALL, "B", "all")),
                asset(Finding.of(FindingType.NOT_TRANSLATABLE, "C", "no"), Finding.of(FindingType.NOT_TRANSLATABLE, "D", "no")),
                asset(Finding.valid()));
        assertThat(FindingsSummary.of(assets)).isEqualTo("4 assets: 2 VALID, 1 NOT_TRANSLATABLE, 1 ALLOW_ALL, 1 AMBIGUOUS");
        assertThat(FindingsSummary.of(List.of(asset(Finding.valid())))).isEqualTo("1 asset: 1 VALID");
        assertThat(FindingsSummary.of(List.of())).isEqualTo("0 assets");
    }

    private static Asset asset(Finding... findings) {
        return new Asset("a-0123456789", Optional.empty(), "text", Optional.empty(), List.of(findings), Optional.empty(),
                List.of(), com.cedarauthoring.translate.Provenance.rules(),
                com.cedarauthoring.translate.Alignment.none());
    }
}
