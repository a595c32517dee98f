package com.cedarauthoring.api.observe;

import com.cedarauthoring.findings.Finding;
import com.cedarauthoring.findings.FindingType;
import com.cedarauthoring.generation.Asset;
import com.cedarauthoring.generation.GenerationEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Generations by outcome and generated assets by finding type (an asset counts once per type it has). */
final class GenerationMeters implements GenerationEvents {
    private final MeterRegistry registry;

    GenerationMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void generated(List<Asset> assets) {
        generations("GENERATED", "none").increment();
        for (Asset asset : assets) {
            Set<FindingType> types = EnumSet.noneOf(FindingType.class);
            asset.findings().stream().map(Finding::type).forEach(types::add);
            types.forEach(t -> Counter.builder("authoring.generation.assets")
                    .description("Generated assets by finding type")
                    .tag("finding_type", t.name()).register(registry).increment());
        }
    }

    @Override
    public void failed(Failure why) {
        generations("GENERATE_FAILED", why.name()).increment();
    }

    private Counter generations(String outcome, String failure) {
        return Counter.builder("authoring.generations")
                .description("Finished generations by outcome (and why failed ones failed)")
                .tag("outcome", outcome).tag("failure", failure).register(registry);
    }
}
